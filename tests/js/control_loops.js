let s = "";
for (let i = 0; i < 5; i++) s += i;
console.log(s);
let i = 10;
while (i > 0) i -= 3;
console.log(i);
let n = 0;
do { n++; } while (n < 0);
console.log(n);
let count = 0;
do count += 2; while (count < 7);
console.log(count);
for (;;) { count++; if (count > 20) break; }
console.log(count);
let out = [];
for (let a = 0, b = 10; a < b; a++, b--) out.push(a * b);
console.log(out);
let collatz = 27, steps = 0;
while (collatz !== 1) { collatz = collatz % 2 ? 3 * collatz + 1 : collatz / 2; steps++; }
console.log(steps);
let evens = [];
for (let k = 0; k < 20; k++) { if (k % 2) continue; if (k > 12) break; evens.push(k); }
console.log(evens);
let w = 0, iters = 0;
while (true) { iters++; if (++w >= 100) break; }
console.log(w, iters);
let sum = 0;
for (let k = 1e6; k > 0; k = (k / 2) | 0) sum += k;
console.log(sum);
let fl = 0; for (let f = 0; f < 1; f += 0.1) fl++;
console.log(fl);
