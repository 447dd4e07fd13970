// Bitwise operators including >>> and shifts by large counts
console.log(5 & 3, 5 | 3, 5 ^ 3, ~5, ~-1, ~0);
console.log(1 << 31, 1 << 32, 1 << 33, 1 << -1, -1 >> 1, -1 >>> 1, -1 >>> 0);
console.log(-8 >> 1, -8 >>> 1, -8 >>> 28, 8 >> 40, 0x80000000 >> 0, 0x80000000 >>> 0);
console.log(0xffffffff | 0, 0xffffffff >>> 0, 0x100000000 | 0, 4294967297 | 0);
console.log(1.9 | 0, -1.9 | 0, 2.5e9 | 0, -2.5e9 | 0, 1e20 | 0);
console.log("12" & 10, "0x0f" | 0, null | 5, undefined | 5, true << 3, [7] ^ 2);
let x = 0xf0f0;
x &= 0xff; console.log(x);
x |= 0x100; console.log(x);
x ^= 0x1ff; console.log(x);
x <<= 20; console.log(x);
x >>= 3; console.log(x);
x = -x; x >>>= 1; console.log(x);
let h = 0;
for (let i = 0; i < 50; i++) h = (h * 31 + i) | 0;
console.log(h);
let u = 2166136261;
for (let i = 0; i < 20; i++) { u ^= i; u = (u * 403) >>> 0; }
console.log(u);
function popcount(v) { let c = 0; v = v >>> 0; while (v) { c += v & 1; v >>>= 1; } return c; }
console.log(popcount(255), popcount(-1), popcount(0x55555555), popcount(2 ** 31));
console.log(~~3.7, ~~-3.7, 3.7 >> 0, -3.7 >>> 0);
