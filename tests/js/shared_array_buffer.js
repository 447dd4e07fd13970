// SharedArrayBuffer: construction, growable buffers, slice with species, views over it, and
// the brand checks that keep ArrayBuffer and SharedArrayBuffer methods apart.
const s = new SharedArrayBuffer(4, { maxByteLength: 8 });
const u = new Uint8Array(s);
u[1] = 7;
console.log(s.byteLength, s.growable, s.maxByteLength, u.length);
s.grow(6);
console.log(s, u, u.length);
for (const n of [5, 9]) {
  try { s.grow(n); } catch (e) { console.log('grow', n, e.constructor.name); }
}
console.log(s.slice(1, 3), s.slice(-2), new SharedArrayBuffer(2).growable);
console.log(Object.prototype.toString.call(s), new DataView(s).getUint8(1), new Int16Array(s, 2, 2).length);
for (const [m, recv] of [['ArrayBuffer slice', () => ArrayBuffer.prototype.slice.call(s)],
  ['SharedArrayBuffer slice', () => SharedArrayBuffer.prototype.slice.call(new ArrayBuffer(1))],
  ['byteLength getter', () => Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get.call(s)],
  ['call without new', () => SharedArrayBuffer(1)], ['negative length', () => new SharedArrayBuffer(-1)]]) {
  try { recv(); console.log(m, 'ok'); } catch (e) { console.log(m, e.constructor.name); }
}
class Sub extends SharedArrayBuffer {}
const sub = new Sub(3);
console.log(sub instanceof SharedArrayBuffer, sub.slice(0, 1).constructor.name, ArrayBuffer.isView(new Uint8Array(sub)));
