// Array elements and length through defineProperty: accessors on indices, non-writable
// length, non-configurable elements stopping a truncation, invalid lengths, frozen arrays.
function attempt(label, f) {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, e.constructor.name);
  }
}
var a = [1, 2, 3];
Object.defineProperty(a, 1, { get() { return 42; }, enumerable: true, configurable: true });
console.log(a[1], a.length, Object.keys(a), JSON.stringify(Object.getOwnPropertyDescriptor(a, '1')));
a[1] = 7;
console.log(a[1]);
Object.defineProperty(a, 1, { value: 'd', writable: true, enumerable: true, configurable: true });
console.log(a[1], a.join());
Object.defineProperty(a, 5, { value: 'x', enumerable: false, writable: true, configurable: true });
console.log(a.length, Object.keys(a), a[5]);

var b = [1, 2, 3];
Object.defineProperty(b, 'length', { writable: false });
attempt('push on ro length', () => b.push(4));
attempt('define past length', () => Object.defineProperty(b, 3, { value: 1 }));
b[5] = 1;
console.log(b.length, b[5], JSON.stringify(Object.getOwnPropertyDescriptor(b, 'length')));
attempt('length writable again', () => Object.defineProperty(b, 'length', { writable: true }));

var c = [1, 2, 3, 4];
Object.defineProperty(c, 1, { value: 9, configurable: false, writable: true, enumerable: true });
c.length = 0;
console.log(c.length, c[1], c[0]);
attempt('define length 0', () => Object.defineProperty(c, 'length', { value: 0 }));
console.log(c.length);
(function () {
  'use strict';
  attempt('strict length 0', () => { c.length = 0; });
})();

attempt('length -1', () => Object.defineProperty([], 'length', { value: -1 }));
attempt('length 1.5', () => { var x = []; x.length = 1.5; });
attempt('length 2**32', () => Object.defineProperty([], 'length', { value: 2 ** 32 }));
var d = [];
Object.defineProperty(d, 'length', { value: '3' });
console.log(d.length);

var f = Object.freeze([1, 2]);
f[0] = 5;
f[2] = 3;
f.length = 0;
console.log(f, f.length, Object.isFrozen(f), Object.isSealed(f));
for (const x of f) console.log('of', x);
var s = Object.seal([1, 2]);
s[0] = 5;
console.log(s, delete s[0], Object.isSealed(s), Object.isFrozen(s));
attempt('push sealed', () => s.push(3));
var p = Object.preventExtensions([1]);
attempt('push non-extensible', () => p.push(2));
console.log(p);
console.log(Object.getOwnPropertyNames([5, 6]), Reflect.ownKeys((a) => a));
