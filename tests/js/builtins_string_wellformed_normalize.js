// String.prototype.at / isWellFormed / toWellFormed / normalize.
const codes = (s) => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i).toString(16)).join(" ");
console.log("abc".at(0), "abc".at(-1), "abc".at(3), "abc".at(-4), "abc".at(1.7), "abc".at("x"));
console.log(String.prototype.at.call(12345, -2));
try { String.prototype.at.call(null, 0); } catch (e) { console.log(e.constructor.name); }

const samples = ["abc", "a\uD800b", "\uDC00", "\uD83D\uDE00", "\uDE00\uD83D", "x\uD83D", "", "\uD800\uD800\uDC00"];
for (const s of samples) {
  const w = s.toWellFormed();
  console.log(s.isWellFormed(), codes(w), w.isWellFormed(), w.length === s.length);
}
console.log(String.prototype.isWellFormed.call({ toString() { return "\uD800"; } }));
try { String.prototype.toWellFormed.call(undefined); } catch (e) { console.log(e.constructor.name); }

const n = "\u1E9B\u0323";
for (const f of ["NFC", "NFD", "NFKC", "NFKD"]) console.log(f, codes(n.normalize(f)));
console.log(codes("e\u0301".normalize()), codes("\u00e9".normalize("NFD")), codes("\uFB01".normalize("NFKC")));
console.log(codes("\u212B".normalize()), codes("\uAC00".normalize("NFD")), codes("\u1100\u1161".normalize()));
console.log(codes("a\uD800\u0301e\u0301".normalize()), codes("\uD83D\uDE00\u0301".normalize("NFD")));
console.log("abc".normalize(undefined), "x".normalize("NFC"));
for (const bad of ["nfc", "", null, "NFC "]) {
  try { "a".normalize(bad); } catch (e) { console.log(e.constructor.name, e.message); }
}
try { String.prototype.normalize.call(null); } catch (e) { console.log(e.constructor.name); }
for (const m of ["at", "isWellFormed", "toWellFormed", "normalize"]) {
  const d = Object.getOwnPropertyDescriptor(String.prototype, m);
  console.log(m, d.value.name, d.value.length, d.enumerable);
}
