// length after writes
const a = [1, 2, 3];
a[10] = 11;
console.log(a.length, a);
a.length = 2;
console.log(a.length, a, a[2]);
a.length = 5;
console.log(a.length, a);
a[a.length] = "end";
console.log(a.length, a[5]);
const b = [];
b[0] = "x"; console.log(b.length);
b["1"] = "y"; console.log(b.length);
b["01"] = "not index"; console.log(b.length, b["01"]);
b[1.5] = "frac"; console.log(b.length);
b[-1] = "neg"; console.log(b.length, b[-1]);
b.length = 0; console.log(JSON.stringify(b), b.length, b[0], b["01"]);
const c = [1, 2, 3, 4, 5];
c.length--; console.log(c);
c.length += 2; console.log(c);
const d = [];
for (let i = 0; i < 100; i++) d[i] = i;
console.log(d.length, d[99]);
d.length = 50;
console.log(d.length, d[49], d[50]);
try { d.length = -1; } catch (e) { console.log(e.name); }
try { d.length = 1.5; } catch (e) { console.log(e.name); }
const e = [1, 2, 3]; e.push(...[4, 5]); e.splice(1, 2); console.log(e.length, e);
const f = new Array(3); f[1] = "mid"; console.log(f.length, f);
const g = [1, 2, 3]; delete g[2]; console.log(g.length, g);
const h = []; h[4294967294] = "max"; console.log(h.length);
const big = []; big[1000] = 1; console.log(big.length, Object.keys(big));
