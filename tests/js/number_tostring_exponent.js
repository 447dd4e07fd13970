const xs = [1e20, 1e21, 1.234e21, 12345678901234567890123, 1e-6, 1e-7, 1.5e-7, 0.00001234, 1.7976931348623157e308, 4.9406564584124654e-324, 2.2250738585072014e-308, 1e100, 1e-100, 123e-9, 0.1e-5, 100e-9];
for (const x of xs) console.log(String(x), String(-x), (x * 10).toString(), (x / 10).toString());
console.log([1e21, 1e-7].map(String), JSON.stringify([1e21, 1e-7]), `${1e21}${1e-7}`);
let p = 1; const powers = []; for (let i = 0; i < 25; i++) { powers.push(String(p)); p *= 10; }
console.log(powers.slice(-6));
let q = 1; const fracs = []; for (let i = 0; i < 10; i++) { q /= 10; fracs.push(String(q)); }
console.log(fracs);
