function classify(v) {
  switch (typeof v) {
    case "number":
      switch (true) { case Number.isNaN(v): return "nan"; case v < 0: return "negative"; case Number.isInteger(v): return "integer"; default: return "float"; }
    case "string": return v.length ? "string" : "empty string";
    case "object": if (v === null) return "null"; return Array.isArray(v) ? "array" : "object";
    default: return typeof v;
  }
}
console.log([1, -1, 1.5, NaN, "", "s", null, [], {}, undefined, () => 1, true].map(classify));
function fallthroughCount(n) { let c = 0; switch (n) { case 0: c++; case 1: c++; case 2: c++; case 3: c++; } return c; }
console.log([0, 1, 2, 3, 4].map(fallthroughCount));
function defaultInMiddle(x) { const out = []; switch (x) { case "a": out.push("a"); default: out.push("def"); case "b": out.push("b"); break; case "c": out.push("c"); } return out.join(""); }
console.log(["a", "b", "c", "z"].map(defaultInMiddle));
let s = 0;
for (let i = 0; i < 10; i++) { switch (i % 4) { case 0: s += 1; break; case 1: continue; case 2: s += 10; break; default: s += 100; } s += 1000; }
console.log(s);
function strict(v) { switch (v) { case 1: return "number 1"; case "1": return "string 1"; case true: return "true"; default: return "none"; } }
console.log(strict(1), strict("1"), strict(true), strict(1.0), strict([1]));
const x = 5;
switch (x) { case 5: { const x = "inner"; console.log(x); break; } }
console.log(x);
