// int32 arithmetic that overflows into doubles
let max = 2147483647, min = -2147483648;
console.log(max + 1, min - 1, max * 2, min * 2, -min, max + max);
console.log(max * max, min * min, min * -1);
let i = max - 3;
for (let k = 0; k < 6; k++) { i++; console.log(i); }
let j = min + 2;
for (let k = 0; k < 4; k++) { j--; console.log(j); }
console.log(65536 * 65536, 65536 * 65535, 46341 * 46341, 46340 * 46340);
console.log((max + 1) | 0, (min - 1) | 0, (2 ** 32) | 0, (2 ** 32 + 5) | 0);
console.log(min / -1, min % -1, 0 * -1, -0 + 0);
let s = 0;
for (let k = 0; k < 100000; k++) s += k * k;
console.log(s);
let f = 1;
for (let k = 1; k <= 25; k++) { f *= k; }
console.log(f);
let p = 1;
for (let k = 0; k < 40; k++) p = p * 3;
console.log(p, p % 1000, p > Number.MAX_SAFE_INTEGER);
console.log(Number.MAX_SAFE_INTEGER + 1, Number.MAX_SAFE_INTEGER + 2, Number.MAX_SAFE_INTEGER * 2);
console.log(max - -1, -(-2147483648), Math.abs(min));
