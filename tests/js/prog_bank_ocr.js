// Parse seven-segment digits drawn with _ and | (the "bank OCR" kata)
const glyphs = [" _     _  _     _  _  _  _  _ ", "| |  | _| _||_||_ |_   ||_||_|", "|_|  ||_  _|  | _||_|  ||_| _|"];
const digitMap = {};
for (let d = 0; d < 10; d++) digitMap[glyphs.map(row => row.slice(d * 3, d * 3 + 3)).join("")] = String(d);
function parse(lines) { let out = ""; for (let i = 0; i < lines[0].length; i += 3) out += digitMap[lines.map(l => l.slice(i, i + 3)).join("")] ?? "?"; return out; }
function render(num) { return [0, 1, 2].map(r => [...num].map(d => glyphs[r].slice(+d * 3, +d * 3 + 3)).join("")); }
function checksum(acct) { let s = 0; for (let i = 0; i < 9; i++) s += (9 - i) * +acct[i]; return s % 11 === 0; }
for (const acct of ["345882865", "123456789", "490067715", "000000051", "111111111"]) {
  const drawn = render(acct);
  const parsed = parse(drawn);
  console.log(drawn.join("\n"));
  console.log(parsed, parsed === acct, checksum(parsed) ? "OK" : "ERR");
}
const broken = render("12345");
broken[1] = broken[1].slice(0, 4) + "X" + broken[1].slice(5);
console.log(parse(broken));
