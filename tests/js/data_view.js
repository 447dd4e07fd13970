// DataView: every get/set pair, both byte orders, bounds.
const b = new ArrayBuffer(16);
const dv = new DataView(b, 2, 12);
console.log(dv.byteOffset, dv.byteLength, dv.buffer === b);
const cases = [["Int8", -5], ["Uint8", 250], ["Int16", -1234], ["Uint16", 54321], ["Int32", -123456789],
  ["Uint32", 3456789012], ["Float32", 1.5e-7], ["Float64", Math.PI]];
for (const [name, v] of cases) {
  dv["set" + name](1, v);
  const be = dv["get" + name](1), le = dv["get" + name](1, true);
  dv["set" + name](1, v, true);
  console.log(name, be, le, dv["get" + name](1, true), Array.from(new Uint8Array(b, 3, 8)).join(" "));
}
dv.setUint16(0, 0x1234);
console.log(dv.getUint8(0), dv.getUint8(1), dv.getUint16(0, true).toString(16));
dv.setInt32(4, 300.9); console.log(dv.getInt32(4));
dv.setUint8(0, -1); console.log(dv.getUint8(0), dv.getInt8(0));
for (const bad of [() => dv.getInt32(9), () => dv.getInt8(-1), () => dv.setFloat64(5, 1), () => new DataView(b, 17),
  () => new DataView(b, 4, 13), () => new DataView({}), () => DataView(b), () => DataView.prototype.getInt8.call(b, 0)]) {
  try { bad(); console.log("no error"); } catch (e) { console.log(e.constructor.name); }
}
console.log(dv.getInt8(11), Object.prototype.toString.call(dv), new DataView(b).byteLength, new DataView(b, 16).byteLength);
console.log(typeof DataView.prototype.getUint8Clamped, DataView.prototype.setFloat64.length, DataView.prototype.getFloat32.length);
