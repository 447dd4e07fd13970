// Stores into the holes of `new Array(n)` and at the end of arrays: the fast paths must keep
// every observable detail of [[Set]] — holes read through the prototype chain, `in`,
// hasOwnProperty, forEach/Object.keys skipping holes, console.log's empty items, index
// setters and read-only index properties on the prototypes, proxies on the chain,
// non-extensible, sealed and frozen arrays, a non-writable length. Hot loops repeat the
// stores often enough for the JIT to compile them, and change the prototypes half-way.

function fill(a, n, base) {
  for (var i = 0; i < n; i++) a[i] = base + i;
  return a;
}

// Plain holes, then filled.
var a = new Array(4);
console.log(a, a.length, 0 in a, a.hasOwnProperty(2), Object.keys(a));
a[2] = 'two';
console.log(a, 2 in a, a.hasOwnProperty(2), Object.keys(a));
var seen = [];
a.forEach(function (v, i) { seen.push(i + ':' + v); });
console.log(seen.join(' '));
fill(a, 4, 10);
console.log(a, Object.keys(a).join(','));
console.log(new Array(1), new Array(7), [1, , 3], new Array(0));

// Appends at index == length, and past it.
var b = new Array(2);
b[2] = 'c';
b[3] = 'd';
b[6] = 'g';
console.log(b, b.length);
var grown = [];
for (var i = 0; i < 1000; i++) grown[grown.length] = i * 2;
console.log(grown.length, grown[0], grown[999], grown.indexOf(1998));

// Shrinking length, then growing again: the dropped elements are gone.
var c = fill(new Array(6), 6, 0);
c.length = 2;
console.log(c, c.length, 3 in c, c[3]);
c.length = 5;
console.log(c, 3 in c);
c[4] = 'end';
console.log(c);

// A hole reads through the prototype; a store shadows it. (Nothing is printed while a
// prototype has an index property: node's own console.log code would run into it.)
Array.prototype[1] = 'from proto';
var d = new Array(3);
var seenD = [d[1], 1 in d, d.hasOwnProperty(1)].join(' ');
d[1] = 'own';
seenD += ' / ' + [d[1], d.hasOwnProperty(1), Array.prototype[1]].join(' ');
delete Array.prototype[1];
Array.prototype.length = 0;
console.log(seenD, new Array(3)[1]);

// A setter on Array.prototype for an index runs for hole stores and appends.
var calls = '';
Object.defineProperty(Array.prototype, '0', {
  set: function (v) { calls += ' AP0=' + v; },
  get: function () { return 'getter'; },
  configurable: true
});
var e = new Array(2);
e[0] = 'x';
var f = [];
f[0] = 'y';
var seenE = [e.hasOwnProperty(0), e[0], f.length, Object.keys(f).length].join(' ');
delete Array.prototype[0];
console.log(calls, seenE);
e[0] = 'now own';
console.log(e, f);

// The same on Object.prototype (nothing is printed while it is there: node's own
// console.log code would run into the setter).
Object.defineProperty(Object.prototype, '1', {
  set: function (v) { calls += ' OP1=' + v; },
  configurable: true
});
var g = new Array(3);
g[1] = 'z';
g[0] = 'a';
var gOwn1 = g.hasOwnProperty(1);
delete Object.prototype[1];
console.log(calls, gOwn1, g);
g[1] = 'z2';
console.log(g);

// A read-only index on the prototype: the store fails (silently here, TypeError in strict).
Object.defineProperty(Array.prototype, '2', { value: 'ro', writable: false, configurable: true });
var h = new Array(4);
h[2] = 'w';
var seenH = h[2] + ' ' + h.hasOwnProperty(2);
try {
  (function () { 'use strict'; h[2] = 'w'; })();
} catch (err) {
  seenH += ' ' + err.constructor.name + ': ' + err.message;
}
delete Array.prototype[2];
console.log(seenH);
h[2] = 'w';
console.log(h[2], h.hasOwnProperty(2));

// A proxy on the chain sees the store.
var logged = '';
var p = new Proxy({}, {
  set: function (t, k, v, r) { logged += ' set ' + String(k) + '=' + v; return true; }
});
var q = new Array(2);
Object.setPrototypeOf(q, p);
q[0] = 1;
q[2] = 3;
console.log(logged, q.length, Object.keys(q));
var sealedLog = '';
var sealedChild = new Array(2);
Object.setPrototypeOf(sealedChild, new Proxy({}, {
  set: function (t, k, v, r) { sealedLog += ' set ' + String(k) + '=' + v; return true; }
}));
Object.seal(sealedChild);
sealedChild[0] = 'a';
sealedChild[5] = 'b';
console.log(sealedLog, sealedChild.length, Object.keys(sealedChild));
var nullProto = new Array(2);
Object.setPrototypeOf(nullProto, null);
nullProto[1] = 'n';
nullProto[2] = 'm';
console.log(Array.prototype.join.call(nullProto, '|'), nullProto.length);

// Non-extensible, sealed and frozen arrays keep their holes.
var ne = Object.preventExtensions(new Array(3));
ne[0] = 1;
ne[3] = 4;
ne[1] = 2;
console.log(ne, ne.length);
var se = Object.seal([1, , 3]);
se[1] = 2;
se[0] = 'changed';
console.log(se);
var fr = Object.freeze(new Array(2));
fr[0] = 1;
console.log(fr);
try {
  (function () { 'use strict'; ne[0] = 1; })();
} catch (err) {
  console.log(err.constructor.name, err.message);
}
try {
  (function () { 'use strict'; fr[1] = 1; })();
} catch (err) {
  console.log(err.constructor.name, err.message);
}

// A non-writable length: holes below it can be filled, appends fail.
var ro = new Array(3);
Object.defineProperty(ro, 'length', { writable: false });
ro[1] = 'in';
ro[3] = 'out';
console.log(ro, ro.length);
try {
  (function () { 'use strict'; ro[3] = 'out'; })();
} catch (err) {
  console.log(err.constructor.name, err.message);
}

// Subclasses and arrays with another prototype take the same semantics.
class MyArray extends Array {}
var m = new MyArray(3);
m[0] = 'm0';
m[3] = 'm3';
console.log(m, m.length, m instanceof MyArray);
var other = new Array(2);
Object.setPrototypeOf(other, { 0: 'proto zero' });
console.log(other[0]);
other[0] = 'own zero';
other[1] = 'one';
console.log(other[0], other.hasOwnProperty(0), Array.prototype.slice.call(other));

var frozenProto = Object.freeze(['p0', 'p1']);
var child = new Array(3);
Object.setPrototypeOf(child, frozenProto);
child[0] = 'c0';
child[2] = 'c2';
console.log(child[0], child.hasOwnProperty(0), child[2], child.hasOwnProperty(2), child.length);

// Hot loops: many small arrays filled by index; the prototypes change half-way through.
function many(count) {
  var sum = 0;
  for (var k = 0; k < count; k++) {
    var arr = new Array(4);
    for (var i = 0; i < 4; i++) arr[i] = k + i;
    sum += arr[0] + arr[3];
  }
  return sum;
}
var hot = [many(5000)];
var hits = 0;
Object.defineProperty(Array.prototype, '3', {
  set: function (v) { hits++; },
  get: function () { return -1; },
  configurable: true
});
hot[hot.length] = many(3000) + ' ' + hits;
delete Array.prototype[3];
hot[hot.length] = many(3000) + ' ' + hits;
Object.defineProperty(Object.prototype, '2', {
  set: function (v) { hits += 10; },
  configurable: true
});
var viaObjectProto = many(100) + ' ' + hits;
delete Object.prototype[2];
hot[2] = viaObjectProto;
hot[hot.length] = many(100) + ' ' + hits;
console.log(hot.join('\n'));

function appendAll(count) {
  var out = [];
  for (var k = 0; k < count; k++) out[k] = k;
  return out;
}
var ap = appendAll(5000);
console.log(ap.length, ap[4999]);
Object.defineProperty(Array.prototype, '4000', {
  set: function (v) { hits += 100; },
  configurable: true
});
ap = appendAll(5000);
var apSeen = [ap.length, ap[4000], ap[4001], 4000 in ap, ap.hasOwnProperty(4000), hits].join(' ');
delete Array.prototype[4000];
console.log(apSeen);
console.log(appendAll(5000).length);

// Holes stay holes where nothing was stored; sorted and joined they behave as before.
var sparse = new Array(6);
sparse[1] = 'b';
sparse[4] = 'a';
console.log(sparse.join('-'), sparse.sort(), sparse.length, Object.keys(sparse));
console.log(JSON.stringify(new Array(3)), String(fill(new Array(3), 3, 7)));
