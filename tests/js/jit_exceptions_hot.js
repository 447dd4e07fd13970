// Exceptions thrown from functions after they became hot
function check(x) { if (x < 0) throw new RangeError("negative: " + x); return Math.sqrt(x); }
let s = 0;
for (let i = 0; i < 5000; i++) s += check(i);
console.log(s.toFixed(6));
let caught = 0;
for (let i = -100; i < 100; i++) { try { check(i); } catch (e) { caught++; } }
console.log(caught);
function deep(n, fail) { if (n === 0) { if (fail) throw new Error("bottom"); return 0; } return deep(n - 1, fail) + 1; }
let total = 0;
for (let i = 0; i < 300; i++) total += deep(50, false);
console.log(total);
try { deep(50, true); } catch (e) { console.log("caught", e.message); }
function withFinally(i) { let log = 0; try { if (i % 3 === 0) throw i; log += 1; } catch (e) { log += 10; } finally { log += 100; } return log; }
let f = 0;
for (let i = 0; i < 3000; i++) f += withFinally(i);
console.log(f);
function typeErr(o) { return o.a.b; }
let ok = 0, bad = 0;
for (let i = 0; i < 2000; i++) { try { ok += typeErr({ a: { b: 1 } }); } catch (e) { bad++; } }
for (const o of [{}, { a: null }, { a: { b: 2 } }]) { try { ok += typeErr(o); } catch (e) { bad++; console.log(e instanceof TypeError); } }
console.log(ok, bad);
