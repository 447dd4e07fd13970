function lzwEncode(s) {
  const dict = {}; let next = 256;
  for (let i = 0; i < 256; i++) dict[String.fromCharCode(i)] = i;
  let w = "", out = [];
  for (const c of s) { const wc = w + c; if (wc in dict) w = wc; else { out.push(dict[w]); dict[wc] = next++; w = c; } }
  if (w) out.push(dict[w]);
  return out;
}
function lzwDecode(codes) {
  const dict = []; for (let i = 0; i < 256; i++) dict.push(String.fromCharCode(i));
  let w = dict[codes[0]], out = w;
  for (let i = 1; i < codes.length; i++) { const k = codes[i]; const entry = k < dict.length ? dict[k] : w + w[0]; out += entry; dict.push(w + entry[0]); w = entry; }
  return out;
}
const text = "TOBEORNOTTOBEORTOBEORNOT#".repeat(4);
const codes = lzwEncode(text);
console.log(codes.length, text.length, codes.slice(0, 16), lzwDecode(codes) === text);
function huffman(s) {
  const freq = {}; for (const c of s) freq[c] = (freq[c] || 0) + 1;
  let nodes = Object.keys(freq).sort().map(c => ({ c, w: freq[c] }));
  while (nodes.length > 1) { nodes.sort((a, b) => a.w - b.w); const [a, b] = nodes.splice(0, 2); nodes.push({ w: a.w + b.w, l: a, r: b }); }
  const codes = {};
  (function walk(n, p) { if (n.c !== undefined) { codes[n.c] = p || "0"; return; } walk(n.l, p + "0"); walk(n.r, p + "1"); })(nodes[0], "");
  return codes;
}
const msg = "this is an example of a huffman tree";
const table = huffman(msg);
const encoded = [...msg].map(c => table[c]).join("");
console.log(Object.keys(table).length, encoded.length, msg.length * 8);
const rev = {}; for (const k in table) rev[table[k]] = k;
let decoded = "", cur = ""; for (const bit of encoded) { cur += bit; if (cur in rev) { decoded += rev[cur]; cur = ""; } }
console.log(decoded === msg, table[" "].length, table["x"].length);
