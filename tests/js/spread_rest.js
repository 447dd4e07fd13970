const a = [1, 2], b = [3, 4];
console.log([...a, ...b], [0, ...a, 2.5, ...b, 5], [...[], ...[]], [..."hey"]);
function f(x, y, z) { return [x, y, z]; }
console.log(f(...a), f(...a, ...b), f(0, ...[]), f(..."ab"));
console.log(Math.max(...[3, 7, 1]), Math.min(...[]), String.fromCharCode(...[104, 105]));
const copy = [...a]; copy.push(99); console.log(a, copy);
const withHoles = [...[1, , 3]];
console.log(withHoles, 1 in withHoles);
function collect(first, ...rest) { return { first, rest }; }
console.log(collect(1, 2, 3), collect());
const o1 = { a: 1, nested: { n: 1 } };
const o2 = { ...o1, b: 2 };
o2.nested.n = 2;
console.log(o1, o2);
const [first, ...others] = [..."spread"];
console.log(first, others.join(""));
function sum(...xs) { return xs.reduce((s, x) => s + x, 0); }
const big = []; for (let i = 0; i < 1000; i++) big.push(i);
console.log(sum(...big));
class P { constructor(...parts) { this.parts = parts; } }
console.log(new P(...a, "x"));
const args = [1, 2];
console.log(new Array(...args), [...new Array(3)]);
const arrowRest = (...r) => r.length;
console.log(arrowRest(), arrowRest(...a, ...a));
