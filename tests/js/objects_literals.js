const x = 1, y = "two";
const key = "dyn";
const o = {
  x, y,
  [key + "Key"]: "computed",
  [1 + 2]: "three",
  "quoted key": true,
  nested: { deep: { deeper: [1, 2] } },
  method() { return this.x; },
  arrow: () => "arrow",
  123: "numeric",
  "valid_id": 0,
  $dollar: "$",
};
console.log(o);
console.log(o.method(), o.arrow(), o[3], o["quoted key"], o.dynKey, o[123], o["123"]);
const spread = { ...o.nested, extra: 1, ...{ x: "override" } };
console.log(spread);
const merged = { a: 1, b: 2, ...{ b: 3, c: 4 }, c: 5 };
console.log(merged);
console.log({ ...null, ...undefined, ..."hi", ...[9, 8] });
const order = { z: 1, a: 2, 5: "five", 1: "one", "-1": "neg", 1.5: "frac" };
console.log(Object.keys(order));
const dup = { a: 1, a: 2 };
console.log(dup);
const empty = {};
console.log(empty, Object.keys(empty).length, JSON.stringify(empty));
const withFn = { f: function () {}, g() {}, h: () => {}, k: class K {} };
console.log(withFn);
const big = { alpha: 1, beta: "two", gamma: [1, 2, 3], delta: { e: null, f: undefined }, epsilon: true, zeta: -0 };
console.log(big);
