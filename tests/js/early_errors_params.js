// Early errors about parameters and function names, reported when the source is compiled
// (here: by eval and the Function constructor, which throw a SyntaxError).
function check(src) {
  try {
    eval(src);
    return "ok";
  } catch (e) {
    return e.constructor.name;
  }
}
const cases = [
  "'use strict'; function eval() {}",
  "'use strict'; async function arguments() {}",
  "(function eval() { 'use strict'; })",
  "(async function arguments() { 'use strict'; })",
  "function eval() {}",
  "'use strict'; (function (a, eval) {})",
  "'use strict'; (async (arguments) => 1)",
  "(function ([arguments]) { 'use strict'; })",
  "(function (eval) {})",
  "(function (a, a) {})",
  "(function (a, a = 1) {})",
  "(async function (a, a = 1) {})",
  "(function (a, [a]) {})",
  "(function (a, ...a) {})",
  "'use strict'; (function (a, a) {})",
  "((a, a) => 1)",
  "(async (a, a) => 1)",
  "({ m(a, a) {} })",
  "(function () { super.x; })",
  "(function (a = super.x) {})",
  "(async function () { super.x; })",
  "(async () => super.x)",
  "(function () { super(); })",
  "({ m() { super(); } })",
  "({ m() { return super.x; } })",
  "({ m() { return () => super.x; } })",
  "class A { constructor() { super(); } }",
  "class A extends Object { constructor() { (() => super())(); } }",
  "import x from 'y';",
  "export var z = 1;",
];
for (const c of cases) console.log(check(c).padEnd(12), c);
for (const args of [["eval", "'use strict'"], ["a", "a", "'use strict'"], ["a", "b = 1", "a", ""]]) {
  let r;
  try {
    Function(...args);
    r = "ok";
  } catch (e) {
    r = e.constructor.name;
  }
  console.log(r.padEnd(12), "Function(" + args.join(", ") + ")");
}
