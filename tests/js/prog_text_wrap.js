const text = "The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs. How vexingly quick daft zebras jump! Sphinx of black quartz, judge my vow.";
function wrap(t, width) {
  const lines = []; let line = "";
  for (const word of t.split(" ")) {
    if (line.length === 0) line = word;
    else if (line.length + 1 + word.length <= width) line += " " + word;
    else { lines.push(line); line = word; }
  }
  if (line) lines.push(line);
  return lines;
}
for (const w of [20, 35]) { console.log(`--- width ${w}`); for (const l of wrap(text, w)) console.log("|" + l.padEnd(w) + "|"); }
function justify(line, width) {
  const words = line.split(" ");
  if (words.length === 1) return line.padEnd(width);
  const gaps = words.length - 1, spaces = width - words.join("").length;
  return words.map((w, i) => (i < gaps ? w + " ".repeat(Math.floor(spaces / gaps) + (i < spaces % gaps ? 1 : 0)) : w)).join("");
}
const lines = wrap(text, 30);
for (let i = 0; i < lines.length; i++) console.log("[" + (i < lines.length - 1 ? justify(lines[i], 30) : lines[i].padEnd(30)) + "]");
