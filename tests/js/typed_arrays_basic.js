// Typed array construction, element conversions per type, exotic index semantics.
const kinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array,
  Int32Array, Uint32Array, Float32Array, Float64Array];
const inputs = [0, -0, 1.5, 2.5, -1, 127, 128, 255, 256, 300.7, -129, 65535, 65536,
  2147483647, 2147483648, -2147483649, 4294967296 + 5, 1e20, -1e20, NaN, Infinity,
  -Infinity, 0.1, "12", "x", null, undefined, true, [7], {}];
for (const K of kinds) {
  const t = new K(inputs.length);
  inputs.forEach((v, i) => { t[i] = v; });
  console.log(K.name, K.BYTES_PER_ELEMENT, Array.from(t).join(" "));
}
// Constructors: length, array, array-like, iterable, typed array, buffer views.
console.log(new Int16Array(3).join(), new Int16Array([1, 2, 3]).join());
console.log(new Uint8Array({ length: 3, 0: 9, 2: 7 }).join());
console.log(new Float64Array(new Set([1.25, 2.5])).join());
console.log(new Int8Array(new Uint16Array([255, 256, 257])).join());
const buf = new ArrayBuffer(8);
const u8 = new Uint8Array(buf, 2, 4);
u8.fill(0xab);
console.log(u8.byteOffset, u8.byteLength, u8.length, new Uint8Array(buf).join());
const u32 = new Uint32Array(buf);
console.log(u32[0].toString(16), u32[1].toString(16), u32.length);
for (const bad of [() => new Uint8Array(-1), () => new Uint32Array(buf, 1),
  () => new Uint16Array(new ArrayBuffer(3)), () => new Uint8Array(buf, 9),
  () => new Uint8Array(buf, 0, 9), () => Uint8Array(2), () => new Uint8Array(2 ** 53)]) {
  try { bad(); console.log("no error"); } catch (e) { console.log(e.constructor.name); }
}
// Integer-indexed exotic object behaviour.
const t = new Uint8Array([1, 2, 3]);
t[5] = 9; t[-1] = 9; t["1.5"] = 9; t.foo = 1;
console.log(t[5], t[-1], t["1.5"], t["-0"], t.foo, 5 in t, 2 in t, "-0" in t, "1.5" in t);
console.log(Object.keys(t), Object.getOwnPropertyNames(t), JSON.stringify(t));
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(t, 0)));
console.log(delete t[0], delete t[7], Reflect.defineProperty(t, 0, { value: 42 }), t[0]);
console.log(Reflect.defineProperty(t, 0, { value: 1, writable: false }),
  Reflect.defineProperty(t, 9, { value: 1 }), Reflect.has(t, 2), Reflect.has(t, 3));
const child = Object.create(t);
child[1] = 77; child[10] = 5;
console.log(t[1], Object.keys(child), child[10]);
Uint8Array.prototype[7] = "proto";
console.log(t[7], new Uint8Array(8)[7]);
delete Uint8Array.prototype[7];
try { Object.freeze(t); } catch (e) { console.log(e.constructor.name); }
console.log(Object.isFrozen(new Uint8Array(0)), Object.isFrozen(Object.freeze(new Uint8Array(0))));
// Prototype chain and names.
const TA = Object.getPrototypeOf(Int8Array);
console.log(TA.name, TA.prototype === Object.getPrototypeOf(Int8Array.prototype));
try { new TA(); } catch (e) { console.log(e.constructor.name); }
console.log(Object.prototype.toString.call(new Float32Array(1)), t[Symbol.toStringTag], TA.prototype[Symbol.toStringTag]);
console.log(ArrayBuffer.isView(t), ArrayBuffer.isView(new DataView(buf)), ArrayBuffer.isView(buf), ArrayBuffer.isView([]));
// Hot loops (interpreter and JIT fast paths).
const f = new Float64Array(1000);
for (let i = 0; i < f.length; i++) f[i] = i * 0.5;
let s = 0;
for (let i = 0; i < f.length; i++) s += f[i];
const c = new Uint8ClampedArray(600);
for (let i = 0; i < c.length; i++) c[i] = i - 100;
let cs = 0;
for (let i = 0; i < c.length; i++) cs += c[i];
console.log(s, cs, f[999], c[0], c[599]);
for (const x of new Int16Array([-3, 4])) console.log(x);
console.log([...new Uint8Array([5, 6]).entries()], [...new Uint8Array(2).keys()]);
