// WeakMap, WeakSet, WeakRef and FinalizationRegistry without the collector: the API, its
// TypeErrors, constructors fed through `set`/`add`, and console.log. (Collection itself:
// tests/js_gc/weak_gc.js, run with --expose-gc.)
const t = (f) => {
  try {
    console.log(f());
  } catch (e) {
    console.log(`${e.constructor.name}: ${e.message}`);
  }
};
const k1 = {};
const k2 = function () {};
const sym = Symbol('s');
const wm = new WeakMap([[k1, 1], [k2, 2]]);
console.log(wm.get(k1), wm.get(k2), wm.has(k1), wm.has({}), wm.get(1), wm.has('x'));
console.log(wm.set(sym, 3) === wm, wm.get(sym), wm.delete(sym), wm.delete(sym), wm.has(sym));
wm.set(k1, 'again');
console.log(wm.get(k1), wm.delete(1), wm.delete(null));
const ws = new WeakSet([k1, k2]);
console.log(ws.has(k1), ws.has({}), ws.add(sym) === ws, ws.has(sym), ws.delete(k2), ws.has(k2), ws.delete(5));

t(() => new WeakMap([[1, 2]]));
t(() => wm.set('k', 1));
t(() => ws.add(1));
t(() => new WeakMap([1]));
t(() => WeakMap());
t(() => WeakSet());
t(() => WeakRef({}));
t(() => FinalizationRegistry(() => {}));
t(() => new WeakRef(1));
t(() => new FinalizationRegistry(1));
t(() => WeakMap.prototype.get.call(new Map(), k1));
t(() => WeakSet.prototype.add.call(new WeakMap(), k1));
t(() => WeakRef.prototype.deref.call({}));

// The constructors go through the (possibly replaced) set/add and close the iterator when
// that throws.
const added = [];
class LoggingWeakSet extends WeakSet {
  add(v) {
    added.push(typeof v);
    return super.add(v);
  }
}
const lws = new LoggingWeakSet([k1, k2]);
console.log(added, lws.has(k1), lws instanceof WeakSet, Object.getPrototypeOf(lws) === LoggingWeakSet.prototype);
let closed = 0;
const iterable = {
  [Symbol.iterator]() {
    let i = 0;
    return {
      next: () => ({ value: i++ === 0 ? [k1, 1] : 'not an entry', done: false }),
      return: () => { closed++; return {}; },
    };
  },
};
t(() => new WeakMap(iterable));
console.log('closed', closed);
const origSet = WeakMap.prototype.set;
WeakMap.prototype.set = 5;
t(() => new WeakMap([[k1, 1]]));
console.log(new WeakMap(null) instanceof WeakMap, new WeakMap(undefined) instanceof WeakMap);
WeakMap.prototype.set = origSet;

// WeakRef and FinalizationRegistry.
const target = { name: 'target' };
const ref = new WeakRef(target);
console.log(ref.deref() === target, ref.deref().name, new WeakRef(sym).deref() === sym);
const reg = new FinalizationRegistry(() => {});
const token = {};
console.log(reg.register(target, 'held'), reg.register(k1, 'h', token), reg.register(k2, 'h2', token));
console.log(reg.unregister(token), reg.unregister(token), reg.unregister({}));
t(() => reg.register(1, 'x'));
t(() => reg.register(target, target));
t(() => reg.register(target, 'x', 1));
t(() => reg.unregister(1));
t(() => FinalizationRegistry.prototype.register.call({}, target, 1));

// Shapes of the API.
const names = (o) => Object.getOwnPropertyNames(o).join(',');
console.log(names(WeakMap.prototype), names(WeakSet.prototype), names(WeakRef.prototype), names(FinalizationRegistry.prototype));
console.log(WeakMap.length, WeakSet.length, WeakRef.length, FinalizationRegistry.length);
console.log(WeakMap.prototype.set.length, WeakSet.prototype.add.length, FinalizationRegistry.prototype.register.length);
for (const o of [wm, ws, ref, reg]) console.log(Object.prototype.toString.call(o));
const d = Object.getOwnPropertyDescriptor(WeakRef.prototype, Symbol.toStringTag);
console.log(d.value, d.writable, d.enumerable, d.configurable);

// console.log as node prints them.
wm.extra = true;
class MyRef extends WeakRef {}
console.log(new WeakMap(), ws, wm, ref, reg);
console.log([new WeakSet()], { m: new WeakMap() }, new MyRef(target), Object.create(WeakMap.prototype));

// Symbols registered with Symbol.for cannot be held weakly; other symbols can.
const reg2 = Symbol.for('registered');
console.log(reg2 === Symbol.for('registered'), Symbol.keyFor(reg2), Symbol.keyFor(sym));
t(() => new WeakSet().add(reg2));
t(() => new WeakRef(reg2));
t(() => reg.register(reg2, 1));
console.log(new WeakMap().has(reg2), new WeakSet().add(Symbol.iterator).has(Symbol.iterator));
