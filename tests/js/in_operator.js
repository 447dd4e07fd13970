const o = { a: 1, b: undefined, [5]: "five" };
console.log("a" in o, "b" in o, "c" in o, 5 in o, "5" in o, "toString" in o, "constructor" in o);
const arr = ["x", , "z"];
console.log(0 in arr, 1 in arr, 2 in arr, "length" in arr, "push" in arr, -1 in arr);
class A { constructor() { this.own = 1; } method() {} static s() {} }
const a = new A();
console.log("own" in a, "method" in a, "s" in a, "s" in A, "prototype" in A, "name" in A);
delete o.a;
console.log("a" in o);
o.a = undefined;
console.log("a" in o, o.hasOwnProperty("a"));
const chain = Object.create(Object.create({ deep: true }));
console.log("deep" in chain, chain.hasOwnProperty("deep"));
for (const bad of [null, undefined, 1, "str", true]) { try { "x" in bad; console.log("no error"); } catch (e) { console.log(typeof bad, e.name); } }
function has(obj, ...keys) { return keys.every(k => k in obj); }
console.log(has({ x: 1, y: 2 }, "x", "y"), has({ x: 1 }, "x", "z"), has([1, 2], 0, 1), has([1, 2], 2));
