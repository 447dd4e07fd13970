const vals = [1e21, 1e-7, 0.1 + 0.2, 5e-324, -5e-324, 2 ** 53, 2 ** 53 + 1, 1.7976931348623157e308, 123e18, 123e19, 0.000001, 0.0000001, 1.5e-6, 100, 1e2, 12.0, 12.50, -0, 1 / 3, 1e16 + 1, 4.35 * 100, 1.005 * 1000, 9.95, 0.1 * 3, 3 * 1.1, 1e21 - 1, 999999999999999999999, 1.2345678901234567e-8];
for (const v of vals) console.log(String(v), [v], `${v}`, v.toFixed(3));
console.log(String(-0), (-0).toString(), `${-0}`, [-0] + "", JSON.stringify(-0), -0);
console.log((0.1).toFixed(25), (1e-10).toFixed(12), (123.456).toFixed(0));
console.log(Number.MAX_SAFE_INTEGER.toString(), (Number.MAX_SAFE_INTEGER + 2).toString(), (-Number.MAX_SAFE_INTEGER).toString());
console.log(0.1 + 0.7, 1.1 + 2.2, 3 * 0.1, 0.3 / 0.1, 100 * 1.1, 1 - 0.9);
