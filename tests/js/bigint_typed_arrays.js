// BigInt64Array / BigUint64Array and the DataView BigInt accessors.
const a = new BigInt64Array(3); a[0] = -1n; a[1] = 2n ** 63n; a[2] = 5n;
console.log(a, a[1], a.length, BigInt64Array.BYTES_PER_ELEMENT);
const u = new BigUint64Array([1n, -1n, 3n]); console.log(u);
try { a[0] = 1 } catch (e) { console.log(e.constructor.name, e.message) }
try { new BigInt64Array([1]) } catch (e) { console.log(e.constructor.name, e.message) }
try { new BigInt64Array(new Int8Array(2)) } catch (e) { console.log(e.constructor.name, e.message) }
console.log(a.includes(5n), a.indexOf(5n), a.join("-"), [...a], a.map(x => x * 2n), a.filter(x => x > 0n));
console.log(new BigInt64Array([3n, -1n, 2n]).sort(), BigInt64Array.from([1n, 2n], x => x + 1n), BigInt64Array.of(7n, 8n));
a.fill(9n, 1); console.log(a, a.at(-1), a.with(0, 4n), a.toReversed(), a.slice(1), a.subarray(1));
const dv = new DataView(new ArrayBuffer(16));
dv.setBigInt64(0, -2n); dv.setBigUint64(8, 2n ** 64n - 1n, true);
console.log(dv.getBigInt64(0), dv.getBigUint64(0), dv.getBigUint64(8, true), dv.getBigInt64(8));
try { dv.setBigInt64(0, 1) } catch (e) { console.log(e.constructor.name, e.message) }
const b = new BigInt64Array(2); b.set([1n, 2n]); b.set(new BigInt64Array([7n]), 1); console.log(b, new BigUint64Array(b));
console.log(new BigInt64Array(10).fill(123n), Object.prototype.toString.call(a), a[Symbol.toStringTag]);
console.log([1n, 2n, 3n, 4n, 5n, 6n, 7n, 100n], [1n,2n,3n,4n,5n,6n,7n,8n,9n,10n,11n,12n,13n,14n,15n,16n,17n,18n,19n,20n,21n,22n,23n,24n,25n,26n,1000n]);
console.log(new BigInt64Array([1n,2n,3n,4n,5n,6n,7n,8n,9n,10n,11n,12n,13n,14n,15n,16n,17n,18n,19n,20n,21n,22n,23n,24n,25n,26n,1000n]));
// Wrapping to 64 bits, conversions on store, and errors.
const w = new BigInt64Array(4);
w[0] = 2n ** 64n + 5n; w[1] = -(2n ** 63n) - 1n; w[2] = '12'; w[3] = true;
console.log(w, new BigUint64Array(w.buffer));
for (const f of [() => { w[0] = 1.5; }, () => { w[0] = 'x'; }, () => { w[0] = undefined; }, () => w.fill(1),
                 () => w.set([1]), () => new BigUint64Array([1n, 2]), () => w.with(0, 3),
                 () => new Float64Array(w), () => new Float64Array(2).set(w), () => w.set(new Int8Array(1))]) {
  try {
    f();
    console.log('ok');
  } catch (e) {
    console.log(e.constructor.name, e.message);
  }
}
const s = new BigUint64Array([5n, 2n ** 64n - 1n, 0n, 7n]);
console.log(s.toSorted(), s.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)), s.reverse(), s.lastIndexOf(7n), s.indexOf(7));
console.log(s.reduce((a, b) => a + b), s.some((x) => x === 0n), s.every((x) => x >= 0n), s.find((x) => x > 5n), s.findIndex((x) => x === 5n));
console.log(Array.from(s.entries()), s.toString(), s.toLocaleString(), JSON.stringify(Object.keys(s)));
const r = s.map((x) => x / 2n);
console.log(r, r instanceof BigUint64Array, s.copyWithin(0, 2), Object.getPrototypeOf(BigInt64Array) === Object.getPrototypeOf(Int8Array));
const d = new DataView(new ArrayBuffer(8));
d.setBigUint64(0, 0x0102030405060708n);
console.log(d.getBigUint64(0).toString(16), d.getBigUint64(0, true).toString(16), new Uint8Array(d.buffer));
d.setBigInt64(0, 2n ** 64n + 1n, true); console.log(d.getBigInt64(0, true), d.getInt32(0, true));
d.setBigInt64(0, '-3', true); console.log(d.getBigInt64(0, true));
try { d.getBigInt64(1); } catch (e) { console.log(e.constructor.name, e.message); }
console.log(DataView.prototype.getBigInt64.length, DataView.prototype.setBigUint64.length);
let sum = 0n;
for (let i = 0; i < 2000; i++) { const t = new BigInt64Array(2); t[0] = BigInt(i); t[1] = t[0] * t[0]; sum += t[1] - t[0]; }
console.log(sum);
