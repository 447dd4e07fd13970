function primesUpTo(n) { const sieve = new Array(n + 1).fill(true); sieve[0] = sieve[1] = false; for (let i = 2; i * i <= n; i++) if (sieve[i]) for (let j = i * i; j <= n; j += i) sieve[j] = false; return sieve.reduce((acc, isP, i) => (isP ? (acc.push(i), acc) : acc), []); }
const ps = primesUpTo(200);
console.log(ps.length, ps.slice(-5));
console.log(ps);
const perfect = []; for (let n = 2; n < 8200; n++) { let s = 1; for (let d = 2; d * d <= n; d++) if (n % d === 0) { s += d; if (d * d !== n) s += n / d; } if (s === n) perfect.push(n); }
console.log(perfect);
const amicable = []; const sumDiv = n => { let s = 1; for (let d = 2; d * d <= n; d++) if (n % d === 0) { s += d; if (d * d !== n) s += n / d; } return s; };
for (let a = 2; a < 1300; a++) { const b = sumDiv(a); if (b > a && sumDiv(b) === a) amicable.push([a, b]); }
console.log(amicable);
let maxLen = 0, best = 0; for (let n = 1; n < 3000; n++) { let x = n, len = 1; while (x !== 1) { x = x % 2 ? 3 * x + 1 : x / 2; len++; } if (len > maxLen) { maxLen = len; best = n; } }
console.log(best, maxLen);
