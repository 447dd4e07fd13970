// Number -> string: shortest round trip and exponent forms
const nums = [0, -0, 1, -1, 0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 10 / 3, 123.456, -987.654,
  1e21, 1e20, 123456789012345680000, 1.5e21, 9.999999999999999e20, 1e-6, 1e-7, 1.5e-7, 0.000001, 0.0000012345,
  5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 2 ** 53, 2 ** 53 + 2, 2 ** 64, 2 ** 70, 2 ** -20,
  100, 1000000, 12345678901234567890, 0.5, 0.25, 0.125, 1.1, 1.01, 4.35, 0.000123, 1e100, 1.2e-100,
  3.141592653589793, 2.718281828459045, 1e15, 1e16, 1e17, 123e-20, 4294967295, 4294967296, -2147483649];
for (const n of nums) console.log(String(n), n);
console.log([1e21, 1e-7, 0.1 + 0.2, -0]);
console.log(JSON.stringify([1e21, 1e-7, 5e-324, 2 ** 64]));
console.log(`${1e21}|${1e-7}|${2 ** 31}|${-1e-7}`);
console.log((25).toString(), (255).toString(16), (255).toString(2), (-255).toString(36), (35).toString(36));
console.log((0.5).toString(2), (0.1).toString(2), (0.75).toString(16), (3.25).toString(8), (-0.5).toString(2));
console.log((1e21).toString(16), (2 ** 53).toString(36), (1 / 3).toString(3), (123.456).toString(36));
