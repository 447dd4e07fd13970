// Found by the differential fuzzer (fuzz/): `arguments` in a function that also has a rest
// parameter was not defined (one register held either the rest array or arguments).
var H = 0;
function ck(v) {
  var s;
  if (typeof v === "number") s = (v === 0 && 1 / v < 0) ? "-0" : "n" + v;
  else if (typeof v === "function") s = "fn";
  else if (Array.isArray(v)) s = "A" + v.length + ":" + v.join(",");
  else if (typeof v === "object" && v !== null) s = "O" + Object.keys(v).join(",");
  else s = typeof v + ":" + v;
  for (var i = 0; i < s.length; i++) H = ((H << 5) - H + s.charCodeAt(i)) | 0;
  return v;
}
function cap(v) { return typeof v === "string" && v.length > 64 ? v.length : v; }
function out(tag) { console.log(tag, H); }
(function c0_misc() {
  function f({ a, b = undefined }, [c, , d] = [1, 2, 3], ...rest) {
    return 5 + rest.length + (d === undefined ? 0 : 1) + arguments.length;
  }
  var objs = [{ a: 1 }, { a: 2.5, b: "x" }, { a: null, b: -0 }, { b: 7 }];
  for (let i = 0; i < 588; i++) {
    var o = objs[i & 3];
    ck(f(o, i % 3 ? [i, i, i] : undefined, ...(i % 2 ? [1, 2] : [])));
  }
  out("c0");
})();
function f({ a, b = 5 }, [c, , d] = [1, 2, 3], ...rest) {
  return [a, b, c, d, rest.length, arguments.length].join();
}
console.log(f({a:1}, undefined));
console.log(f({a:1}, undefined, 1, 2));
console.log(f({a:1}, [7,8,9], 1, 2));
console.log(f({a:1}, [7,8,9]));
console.log(f({a:1}, undefined, ...[1, 2]));
console.log(f({a:1}, [4], ...[]));
const h = (...r) => r.length; function k(a, ...r) { return h(...arguments) + ":" + arguments[0] + ":" + r; }
for (let i = 0; i < 300; i++) ck(k(i, i + 1));
console.log(k(1, 2, 3), k(), H);
