// ArrayBuffer: slice, resizable buffers and length-tracking views.
const b = new ArrayBuffer(8);
new Uint8Array(b).set([1, 2, 3, 4, 5, 6, 7, 8]);
console.log(b.byteLength, b.resizable, b.maxByteLength, new Uint8Array(b.slice(2, 5)).join(), new Uint8Array(b.slice(-3)).join(), b.slice(5, 2).byteLength);
const r = new ArrayBuffer(4, { maxByteLength: 12 });
const tracking = new Uint16Array(r);
const fixed = new Uint16Array(r, 0, 2);
const offset = new Uint8Array(r, 2);
console.log(r.resizable, r.maxByteLength, tracking.length, fixed.length, offset.length);
r.resize(10);
tracking[4] = 0xbeef;
console.log(r.byteLength, tracking.length, tracking.byteLength, fixed.length, offset.length, offset.join());
r.resize(2);
console.log(r.byteLength, tracking.length, fixed.length, fixed.byteLength, fixed.byteOffset, offset.length, offset.byteOffset, fixed[0], fixed[1]);
try { fixed.join(); } catch (e) { console.log(e.constructor.name); }
try { r.resize(13); } catch (e) { console.log(e.constructor.name); }
try { b.resize(4); } catch (e) { console.log(e.constructor.name); }
r.resize(12);
console.log(fixed.length, fixed.join(), tracking.length, [...tracking].join());
const dv = new DataView(r, 4);
r.resize(6);
console.log(dv.byteLength);
r.resize(3);
try { dv.byteLength; } catch (e) { console.log(e.constructor.name); }
for (const bad of [() => new ArrayBuffer(-1), () => new ArrayBuffer(5, { maxByteLength: 4 }), () => ArrayBuffer(1),
  () => ArrayBuffer.prototype.slice.call(new Uint8Array(1)), () => new ArrayBuffer(2 ** 53)]) {
  try { bad(); console.log("no error"); } catch (e) { console.log(e.constructor.name); }
}
class MyBuf extends ArrayBuffer {}
const mb = new MyBuf(4);
console.log(mb instanceof MyBuf, mb.slice(1) instanceof MyBuf, ArrayBuffer[Symbol.species] === ArrayBuffer, Object.prototype.toString.call(b));
console.log(new ArrayBuffer(3.9).byteLength, new ArrayBuffer("2").byteLength, new ArrayBuffer().byteLength);
