// Atomics on integer typed arrays over shared and plain buffers: every read-modify-write with
// wrap-around, compareExchange, load/store conversions, wait/notify in a single agent, and
// the argument checks (kinds, indices, detached buffers).
const sab = new SharedArrayBuffer(64);
for (const TA of [Int8Array, Uint8Array, Int16Array, Uint16Array, Int32Array, Uint32Array]) {
  const v = new TA(sab, 8, 4);
  v.fill(0);
  const r = [Atomics.store(v, 1, 100), Atomics.add(v, 1, 200), Atomics.sub(v, 1, 400), Atomics.load(v, 1),
    Atomics.and(v, 1, 0x0f), Atomics.or(v, 1, 0x30), Atomics.xor(v, 1, 0xff), Atomics.exchange(v, 1, -1),
    Atomics.compareExchange(v, 1, -1, 7), Atomics.compareExchange(v, 1, 8, 9), Atomics.load(v, 1)];
  console.log(TA.name, r.join(' '));
}
const plain = new Int32Array(4);
console.log(Atomics.add(plain, '2', 5.9), Atomics.store(plain, 0, -0), Object.is(Atomics.store(plain, 0, -0), 0), Atomics.store(plain, 3, 2 ** 40 + 3), plain);
console.log([1, 2, 3, 4, 8, 16].map(n => Atomics.isLockFree(n)));
const i32 = new Int32Array(sab, 0, 2);
console.log(Atomics.wait(i32, 0, 1), Atomics.wait(i32, 0, 0, 0), Atomics.wait(i32, 0, 0, 1), Atomics.notify(i32, 0), Atomics.notify(plain, 0, 3));
for (const [what, f] of [['float', () => Atomics.add(new Float64Array(2), 0, 1)], ['clamped', () => Atomics.load(new Uint8ClampedArray(2), 0)],
  ['index', () => Atomics.load(plain, 4)], ['negative index', () => Atomics.store(plain, -1, 0)], ['not a view', () => Atomics.load([1], 0)],
  ['wait on plain', () => Atomics.wait(plain, 0, 0, 0)], ['wait on Int16', () => Atomics.wait(new Int16Array(sab), 0, 0, 0)]]) {
  try { f(); console.log(what, 'ok'); } catch (e) { console.log(what, e.constructor.name); }
}
console.log(Object.prototype.toString.call(Atomics));
