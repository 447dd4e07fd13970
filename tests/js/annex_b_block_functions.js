// Annex B.3.2: sloppy-mode function declarations in blocks also bind a var in the
// enclosing function / module, assigned when the declaration is evaluated.
if (true) function fromIf() { return 'if clause'; }
console.log(fromIf());

console.log(typeof later); // var exists, still undefined
{
  console.log(typeof later); // block binding is hoisted within the block
  function later() { return 'later'; }
}
console.log(later());

(function () {
  console.log('before:', typeof inner);
  {
    function inner() { return 1; }
  }
  console.log('after:', typeof inner, inner());
})();

// A let of the same name in an enclosing scope: no var is created.
(function () {
  let shadow = 'let';
  {
    function shadow() {}
  }
  console.log('shadow stays', shadow);
})();

// A simple catch parameter does not block the var; a destructured one does.
(function () {
  try { throw 1; } catch (e) { { function e() { return 'caught fn'; } } }
  console.log('simple catch:', typeof e);
  try { throw {}; } catch ({ d }) { { function d() {} } }
  console.log('pattern catch:', typeof d);
})();

// A parameter of the same name keeps its value.
(function (p) {
  { function p() {} }
  console.log('param:', p);
})('argument');

// Existing var is updated when the declaration runs, not before.
(function () {
  var v = 'var value';
  console.log(v);
  { function v() { return 'fn value'; } }
  console.log(typeof v, v());
})();

// The block binding and the var are separate after the declaration.
(function () {
  {
    function sep() { return 'decl'; }
    sep = 123;
  }
  console.log('var copy:', typeof sep, sep());
})();

// switch clauses, loops, labels.
switch (2) {
  case 1:
    function sw1() { return 'sw1'; }
    break;
  case 2:
    function sw2() { return 'sw2'; }
}
console.log(typeof sw1, sw2());
for (var i = 0; i < 2; i++) {
  function inLoop() { return i; }
}
console.log('loop:', inLoop());
for (let j = 0; j < 1; j++) {
  { function j() {} }
}
console.log('for-let shadow:', typeof j);

// Closures see the var.
(function () {
  var get = () => typeof cl;
  console.log('closure before:', get());
  { function cl() {} }
  console.log('closure after:', get());
})();

// Direct eval code.
(function () {
  eval('{ function ev() { return "eval fn"; } } console.log(ev());');
})();

// Generators and async functions in blocks are block-scoped only.
{
  function* gen() {}
  async function asy() {}
}
console.log(typeof gen, typeof asy);

// Strict functions do not hoist.
(function () {
  'use strict';
  { function strictInner() {} }
  console.log('strict:', typeof strictInner);
})();
