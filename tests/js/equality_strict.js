const vals = [0, -0, 1, "", "0", null, undefined, true, NaN, Infinity];
for (const a of vals) {
  let line = [];
  for (const b of vals) line.push(a === b ? 1 : 0);
  console.log(String(a).padStart(9), line.join(""));
}
console.log(1 !== "1", null !== undefined, "x" === "x", 5 === 5.0);
let a = [1], b = [1], c = a;
console.log(a === b, a === c, a !== b);
function f() {} let g = f;
console.log(f === g, f === function () {}, typeof f === "function");
console.log(Object.is(1, 1), Object.is("a", "a"), Object.is({}, {}), Object.is(NaN, 0 / 0), Object.is(0, -0));
console.log("ab" + "c" === "abc", ("a" + "b") + "c" === "abc");
