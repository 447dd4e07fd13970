const a = [1, 2], b = [1, 2], o = { k: 1 };
console.log(a == b, a === b, a == a, a == "1,2", a === "1,2", [1] == 1, [1] == "1", [[1]] == 1);
console.log(o == "[object Object]", o == o, {} == {}, null == {}, undefined == [], [] == false, [0] == false, [1] == true, [2] == true);
console.log(new Error("x") == "Error: x");
function deepEqual(x, y) {
  if (x === y) return x !== 0 || 1 / x === 1 / y;
  if (x !== x && y !== y) return true;
  if (typeof x !== "object" || typeof y !== "object" || x === null || y === null) return false;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  const kx = Object.keys(x), ky = Object.keys(y);
  return kx.length === ky.length && kx.every(k => ky.includes(k) && deepEqual(x[k], y[k]));
}
console.log(deepEqual({ a: [1, { b: NaN }] }, { a: [1, { b: NaN }] }), deepEqual([0], [-0]), deepEqual({ a: 1 }, { a: 1, b: undefined }), deepEqual([], {}), deepEqual("x", "x"));
const arr = [NaN, 0, -0, "0", null, undefined];
console.log(arr.map(v => arr.filter(w => w == v).length));
console.log(arr.map(v => arr.filter(w => Object.is(w, v)).length));
