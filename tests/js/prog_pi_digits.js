// Rabinowitz-Wagon spigot for digits of pi, exact in small integers
function piDigits(n) {
  const len = Math.floor((10 * n) / 3) + 1;
  const a = new Array(len).fill(2);
  let out = "", nines = 0, predigit = 0;
  for (let j = 1; j <= n; j++) {
    let q = 0;
    for (let i = len; i > 0; i--) { const x = 10 * a[i - 1] + q * i; a[i - 1] = x % (2 * i - 1); q = Math.floor(x / (2 * i - 1)); }
    a[0] = q % 10; q = Math.floor(q / 10);
    if (q === 9) nines++;
    else if (q === 10) { out += String(predigit + 1) + "0".repeat(nines); predigit = 0; nines = 0; }
    else { if (j > 1) out += String(predigit); predigit = q; if (nines) { out += "9".repeat(nines); nines = 0; } }
  }
  return out + predigit;
}
const d = piDigits(200);
console.log(d.slice(0, 1) + "." + d.slice(1));
console.log(d.length, d.startsWith("31415926535897932384"));
function eDigits(n) { const a = new Array(n + 10).fill(1); let out = "2."; for (let k = 0; k < n; k++) { let carry = 0; for (let i = a.length - 1; i > 0; i--) { const x = a[i] * 10 + carry; a[i] = x % (i + 1); carry = Math.floor(x / (i + 1)); } out += carry; } return out; }
console.log(eDigits(60));
function sqrt2Digits(n) { let r = 0, rem = 2, out = ""; for (let i = 0; i < n; i++) { let d = 0; while ((20 * r + d + 1) * (d + 1) <= rem) d++; out += d; rem = (rem - (20 * r + d) * d) * 100; r = r * 10 + d; if (r > 1e14) break; } return out; }
console.log(sqrt2Digits(14));
