// The with statement: names found on the object (reads, writes, compound assignment, calls
// with the object as `this`, typeof), names that fall through to variables and globals,
// nested withs, closures created inside, var declarations, Symbol.unscopables.
var o = { a: 1, b: 2, f() { return this === o; } };
var a = 'outer a';
var c = 'outer c';
with (o) {
  console.log(a, b, c, f(), typeof a, typeof zzz);
  a = 10;
  b += 5;
  c = 'changed c';
  var d = 'declared in with';
}
console.log(o.a, o.b, c, d, a);

function closureInside() {
  var x = 'local x';
  var obj = { y: 'obj y' };
  with (obj) {
    return () => [x, y, typeof x];
  }
}
const g = closureInside();
console.log(g());

var inner = { p: 'inner p' };
var outer = { p: 'outer p', q: 'outer q' };
with (outer) {
  with (inner) {
    console.log(p, q);
    q = 'set through inner with';
  }
}
console.log(outer.q, inner.q);

var arr = [1, 2, 3];
with (arr) {
  console.log(length, join('-'), typeof values);
}
with ('text') console.log(length, charAt(1));

var blocked = { hidden: 'on object', shown: 'on object', [Symbol.unscopables]: { hidden: true } };
var hidden = 'from scope';
with (blocked) console.log(hidden, shown);

// The object can change between lookups.
var dyn = {};
var v = 'variable';
function look() { with (dyn) return v; }
console.log(look());
dyn.v = 'property';
console.log(look());

try {
  with (null) console.log('unreachable');
} catch (e) {
  console.log(e.constructor.name);
}
