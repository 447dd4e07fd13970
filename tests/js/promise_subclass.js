// Subclassing Promise: species, statics on subclasses, instanceof.
class MyPromise extends Promise {
  constructor(executor) {
    super(executor);
    this.tag = 'mine';
  }
}
const m = MyPromise.resolve(1);
console.log(m instanceof MyPromise, m instanceof Promise, m.tag);
const d = m.then((v) => v + 1);
console.log(d instanceof MyPromise, d.tag);
d.then((v) => console.log('derived value', v));
MyPromise.all([1, 2]).then((v) => console.log('sub all', v));
console.log(MyPromise.reject(0).catch(() => 'x') instanceof MyPromise);

class Plain extends Promise {
  static get [Symbol.species]() { return Promise; }
}
const pl = new Plain((r) => r(3));
const pd = pl.then((v) => v);
console.log(pd instanceof Plain, pd instanceof Promise);
console.log(Promise[Symbol.species] === Promise, Promise.prototype[Symbol.toStringTag]);
const desc = Object.getOwnPropertyDescriptor(Promise.prototype, 'then');
console.log(typeof desc.value, desc.writable, desc.enumerable, desc.configurable);
console.log(Promise.prototype.then.length, Promise.all.length, Promise.prototype.finally.length);
