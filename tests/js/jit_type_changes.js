// A hot function sees ints, then doubles, strings, objects and undefined:
// results must stay correct when speculation fails (deoptimization).
function add(a, b) { return a + b; }
let acc = 0;
for (let i = 0; i < 5000; i++) acc = add(acc, i);
console.log(acc);
console.log(add(0.5, 0.25), add(2147483647, 1), add("a", 1), add(1, "b"), add([1], [2]), add(null, true), add(undefined, 1), add({ valueOf() { return 41; } }, 1));
function mul(a, b) { return a * b; }
let m = 1;
for (let i = 0; i < 3000; i++) m = mul(i % 3, 7);
console.log(m, mul(65536, 65536), mul(-1, 0), 1 / mul(-1, 0), mul("3", "4"), mul(1.5, 2));
function cmp(a, b) { return a < b; }
let c = 0;
for (let i = 0; i < 3000; i++) if (cmp(i, 1500)) c++;
console.log(c, cmp("a", "b"), cmp("10", "9"), cmp(NaN, 1), cmp(1, 1.5), cmp(null, 1), cmp(undefined, 1));
function prop(o) { return o.x; }
const shapes = [{ x: 1 }, { y: 0, x: 2 }, { x: "str" }, [], "s", 5, { x: { nested: true } }];
let total = 0;
for (let i = 0; i < 4000; i++) total += prop(shapes[0]);
console.log(total, shapes.map(prop));
function bits(a) { return (a | 0) + (a >>> 0) + (a >> 1) + (~a); }
let b = 0;
for (let i = 0; i < 3000; i++) b += bits(i);
console.log(b, bits(-1), bits(2 ** 32 + 5), bits(1.9), bits("7"), bits(NaN));
function inc(x) { return x + 1; }
let v = 2147483600;
for (let i = 0; i < 100; i++) v = inc(v);
console.log(v, typeof v, inc(1e308), inc(-0), inc("0"));
