// Products beyond 2^53 lose precision before ToInt32: must match IEEE exactly
const pairs = [[0x7fffffff, 0x7fffffff], [0xffffffff, 0xffffffff], [123456789, 987654321], [-2147483648, -2147483648], [65537, 65537], [3, 0x55555555]];
for (const [a, b] of pairs) console.log(a * b, (a * b) | 0, (a * b) >>> 0);
let h = 1;
for (let i = 0; i < 50; i++) h = (h * 1664525 + 1013904223) | 0;
console.log(h);
let g = 1;
for (let i = 0; i < 50; i++) g = (g * 1103515245 + 12345) % 2147483648;
console.log(g);
function mul32(a, b) { const lo = (a & 0xffff) * b; const hi = ((a >>> 16) * b) & 0xffff; return (lo + (hi << 16)) | 0; }
console.log(mul32(123456789, 987654321), mul32(-1, -1), mul32(0x7fffffff, 2), mul32(65536, 65536));
let x = 1;
for (let i = 0; i < 40; i++) x *= 3;
console.log(x, x | 0, x % 4294967296, (x % 4294967296) | 0);
