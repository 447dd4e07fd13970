const vals = [0, 1, -1, 1.005, 1.45, 1.55, 2.5, -2.5, 0.000001, 123.456, 1e20, 1e21, -0, 0.5, 1.5, 10.235, 99.995, 3.14159, NaN, Infinity];
for (const v of vals) {
  console.log(v, v.toFixed(), v.toFixed(0), v.toFixed(1), v.toFixed(2), v.toFixed(5));
}
console.log((1234.5678).toFixed(10), (0.1).toFixed(20), (5e-7).toFixed(7), (1.23e-10).toFixed(2));
console.log((-1.5).toFixed(0), (-0.5).toFixed(0), (0.5).toFixed(0), (-0.0001).toFixed(2));
try { (1).toFixed(101); } catch (e) { console.log(e instanceof RangeError, e.name); }
let total = 0;
for (let i = 1; i <= 10; i++) total += i * 0.1;
console.log(total, total.toFixed(2), +total.toFixed(2));
