// labelled break and continue
let found = null;
outer: for (let i = 0; i < 10; i++) {
  for (let j = 0; j < 10; j++) {
    if (i * j === 42) { found = [i, j]; break outer; }
  }
}
console.log(found);
const res = [];
rows: for (let r = 0; r < 4; r++) {
  for (let c = 0; c < 4; c++) {
    if (c > r) continue rows;
    res.push(`${r}${c}`);
  }
}
console.log(res.join(" "));
let n = 0;
a: while (true) {
  b: do {
    n++;
    if (n % 3 === 0) continue a;
    if (n > 10) break a;
  } while (n < 5);
}
console.log(n);
const primes = [];
next: for (let k = 2; primes.length < 15; k++) {
  for (const p of primes) if (k % p === 0) continue next;
  primes.push(k);
}
console.log(primes);
let trace = [];
L1: for (const x of [1, 2, 3]) {
  L2: for (const y of ["a", "b", "c"]) {
    if (y === "b" && x === 2) continue L1;
    if (x === 3) break L2;
    trace.push(x + y);
  }
  trace.push("end" + x);
}
console.log(trace.join(","));
let m = 0;
lbl: for (let i = 0; i < 3; i++) { for (const k in { a: 1, b: 2 }) { m++; if (k === "a") continue lbl; } }
console.log(m);
