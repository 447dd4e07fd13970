console.log(Number.isInteger(5), Number.isInteger(5.0), Number.isInteger(5.5), Number.isInteger("5"), Number.isInteger(Infinity), Number.isInteger(-0));
console.log(Number.isNaN(NaN), Number.isNaN("x"), isNaN("x"), isNaN(""), isNaN(" "), isNaN(undefined), isNaN(null));
console.log(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER === 2 ** 53 - 1);
console.log(Number("42"), Number(""), Number("  7  "), Number("4px"), Number(null), Number(undefined), Number(true), Number([]), Number(["8"]), Number({}));
console.log(Number("0b101"), Number("0o17"), Number("0xff"), Number("-0x10"), Number("1_000"), Number(".5"), Number("5."), Number("+3"), Number("1e-2"));
console.log(isFinite("1e3"), isFinite(1e3), isFinite(null), isFinite(undefined), typeof Number);
let n = 3.7;
console.log(n.toString(), n.toFixed(1), (7).toString(2), 7..toString(8));
