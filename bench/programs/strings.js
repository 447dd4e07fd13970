// strings: building strings by concatenation, charCodeAt/fromCharCode, indexOf, substring,
// split and join: a Caesar cipher and a word count over generated text. BENCH_SIZE = rounds.
var WORDS = ['kiln', 'engine', 'bytecode', 'register', 'shape', 'closure', 'array', 'string'];
function makeText(n, seed) {
  var s = '', i;
  for (i = 0; i < n; i++) { seed = (seed * 69069 + 1) % 4294967296; s += WORDS[seed % WORDS.length] + ' '; }
  return s;
}
function caesar(s, k) {
  var out = '', i, c;
  for (i = 0; i < s.length; i++) {
    c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) c = 97 + (c - 97 + k) % 26;
    out += String.fromCharCode(c);
  }
  return out;
}
function run(rounds) {
  var total = 0, r, text, enc, parts, i, pos;
  for (r = 0; r < rounds; r++) {
    text = makeText(200, r + 1);
    enc = caesar(text, (r % 25) + 1);
    if (caesar(enc, 26 - ((r % 25) + 1)) !== text) return 'FAIL';
    parts = text.split(' ');
    for (i = 0; i < parts.length; i++) if (parts[i].length > 5) total++;
    pos = 0;
    while ((pos = text.indexOf('shape', pos)) !== -1) { total += 2; pos += 5; }
    total += parts.join('-').substring(10, 50).length;
  }
  return total;
}
var t0 = benchNow();
var r = run(BENCH_SIZE);
var t1 = benchNow();
benchReport(r, t0, t1);
