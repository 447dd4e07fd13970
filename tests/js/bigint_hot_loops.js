// BigInt operands in hot functions: compiled code takes the generic path for them (no deopt loop).
function f(a, b) { let s = 0n; for (let i = 0; i < 50; i++) { s = s + a * b - 1n; if (s > 1000n) s = s % 7n; if (!s) s = 3n; s = s ^ (b << 2n); } return s; }
let t = 0n; for (let k = 0; k < 40; k++) t += f(BigInt(k), 3n);
console.log(t);
function g(x) { return x === 5n ? 1 : (x == 5 ? 2 : 3); }
let c = 0; for (let k = 0; k < 100; k++) c += g(k % 2 ? 5n : BigInt(5)) + g(5) + g(6n);
console.log(c);
function h(x) { let y = x; y++; y--; return -y + ~y; }
let z = 0n; for (let k = 0; k < 100; k++) z += h(BigInt(k)); console.log(z);
function tr(x) { return x ? 1 : 0; } let q = 0; for (let k = 0; k < 100; k++) q += tr(BigInt(k % 3)); console.log(q);
function mix(v) { let r = 0; for (let i = 0; i < 300; i++) { r += (i & 1 ? v + v : 2 * i) > 10 ? 1 : 0; } return r; }
console.log(mix(1), mix(1n), mix(1), mix(7n));
function errs(a) { let n = 0; for (let i = 0; i < 200; i++) { try { a + i; } catch (e) { n++; } } return n; }
console.log(errs(1n), errs(1), errs('s'));
function cmp(a, b) { return [a < b, a <= b, a > b, a >= b, a === b, a !== b, a == b]; }
for (let i = 0; i < 300; i++) cmp(i, i + 1);
console.log(cmp(1n, 2), cmp(2n, 2n), cmp(3, 2n), cmp('2', 2n), cmp(1.5, 1n));
