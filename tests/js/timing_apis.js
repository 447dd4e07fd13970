// performance.now and process.hrtime exist and are monotonic; times are never printed
const t0 = performance.now();
let s = 0;
for (let i = 0; i < 100000; i++) s += i;
const t1 = performance.now();
console.log(typeof t0, t1 >= t0, s);
const h = process.hrtime();
console.log(Array.isArray(h), h.length, typeof h[0], typeof h[1], h[1] < 1e9);
const d = process.hrtime(h);
console.log(d.length, d[0] >= 0, d[1] >= 0);
