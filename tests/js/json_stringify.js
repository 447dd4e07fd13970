console.log(JSON.stringify({ a: 1, b: "two", c: [1, 2, { d: null }], e: true }));
console.log(JSON.stringify([undefined, function () {}, null, NaN, Infinity, -0]));
console.log(JSON.stringify({ u: undefined, f() {}, n: null, nan: NaN }));
console.log(JSON.stringify("str"), JSON.stringify(5), JSON.stringify(null), JSON.stringify(undefined), JSON.stringify(true), JSON.stringify([]), JSON.stringify({}));
console.log(JSON.stringify({ a: [1, 2], b: { c: 3 } }, null, 2));
console.log(JSON.stringify([1, [2, [3]]], null, "--"));
console.log(JSON.stringify("\"quotes\" \\ \n\t\r\b\f \u0001 \u001f é ☺"));
console.log(JSON.stringify({ "key with \"quote\"": 1 }));
console.log(JSON.stringify({ 2: "b", 1: "a", z: "z", a: "a" }));
class P { constructor() { this.x = 1; this.y = [2]; } method() {} }
console.log(JSON.stringify(new P()), JSON.stringify([new P()]));
console.log(JSON.stringify({ nested: { empty: {}, arr: [] } }, null, 4));
console.log(JSON.stringify([], null, 2), JSON.stringify({}, null, 2), JSON.stringify([[]], null, 2));
console.log(JSON.stringify({ a: 1 }, null, 20) === JSON.stringify({ a: 1 }, null, 10));
console.log(JSON.stringify([1e21, 1e-7, 0.1 + 0.2, 5e-324, -1.5]));
const cyc = { name: "c" }; cyc.self = cyc;
try { JSON.stringify(cyc); } catch (e) { console.log(e instanceof TypeError); }
console.log(JSON.stringify(Object.create({ inherited: 1 })), JSON.stringify([, 1]));
