// Found by the differential fuzzer (fuzz/): a closure doubling a double prints values such
// as 1125899907170289.25, an exact tie between two shortest digit strings; ECMAScript
// (Number::toString) takes the even one, 1125899907170289.2 as node prints it.
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
function mkc(s) {
  var c = s;
  return { inc: function (d) { c = c * 2 + d; return c; }, get: () => c };
}
var cs = [mkc(0), mkc(2147483647), mkc(4294967296)];
for (let i = 0; i < 1088; i++) {
  ck(cs[i % 3].inc(i * 0.25));
}
out("c1");
console.log(1125899907170289.25, 1125899906842624.75, -1125899907170289.25, 1125899907170289.25 / 1024);
