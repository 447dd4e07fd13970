// Number members beyond the core subset (isSafeInteger, isFinite, EPSILON, ...)
console.log(Number.MAX_VALUE, Number.MAX_VALUE * 2, -Number.MAX_VALUE * 2, Number.MIN_VALUE, Number.MIN_VALUE / 2);
console.log(Number.EPSILON, 1 + Number.EPSILON > 1, 1 + Number.EPSILON / 2 === 1, Number.EPSILON === 2 ** -52);
console.log(Number.MIN_SAFE_INTEGER, Number.isSafeInteger(2 ** 53), Number.isSafeInteger(2 ** 53 - 1), Number.isSafeInteger(1.5), Number.isSafeInteger("1"));
console.log(Number.isFinite(1e3), Number.isFinite("12"), Number.isFinite(Infinity), Number.isFinite(NaN), Number.isFinite(null));
console.log(Number.parseFloat === parseFloat, Number.parseInt === parseInt, Number.parseFloat("3.14abc"), Number.parseInt("42px"));
