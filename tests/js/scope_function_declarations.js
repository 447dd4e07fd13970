function outer() { return typeof inner + ":" + inner(); function inner() { return "hoisted"; } }
console.log(outer(), typeof globalThis.outer);
function blockFns(flag) {
  const results = [];
  if (flag) { function choose() { return "block A"; } results.push(choose()); }
  { const choose2 = () => "arrow in block"; results.push(choose2()); }
  return results;
}
console.log(blockFns(true));
let counter = 0;
function increment() { counter++; }
for (let i = 0; i < 5; i++) increment();
console.log(counter);
const funcs = {};
for (const name of ["alpha", "beta"]) funcs[name] = function () { return name.toUpperCase(); };
console.log(funcs.alpha(), funcs.beta(), funcs.alpha.name);
function overwrite() { return 1; }
const saved = overwrite;
overwrite = function () { return 2; };
console.log(saved(), overwrite());
var fnVar = function named() { return typeof named; };
console.log(fnVar(), typeof named);
function params(a, a2 = a, { b } = { b: a }) { return [a, a2, b]; }
console.log(params(1), params(1, 2, { b: 3 }));
