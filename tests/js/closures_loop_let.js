// Fresh let binding per iteration
const fs = [];
for (let i = 0; i < 5; i++) fs.push(() => i);
console.log(fs.map(f => f()));
const gs = [];
for (var j = 0; j < 5; j++) gs.push(() => j);
console.log(gs.map(f => f()));
const hs = [];
for (let i = 0; i < 3; i++) { hs.push(() => i); i += 0; }
console.log(hs.map(f => f()));
// mutation inside body is visible to the closure of that iteration, and copied to the next
const ks = [];
for (let i = 0; i < 6; i++) { ks.push(() => i); i++; }
console.log(ks.map(f => f()));
// closure in the update expression
const us = [];
for (let i = 0; i < 3; us.push(() => i), i++) {}
console.log(us.map(f => f()));
const os = [];
for (const k of ["a", "b", "c"]) os.push(() => k);
console.log(os.map(f => f()));
const ins = [];
for (const key in { p: 1, q: 2 }) ins.push(() => key);
console.log(ins.map(f => f()));
const ws = [];
let w = 0;
while (w < 3) { let captured = w; ws.push(() => captured); w++; }
console.log(ws.map(f => f()));
// closures that write the loop variable
const setters = [], getters = [];
for (let i = 0; i < 3; i++) { setters.push(v => { i = v; }); getters.push(() => i); }
setters[1](100);
console.log(getters.map(g => g()));
// nested loops
const grid = [];
for (let r = 0; r < 2; r++) for (let c = 0; c < 2; c++) grid.push(() => `${r}${c}`);
console.log(grid.map(f => f()).join(" "));
// continue does not break freshness
const cs = [];
for (let i = 0; i < 6; i++) { if (i % 2) continue; cs.push(() => i * 10); }
console.log(cs.map(f => f()));
