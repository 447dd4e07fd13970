// Inline caches and JIT fast paths never cache through a proxy: stores that add properties
// below a proxy prototype, loads through it, and element accesses keep reaching the traps
// however often the same site runs.
const log = { set: 0, get: 0, has: 0 };
const proto = new Proxy({ inherited: 1 }, {
  set(t, k, v, r) { log.set++; return Reflect.set(t, k, v, r); },
  get(t, k, r) { log.get++; return Reflect.get(t, k, r); },
  has(t, k) { log.has++; return Reflect.has(t, k); },
});
function make() {
  const o = Object.create(proto);
  o.a = 1;
  o.b = 2;
  return o;
}
let sum = 0;
for (let i = 0; i < 3000; i++) {
  const o = make();
  sum += o.a + o.b + o.inherited + (o.missing === undefined ? 1 : 0) + ('zz' in o ? 1 : 0);
}
console.log(sum, log.set, log.get, log.has);
// The same site sees ordinary objects and proxies.
function read(o) { return o.x; }
const plain = { x: 1 };
let count = 0;
const px = new Proxy({ x: 2 }, { get(t, k) { count++; return t[k] * 10; } });
let total = 0;
for (let i = 0; i < 3000; i++) total += read(i % 3 ? plain : px);
console.log(total, count);
// Element loads and stores on a proxy of an array.
const arr = new Proxy([0, 0, 0, 0], {
  get(t, k, r) { if (k === '1') return 100; return Reflect.get(t, k, r); },
  set(t, k, v, r) { return Reflect.set(t, k, v * 2, r); },
});
let acc = 0;
for (let i = 0; i < 3000; i++) {
  arr[i & 3] = i;
  acc += arr[1] + arr[i & 3];
}
console.log(acc, arr.length, Array.from(arr).join());
// Calls through a callable proxy at a hot site.
const f = new Proxy(function (x) { return x + 1; }, { apply(t, self, args) { return t(args[0]) * 2; } });
let s2 = 0;
for (let i = 0; i < 3000; i++) s2 += f(i);
console.log(s2);
