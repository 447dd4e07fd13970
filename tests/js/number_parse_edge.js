console.log(Number("  \n42\t "), Number("4 2"), Number("--1"), Number("+-1"), Number("1e1000"), Number("-1e1000"), Number("1e-1000"));
console.log(Number("0.0000001"), Number("1."), Number(".1"), Number("."), Number("e5"), Number("5e"), Number("0x"), Number("0b2"), Number("0o8"));
console.log(Number("Infinity"), Number("+Infinity"), Number("INFINITY"), Number("NaN"), Number("null"), Number(false), Number([]), Number([[]]), Number([1, 2]));
console.log(parseFloat("1e1000"), parseFloat("-.5e-3x"), parseFloat("+.e1"), parseFloat("0x1p3"), parseFloat("  -0  "), parseFloat("1_000"));
console.log(parseInt("  -0x0f  "), parseInt("0b11"), parseInt("1e21"), parseInt(String(1e21)), parseInt("9".repeat(20)), parseInt("-"), parseInt("+"));
console.log(+"1,000", +"1 000", +"١٢٣", Number("12px") || "fallback", ~~"12.9", "3" * "4", "12" / "4" - "1");
console.log(Number.MAX_SAFE_INTEGER + 1 === Number.MAX_SAFE_INTEGER + 2, 0.1 + 0.2 === 0.3, Math.abs(0.1 + 0.2 - 0.3) < 2 ** -52);
