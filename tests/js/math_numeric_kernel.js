// Numeric kernel: exact IEEE arithmetic must match (no fused multiply-add)
function dot(a, b) { let s = 0; for (let i = 0; i < a.length; i++) s += a[i] * b[i]; return s; }
let a = [], b = [];
for (let i = 0; i < 100; i++) { a.push(Math.sin(i) * 1.1); b.push(Math.cos(i) / 3.3); }
console.log(dot(a, b).toFixed(12));
let x = 0.1, y = 0.7, z = 1e-17;
console.log(x * y + z, x * y - x * y, 1 + 1e-16 - 1, (0.1 * 3) - 0.3);
// Horner evaluation
function horner(cs, t) { let r = 0; for (const c of cs) r = r * t + c; return r; }
console.log(horner([1, -3, 3, -1], 1.0000001), horner([2, 0, -1, 5], 0.3));
// Kahan summation vs naive
let naive = 0, sum = 0, comp = 0;
for (let i = 0; i < 10000; i++) {
  const v = 0.1;
  naive += v;
  const yk = v - comp; const t = sum + yk; comp = (t - sum) - yk; sum = t;
}
console.log(naive, sum);
// Newton sqrt
function nsqrt(v) { let g = v / 2; for (let i = 0; i < 30; i++) g = (g + v / g) / 2; return g; }
console.log(nsqrt(2), nsqrt(2) === Math.sqrt(2), nsqrt(1e10));
// matrix multiply
function matmul(A, B, n) { const C = []; for (let i = 0; i < n; i++) { C.push([]); for (let j = 0; j < n; j++) { let s = 0; for (let k = 0; k < n; k++) s += A[i][k] * B[k][j]; C[i].push(s); } } return C; }
const n = 4; const A = [], B = [];
for (let i = 0; i < n; i++) { A.push([]); B.push([]); for (let j = 0; j < n; j++) { A[i].push((i + 1) / (j + 2)); B[i].push(i - j * 0.5); } }
console.log(matmul(A, B, n));
