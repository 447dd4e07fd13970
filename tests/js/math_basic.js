console.log(Math.PI, Math.E);
const xs = [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 2.4, -2.6, 0, -0, 7];
for (const x of xs) console.log(x, Math.abs(x), Math.floor(x), Math.ceil(x), Math.round(x), Math.trunc(x), Math.sign(x));
console.log(Math.sqrt(2), Math.sqrt(16), Math.cbrt(27), Math.cbrt(-8), Math.pow(2, 10), Math.pow(2, 0.5), Math.pow(-8, 1 / 3));
console.log(Math.exp(1), Math.exp(0), Math.log(Math.E), Math.log(1), Math.log(0), Math.log(-1));
console.log(Math.sin(0), Math.cos(0), Math.tan(0), Math.sin(Math.PI / 2), Math.cos(Math.PI), Math.atan2(1, 1), Math.atan2(-1, -1), Math.atan2(0, -1));
console.log(Math.hypot(3, 4), Math.hypot(1, 2, 2), Math.hypot());
console.log(Math.max(1, 5, 3), Math.min(1, 5, 3), Math.max(...[4, 9, 2]), Math.min.apply(null, [4, 9, 2]), Math.max("7", 3), Math.min([1]));
console.log(Math.round(0.49999999999999994), Math.round(-0.5), Math.round(2 ** 52 + 0.5), Math.floor(-0), Math.pow(0, 0), Math.pow(NaN, 0));
let inRange = true;
for (let i = 0; i < 1000; i++) { const r = Math.random(); if (!(r >= 0 && r < 1)) inRange = false; }
console.log("random in range:", inRange, typeof Math.random());
console.log(typeof Math, Math.abs("-3"), Math.abs(null), Math.abs(), Math.floor("2.7"));
