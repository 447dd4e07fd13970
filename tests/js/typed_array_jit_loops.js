// Hot loops over every Number typed-array kind, reading and writing elements, so that
// jit_corpus.rs runs the baseline JIT's inline typed-array element paths in every mode:
// int32 and double stores (wrapping, clamping, rounding), loads that box as int32 or double,
// views at an offset, out-of-bounds reads and writes, a length-tracking view of a resizable
// buffer across resizes, and a detached buffer.

const KINDS = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
  Uint32Array, Float32Array, Float64Array];

function fill(a, n, scale) {
  for (let i = 0; i < n; i++) a[i] = (i - n / 2) * scale;
}

function sum(a, n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i];
  return s;
}

// Out-of-range indices read undefined and stores there are dropped.
function outOfRange(a) {
  let undef = 0;
  for (let i = a.length - 2; i < a.length + 3; i++) {
    a[i] = 1;
    if (a[i] === undefined) undef++;
  }
  return undef;
}

function show(x) { return Object.is(x, -0) ? "-0" : String(x); }

for (const K of KINDS) {
  const a = new K(new ArrayBuffer(8 * 520), 8, 500);
  const row = [];
  for (const scale of [1, 3, 0.75, 1000.5, 70000, -1.5, 2 ** 31]) {
    fill(a, 500, scale);
    row.push(sum(a, 500));
  }
  row.push(outOfRange(a));
  // Edge values through one store site and one load site.
  const edge = [];
  for (const v of [-0, NaN, Infinity, -Infinity, 0.5, 1.5, 2.5, 255.5, -129, 4294967296, 1e20]) {
    a[3] = v;
    edge.push(show(a[3]));
  }
  console.log(K.name.padEnd(18), row.map(show).join(" "), "|", edge.join(" "));
}

// Copy and transform between kinds in one loop.
function convert(src, dst, n) {
  for (let i = 0; i < n; i++) dst[i] = src[i] * 1.5 + 0.25;
  return dst;
}
const f64 = new Float64Array(64);
fill(f64, 64, 7.3);
for (const K of KINDS) console.log(K.name, sum(convert(f64, new K(64), 64), 64));

// A length-tracking view of a resizable buffer: the loop sees every resize.
const rb = new ArrayBuffer(64, { maxByteLength: 1024 });
const track = new Int32Array(rb);
const fixed = new Uint16Array(rb, 16, 8);
const sizes = [];
for (const bytes of [64, 256, 1024, 40, 16, 0, 128]) {
  rb.resize(bytes);
  fill(track, 300, 3);
  sizes.push(track.length + ":" + sum(track, track.length) + ":" + sum(fixed, 8) + ":" + outOfRange(fixed));
}
console.log(sizes.join(" "));

// A detached buffer: every index is out of range.
const db = new ArrayBuffer(80);
const dv = new Float64Array(db);
fill(dv, 10, 1.25);
console.log(sum(dv, 10));
if (typeof db.transfer === "function") db.transfer();
else structuredClone(db, { transfer: [db] });
fill(dv, 10, 1.25);
console.log(dv.length, sum(dv, 10), outOfRange(dv));
