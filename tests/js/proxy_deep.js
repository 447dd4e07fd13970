// Deep proxy chains and recursive traps end in a RangeError, and prototype cycles through a
// getPrototypeOf trap do not hang the engine's own walks.
// (10000 deep: beyond the engine's nesting limit, and quick under --gc-stress.)
const h = {};
let p = {};
for (let i = 0; i < 10000; i++) p = new Proxy(p, h);
for (const [name, f] of [
  ['get', () => p.x],
  ['set', () => { p.x = 1; }],
  ['has', () => 'x' in p],
  ['keys', () => Object.keys(p)],
  ['isArray', () => Array.isArray(p)],
]) {
  try {
    f();
    console.log(name, 'no error');
  } catch (e) {
    console.log(name, e.constructor.name, e.message);
  }
}
const rec = new Proxy({}, { get(t, k, r) { return r[k]; } });
try { rec.x; } catch (e) { console.log('recursive trap', e.constructor.name, e.message); }
// A prototype cycle through a trap: the proxy reports an object whose prototype is the proxy.
const a = {};
const cyc = new Proxy({}, { getPrototypeOf() { return a; } });
Object.setPrototypeOf(a, cyc);
console.log(Object.getPrototypeOf(a) === cyc, Object.getPrototypeOf(cyc) === a);
try { console.log(cyc instanceof Array); } catch (e) { console.log('instanceof', e.constructor.name); }
console.log(a.missing, 'missing' in a);
let n = 0;
for (const k in a) n++;
console.log('for-in', n);
// A non-trapping chain: an object inheriting from a proxy inheriting from a proxy.
const base = { inherited: 'yes' };
const child = Object.create(new Proxy(new Proxy(base, {}), {}));
console.log(child.inherited, 'inherited' in child);
child.own = 1;
console.log(Object.keys(child).join(), base.own);
