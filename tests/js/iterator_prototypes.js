// The built-in iterator prototypes (§23.1.5.2, §24.1.5.2, §24.2.6.2, §22.1.5.2): each has
// its own next and Symbol.toStringTag, and console.log shows Map/Set iterators' remaining items.
console.log([1,2][Symbol.iterator]());
console.log(new Map([[1,2]]).entries());
console.log(new Set([1]).values());
console.log('ab'[Symbol.iterator]());
console.log('ab'.matchAll(/a/g));
console.log([1].keys(), [].entries());
function* g(){} console.log(g());
console.log(Object.prototype.toString.call([][Symbol.iterator]()));
console.log([[1].values()]);
for (const it of [[][Symbol.iterator](), new Map().keys(), new Set().values(), ''[Symbol.iterator](), 'a'.matchAll(/a/g)]) {
  const p = Object.getPrototypeOf(it);
  console.log(Object.prototype.toString.call(it), Object.getOwnPropertySymbols(p).map(String), Object.getOwnPropertyNames(p));
}
const m = new Map([[1, 'a'], [{x: 1}, [2]]]);
console.log(m.keys(), m.values(), m.entries());
const it = m.keys(); it.next(); console.log(it); it.next(); console.log(it);
const s = new Set([1, 'two']);
console.log(s.values(), s.entries(), s[Symbol.iterator]());
console.log([new Map().keys()], {a: new Set([1]).values()});
const e = new Map([[1,2]]).entries(); e.foo = 1; console.log(e);
for (const [name, it, other] of [
  ['Array', [][Symbol.iterator](), new Map().keys()],
  ['Map', new Map().keys(), new Set().values()],
  ['Set', new Set().values(), ''[Symbol.iterator]()],
  ['String', ''[Symbol.iterator](), [].keys()],
]) {
  const next = Object.getPrototypeOf(it).next;
  try { next.call(other); console.log(name, 'accepted another family'); } catch (e) { console.log(name, e.constructor.name); }
  try { next.call({}); } catch (e) { console.log(name, e.constructor.name); }
  console.log(name, Object.getPrototypeOf(Object.getPrototypeOf(it)) === Object.getPrototypeOf(Object.getPrototypeOf((function* () {})())).__proto__ || 'iterator proto', next.length, next.name);
}
const done = [1].values(); done.next(); done.next();
console.log(Object.getPrototypeOf(done).next.call(done));
