function box({ w = 1, h = w * 2, label = `${w}x${h}` } = {}) { return label; }
console.log(box(), box({ w: 3 }), box({ w: 2, h: 5 }), box({ label: "custom" }));
const pick = ({ a, c }) => [a, c];
console.log(pick({ a: 1, b: 2, c: 3 }), pick({}));
function coords([x = 0, y = 0, z = 0] = []) { return x + y * 10 + z * 100; }
console.log(coords(), coords([1]), coords([1, 2, 3]), coords([, 5]));
const fn = ({ id, meta: { tags = [] } = {} }, ...rest) => `${id}:${tags.length}:${rest.length}`;
console.log(fn({ id: 1 }), fn({ id: 2, meta: { tags: ["a"] } }, 9, 9));
const entries = Object.entries({ a: 1, b: 2 }).map(([key, value]) => `${key}=${value}`);
console.log(entries);
function swap([a, b]) { return [b, a]; }
console.log(swap([1, 2]), swap("xy"));
let calls = 0;
function dflt() { calls++; return "computed"; }
function lazy({ v = dflt() }) { return v; }
console.log(lazy({ v: 0 }), lazy({ v: null }), lazy({}), lazy({ v: undefined }), calls);
