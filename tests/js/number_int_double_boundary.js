// Values crossing the int32 / double representation boundary
const vals = [2147483646, 2147483647, 2147483648, -2147483647, -2147483648, -2147483649, 4294967295, 4294967296];
for (const v of vals) console.log(v, v + 1, v - 1, v * 2, v / 2, v % 3, -v, v | 0, v >>> 0, v >> 1, Math.floor(v / 7));
let acc = 2147483600;
for (let i = 0; i < 100; i++) acc += 1;
console.log(acc, acc - 100, (acc - 100) === 2147483600);
let d = 0.5; d += 0.5; console.log(d, d === 1, Number.isInteger(d), [d][0] | 0);
let m = -2147483648; console.log(m / -1, m * -1, m % -1, Object.is(m % -1, -0), -m | 0);
console.log(1e10 | 0, 1e10 >>> 0, -1e10 | 0, 2 ** 31 | 0, 2 ** 31 >> 0, 2 ** 31 >>> 0, (2 ** 32 - 1) | 0);
console.log(0.1 * 3 === 0.3, 3 * 1 === 3, 10 / 2, 10 / 4, 7 / 7, 0 / 5, -0 / 5, 5 / -0);
console.log(Math.round(2147483647.5), Math.floor(-2147483648.5), Math.ceil(2147483646.1), Math.trunc(-2147483649.9));
const arr = []; for (let i = 2147483640; i < 2147483650; i++) arr.push(i % 10);
console.log(arr.join(""));
