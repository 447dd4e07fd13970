// Lots of short-lived garbage; memory must stay bounded and results exact
let keep = null;
let total = 0;
for (let i = 0; i < 20000; i++) {
  const o = { i, arr: [i, i + 1], s: "x" + (i % 100) };
  total += o.arr[1] - o.i;
  if (i % 5000 === 0) keep = o;
}
console.log(total, keep.i, keep.s);
let list = null;
for (let round = 0; round < 5; round++) {
  list = null;
  for (let i = 0; i < 2000; i++) list = { v: i, next: list };
}
let n = 0;
for (let p = list; p; p = p.next) n++;
console.log(n);
let str = "";
for (let i = 0; i < 5000; i++) { str += String.fromCharCode(97 + (i % 26)); if (str.length > 100) str = str.slice(50); }
console.log(str.length, str.slice(0, 10));
const closures = [];
for (let i = 0; i < 3000; i++) { const f = () => i; if (i % 300 === 0) closures.push(f); }
console.log(closures.map(f => f()).join(","));
class Particle { constructor(x) { this.x = x; this.v = [x, -x]; } step() { return new Particle(this.x + this.v[0] * 0.001); } }
let p = new Particle(1);
for (let i = 0; i < 10000; i++) p = p.step();
console.log(p.x.toFixed(6));
const big = [];
for (let i = 0; i < 100; i++) big.push(new Array(100).fill(i));
let bs = 0; for (const a of big) bs += a[99];
big.length = 0;
console.log(bs, big.length);
