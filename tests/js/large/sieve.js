// Sieve: prime numbers several ways. A plain sieve of Eratosthenes, an
// odd-only sieve, a segmented sieve and trial division are cross-checked,
// and the results are used for factorization, Goldbach partitions, twin
// primes and Euler's totient.
//
// usage: node sieve.js [LIMIT] [--time]      (default LIMIT = 100000)

const args = process.argv.slice(2);
const TIME = args.includes("--time");
const sizeArg = args.find(a => a !== "--time");
const LIMIT = sizeArg ? parseInt(sizeArg, 10) : 100000;

// pi(x): the number of primes <= x (OEIS A006880 for powers of ten).
const PI_OF = {
  10: 4,
  100: 25,
  1000: 168,
  10000: 1229,
  100000: 9592,
  1000000: 78498,
  10000000: 664579,
};

function simpleSieve(limit) {
  const composite = new Array(limit + 1).fill(false);
  composite[0] = true;
  if (limit >= 1) composite[1] = true;
  for (let i = 2; i * i <= limit; i++) {
    if (!composite[i]) {
      for (let j = i * i; j <= limit; j += i) composite[j] = true;
    }
  }
  const primes = [];
  for (let i = 2; i <= limit; i++) if (!composite[i]) primes.push(i);
  return primes;
}

// Only odd numbers are stored: index i stands for 2i + 1.
function oddSieve(limit) {
  if (limit < 2) return [];
  const size = (limit - 1) >> 1;
  const flags = [];
  for (let i = 0; i <= size; i++) flags.push(1);
  for (let i = 1; (2 * i + 1) * (2 * i + 1) <= limit; i++) {
    if (flags[i]) {
      const p = 2 * i + 1;
      for (let j = (p * p - 1) >> 1; j <= size; j += p) flags[j] = 0;
    }
  }
  const primes = [2];
  for (let i = 1; i <= size; i++) if (flags[i] && 2 * i + 1 <= limit) primes.push(2 * i + 1);
  return primes;
}

// Segmented sieve over windows of `segment` numbers.
function segmentedSieve(limit, segment) {
  const base = simpleSieve(Math.floor(Math.sqrt(limit)) + 1);
  const primes = [];
  for (let low = 2; low <= limit; low += segment) {
    const high = Math.min(low + segment - 1, limit);
    const mark = new Array(high - low + 1).fill(true);
    for (const p of base) {
      if (p * p > high) break;
      let start = Math.ceil(low / p) * p;
      if (start < p * p) start = p * p;
      for (let j = start; j <= high; j += p) mark[j - low] = false;
    }
    for (let i = 0; i < mark.length; i++) if (mark[i]) primes.push(low + i);
  }
  return primes;
}

function isPrimeTrial(n) {
  if (n < 2) return false;
  if (n % 2 === 0) return n === 2;
  if (n % 3 === 0) return n === 3;
  for (let i = 5; i * i <= n; i += 6) {
    if (n % i === 0 || n % (i + 2) === 0) return false;
  }
  return true;
}

// Smallest prime factor table, then factorization by repeated division.
function smallestFactors(limit) {
  const spf = new Array(limit + 1).fill(0);
  for (let i = 2; i <= limit; i++) {
    if (spf[i] === 0) {
      for (let j = i; j <= limit; j += i) if (spf[j] === 0) spf[j] = i;
    }
  }
  return spf;
}

function factorize(n, spf) {
  const factors = [];
  while (n > 1) {
    const p = spf[n];
    let e = 0;
    while (n % p === 0) {
      n /= p;
      e++;
    }
    factors.push([p, e]);
  }
  return factors;
}

function formatFactors(factors) {
  return factors.map(([p, e]) => (e === 1 ? String(p) : `${p}^${e}`)).join(" * ");
}

function totient(n, spf) {
  let result = n;
  for (const [p] of factorize(n, spf)) result = (result / p) * (p - 1);
  return result;
}

function divisorCount(n, spf) {
  return factorize(n, spf).reduce((acc, [, e]) => acc * (e + 1), 1);
}

function goldbachPartitions(n, isPrime) {
  let count = 0;
  for (let p = 2; p <= n / 2; p++) if (isPrime[p] && isPrime[n - p]) count++;
  return count;
}

// Sieve of Sundaram: marks i + j + 2ij; the rest give odd primes 2k + 1.
function sundaram(limit) {
  const k = Math.floor((limit - 1) / 2);
  const marked = new Array(k + 1).fill(false);
  for (let i = 1; i <= k; i++) {
    for (let j = i; i + j + 2 * i * j <= k; j++) marked[i + j + 2 * i * j] = true;
  }
  const primes = limit >= 2 ? [2] : [];
  for (let i = 1; i <= k; i++) if (!marked[i]) primes.push(2 * i + 1);
  return primes;
}

// (a * b) mod m for a, b < m < 2^32 without losing precision: split b into
// 16-bit halves so every intermediate product stays below 2^53.
function mulmod(a, b, m) {
  const hi = Math.floor(b / 65536);
  const lo = b % 65536;
  return (((a * hi) % m) * 65536 + a * lo) % m;
}

function powmod(base, exp, m) {
  let result = 1;
  base %= m;
  while (exp > 0) {
    if (exp % 2 === 1) result = mulmod(result, base, m);
    base = mulmod(base, base, m);
    exp = Math.floor(exp / 2);
  }
  return result;
}

// Deterministic Miller-Rabin for n < 2^32 (bases 2, 7, 61 suffice).
function millerRabin(n) {
  if (n < 2) return false;
  for (const p of [2, 3, 5, 7, 61]) if (n % p === 0) return n === p;
  let d = n - 1;
  let r = 0;
  while (d % 2 === 0) {
    d /= 2;
    r++;
  }
  for (const a of [2, 7, 61]) {
    let x = powmod(a, d, n);
    if (x === 1 || x === n - 1) continue;
    let composite = true;
    for (let i = 1; i < r; i++) {
      x = mulmod(x, x, n);
      if (x === n - 1) {
        composite = false;
        break;
      }
    }
    if (composite) return false;
  }
  return true;
}

// Lucas-Lehmer test for the Mersenne number 2^p - 1 (p odd prime, p <= 31).
function lucasLehmer(p) {
  if (p === 2) return true;
  const m = 2 ** p - 1;
  let s = 4;
  for (let i = 0; i < p - 2; i++) {
    s = mulmod(s, s, m);
    s = (s + m - 2) % m;
  }
  return s === 0;
}

function mersenneExponents(maxP, isPrime) {
  const out = [];
  for (let p = 2; p <= maxP; p++) {
    if (isPrime[p] && lucasLehmer(p)) out.push(p);
  }
  return out;
}

function sameArrays(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function main() {
  const checks = [];
  const t0 = performance.now();
  const primes = simpleSieve(LIMIT);
  const odd = oddSieve(LIMIT);
  const seg = segmentedSieve(LIMIT, 4096);
  const t1 = performance.now();

  console.log(`primes up to ${LIMIT}: ${primes.length}`);
  console.log("first:", primes.slice(0, 10).join(" "));
  console.log("last:", primes.slice(-5).join(" "));
  checks.push(["odd-only sieve agrees", sameArrays(primes, odd)]);
  checks.push(["segmented sieve agrees", sameArrays(primes, seg)]);
  if (PI_OF[LIMIT] !== undefined) checks.push(["pi(limit) matches table", primes.length === PI_OF[LIMIT]]);

  // Trial division agrees on a sample.
  const isPrime = new Array(LIMIT + 1).fill(false);
  for (const p of primes) isPrime[p] = true;
  let trialOk = true;
  for (let n = 0; n <= LIMIT; n += n < 2000 ? 1 : 97) if (isPrimeTrial(n) !== isPrime[n]) trialOk = false;
  checks.push(["trial division agrees", trialOk]);

  checks.push(["Sundaram agrees", sameArrays(primes.filter(p => p <= 20000), sundaram(Math.min(LIMIT, 20000)))]);
  let mrOk = true;
  for (let n = 0; n <= Math.min(LIMIT, 50000); n++) if (millerRabin(n) !== isPrime[n]) mrOk = false;
  checks.push(["Miller-Rabin agrees with the sieve", mrOk]);
  const big = [2147483647, 4294967291, 4294967297, 4294967279, 3215031751];
  console.log("Miller-Rabin on large numbers:", big.map(n => `${n}:${millerRabin(n) ? "prime" : "composite"}`).join(" "));
  checks.push(["known large primes", millerRabin(2147483647) && millerRabin(4294967291) && !millerRabin(4294967297) && !millerRabin(3215031751)]);

  const mersenne = mersenneExponents(31, isPrime);
  console.log("Mersenne prime exponents up to 31:", mersenne.join(" "));
  checks.push(["Lucas-Lehmer finds 2 3 5 7 13 17 19 31", mersenne.join(" ") === "2 3 5 7 13 17 19 31"]);
  checks.push(["2^31 - 1 prime both ways", millerRabin(2 ** 31 - 1) === lucasLehmer(31)]);

  // Prime gaps and twin primes.
  let twins = 0;
  let maxGap = 0;
  let gapAt = 0;
  for (let i = 1; i < primes.length; i++) {
    const gap = primes[i] - primes[i - 1];
    if (gap === 2) twins++;
    if (gap > maxGap) {
      maxGap = gap;
      gapAt = primes[i - 1];
    }
  }
  console.log(`twin prime pairs: ${twins}, largest gap ${maxGap} after ${gapAt}`);

  // Factorization: products reconstruct the numbers.
  const spfLimit = Math.min(LIMIT, 200000);
  const spf = smallestFactors(spfLimit);
  let productOk = true;
  for (let n = 2; n <= spfLimit; n += 13) {
    const prod = factorize(n, spf).reduce((acc, [p, e]) => acc * p ** e, 1);
    if (prod !== n) productOk = false;
  }
  checks.push(["factorizations multiply back", productOk]);
  for (const n of [360, 1001, 9973, 65536, 99991].filter(n => n <= spfLimit)) {
    console.log(`${n} = ${formatFactors(factorize(n, spf))}  phi=${totient(n, spf)}  d=${divisorCount(n, spf)}`);
  }

  // Sum of totients up to 100 (OEIS A002088: 3044).
  if (spfLimit >= 100) {
    let phiSum = 0;
    for (let n = 1; n <= 100; n++) phiSum += n === 1 ? 1 : totient(n, spf);
    checks.push(["sum of phi(1..100) = 3044", phiSum === 3044]);
  }

  // Goldbach: every even number in range has a partition.
  const goldLimit = Math.min(LIMIT, 5000);
  let goldOk = true;
  let mostWays = 0;
  let mostAt = 0;
  for (let n = 4; n <= goldLimit; n += 2) {
    const ways = goldbachPartitions(n, isPrime);
    if (ways === 0) goldOk = false;
    if (ways > mostWays) {
      mostWays = ways;
      mostAt = n;
    }
  }
  checks.push(["Goldbach holds", goldOk]);
  console.log(`most Goldbach partitions below ${goldLimit}: ${mostAt} has ${mostWays}`);

  // Checksum of all primes (mod 2^31 - 1, staying in exact integers).
  let checksum = 0;
  for (const p of primes) checksum = (checksum * 7 + p) % 2147483647;
  console.log("checksum:", checksum);

  let ok = true;
  for (const [name, passed] of checks) {
    console.log((passed ? "pass " : "FAIL ") + name);
    if (!passed) ok = false;
  }
  console.log(ok ? "ok" : "FAIL");
  if (TIME) console.log("time: " + (t1 - t0).toFixed(2) + " ms");
  if (!ok) process.exit(1);
}

main();
