// Hot loops of the kind a baseline JIT compiles: counters, array sums, nested loops
let s = 0;
for (let i = 0; i < 300000; i++) s += i & 7;
console.log(s);
const arr = new Array(10000);
for (let i = 0; i < arr.length; i++) arr[i] = (i * 7919) % 10007;
let total = 0, max = -Infinity;
for (let r = 0; r < 5; r++) for (let i = 0; i < arr.length; i++) { total += arr[i]; if (arr[i] > max) max = arr[i]; }
console.log(total, max);
let x = 0.5;
for (let i = 0; i < 50000; i++) x = 3.7 * x * (1 - x);
console.log(x);
let h = 0;
for (let i = 0; i < 100000; i++) h = (h * 33 + i) % 1000003;
console.log(h);
let count = 0;
for (let a = 1; a < 60; a++) for (let b = a; b < 60; b++) { const c2 = a * a + b * b; const c = Math.round(Math.sqrt(c2)); if (c * c === c2 && c < 60) count++; }
console.log("pythagorean triples:", count);
let str = 0;
const text = "abcdefghij".repeat(1000);
for (let i = 0; i < text.length; i++) str += text.charCodeAt(i) - 96;
console.log(str);
let w = 0, iters = 0;
while (w < 1e6) { w = w * 2 + 1; iters++; }
console.log(w, iters);
