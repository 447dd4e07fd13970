// -0 in arithmetic and printing
let nz = -0;
console.log(nz, [nz], { v: nz }, String(nz), nz + "", `${nz}`, JSON.stringify(nz));
console.log(Object.is(nz, 0), Object.is(nz, -0), nz === 0, nz == 0, 1 / nz);
console.log(0 * -5, -5 * 0, Object.is(0 * -5, -0), 1 / (0 * -5));
console.log(Math.round(-0.4), Object.is(Math.round(-0.4), -0), Math.ceil(-0.5), Math.trunc(-0.9));
console.log(Math.sign(-0), Math.abs(-0), Math.min(0, -0), Math.max(-0, 0));
console.log(-0 + 0, -0 - 0, -0 + -0, 0 - 0, -0 * -0);
console.log((-0).toFixed(2), (-0).toString(), (-0).toString(2), [-0].join(), [-0].toString());
console.log(-0 < 0, -0 > 0, -0 <= 0, -0 >= 0);
console.log(-0 % 5, 5 % -5, -5 % 5, Object.is(-5 % 5, -0));
let y = 0; y = -y; console.log(y, 1 / y);
console.log([0, -0, 0].indexOf(-0), [-0].includes(0), [NaN].includes(NaN), [NaN].indexOf(NaN));
console.log(JSON.stringify([-0, 0]), JSON.stringify({ a: -0 }));
console.log(-0 | 0, 1 / (-0 | 0), -0 >>> 0, ~~-0);
console.log(parseInt("-0"), 1 / parseInt("-0"), parseFloat("-0"), 1 / parseFloat("-0"));
console.log(Number("-0"), 1 / Number("-0"), -"0", 1 / -"0");
