// Indirect eval (global code, completion values, var declarations on the global object,
// strict eval keeping its vars), the Function constructor and the generator/async function
// constructors (source checked as one function: parameters cannot close it early).
console.log(eval('1 + 2'), eval(42), (0, eval)('var gx = 5; gx * 2'), typeof gx);
console.log((0, eval)('"indirect"'), (0, eval)('if (true) { "in block" }'));
console.log((0, eval)('"use strict"; var sv = 1; sv'), typeof sv);
const add = new Function('a', 'b', 'return a + b');
console.log(add(2, 3), add.length, add.name, String(add));
console.log(Function('return this')() === globalThis, Function()(), new Function('a, b', 'c', 'return a + b + c')(1, 2, 3));
for (const src of [['a', 'return a +'], [') { return 1; } (function (', ''], ['}); (function () {']]) {
  try {
    Function(...src);
  } catch (e) {
    console.log(e.constructor.name);
  }
}
try {
  (0, eval)('let let = 1');
} catch (e) {
  console.log(e.constructor.name);
}
const GF = Object.getPrototypeOf(function* () {}).constructor;
const g = new GF('a', 'yield a; yield a * 2');
console.log([...g(4)], GF.name, g instanceof GF, Object.getPrototypeOf(GF) === Function);
const AF = Object.getPrototypeOf(async function () {}).constructor;
new AF('x', 'return await x * 2')(21).then((v) => console.log('async ctor', v));
