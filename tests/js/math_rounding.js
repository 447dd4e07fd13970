const xs = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 1.4999999999999998, 4503599627370495.5, -4503599627370495.5, 1e20 + 0.5, 2.675, 1.005];
for (const x of xs) console.log(x, Math.round(x), Math.floor(x), Math.ceil(x), Math.trunc(x), x.toFixed(2));
function roundTo(x, d) { const f = 10 ** d; return Math.round(x * f) / f; }
console.log(roundTo(1.005, 2), roundTo(2.675, 2), roundTo(123.4567, 1), roundTo(-1.555, 2), roundTo(1234.5678, -2));
console.log(Math.sign(-3), Math.sign(0), Math.sign(-0), Math.sign(NaN), Math.sign("5"), Math.sign(-Infinity));
console.log(Math.abs(-7.5), Math.abs(-0), Math.abs("-2"), Math.abs([]), Math.abs([-3]), Math.abs({}));
console.log(Math.max(-0, 0), Object.is(Math.max(-0, 0), 0), Object.is(Math.min(0, -0), -0), Math.max(NaN, 1), Math.min(undefined, 1), Math.max(null, -1));
console.log(Math.sqrt(0), Math.sqrt(-0), Math.cbrt(-0), Math.sqrt(Infinity), Math.cbrt(-Infinity), Math.pow(-0, -1), Math.pow(-0, -2), Math.pow(2, 1024), Math.pow(-2, 0.5));
