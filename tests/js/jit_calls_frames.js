// Calls between hot functions (compiled at the default thresholds and set up inline by
// compiled callers): argument counts, `this` in sloppy and strict callees, receivers,
// closures, exceptions through several frames, recursion, and callees that deoptimize.
function add3(a, b, c) { return a + b + c; }
function first(a) { return a; }
function countArgs(a, b) { return typeof a + "/" + typeof b; }
function sloppyThis() { return this === globalThis; }
function strictThis() { "use strict"; return this === undefined ? "undef" : typeof this; }
function withRest(a, ...r) { return a + r.length; }
function withArguments() { return arguments.length; }
function Point(x, y) { this.x = x; this.y = y; }
Point.prototype.sum = function () { return this.x + this.y; };
Point.prototype.scaled = function (k) { return new Point(this.x * k, this.y * k); };
function makeCounter() { var n = 0; return function (d) { n += d; return n; }; }
function thrower(i) { if (i % 97 === 96) throw new Error("boom " + i); return i; }
function middle(i) { return thrower(i) + 1; }
function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }
function getX(o) { return o.x; }

var s = 0, t = "", caught = 0, counter = makeCounter(), shapes = 0;
for (var i = 0; i < 3000; i++) {
  s += add3(i, 1, 2);
  s += isNaN(add3(i, 1)) ? 1 : 0;      // c is undefined: NaN
  t = countArgs(i) + " " + countArgs() + " " + countArgs(1, 2, 3);
  if (!sloppyThis()) throw new Error("sloppy this");
  if (strictThis() !== "undef") throw new Error("strict this");
  s += withRest(1, 2, 3) + withArguments(1, 2);
  var p = new Point(i, 2);
  s += p.sum() + p.scaled(2).sum();
  s += counter(1);
  try { s += middle(i); } catch (e) { caught++; t = e.message; }
  s += fact(10) % 7;
  // A new shape at a compiled access inside an inline-called frame (deopt there).
  shapes += getX(i < 2500 ? { x: 1 } : { y: 2, x: 3 });
  s = (s + first(i, i, i)) | 0;
}
console.log(s, t, caught, counter(0), shapes);
console.log(add3("a", "b", "c"), first(), countArgs(undefined, null));
var o = { m: sloppyThis, n: strictThis };
console.log(o.m(), o.n());
try { var nf = 5; for (var j = 0; j < 200; j++) first(j); nf(); } catch (e) { console.log(e.name); }
function deep(n) { return n === 0 ? 0 : 1 + deep(n - 1); }
for (var k = 0; k < 200; k++) deep(10);
try { deep(1e6); } catch (e) { console.log(e.name + ": " + e.message); }
console.log(deep(3000));
