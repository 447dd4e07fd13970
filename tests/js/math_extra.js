// Less common Math members
console.log(Math.LN2, Math.LN10, Math.LOG2E, Math.LOG10E, Math.SQRT2, Math.SQRT1_2);
console.log(Math.log10(1000), Math.log2(8), Math.log1p(0), Math.expm1(0));
console.log(Math.atan(1), Math.asin(1), Math.acos(1), Math.sinh(0), Math.cosh(0), Math.tanh(0));
console.log(Math.fround(5.5), Math.clz32(1), Math.imul(3, 4), Math.imul(0xffffffff, 5));
