// Permutations: several ways to enumerate permutations, cross-checked against
// each other, plus the fannkuch-redux kernel (pancake flips) from the
// Computer Language Benchmarks Game.
//
// usage: node permutations.js [N] [--time]      (default N = 7)

const args = process.argv.slice(2);
const TIME = args.includes("--time");
const sizeArg = args.find(a => a !== "--time");
const N = sizeArg ? parseInt(sizeArg, 10) : 7;

// Published fannkuch-redux results: [checksum, max flips].
const FANNKUCH = {
  3: [2, 2],
  4: [0, 4],
  5: [11, 7],
  6: [49, 10],
  7: [228, 16],
  8: [1616, 22],
  9: [8629, 30],
  10: [73196, 38],
  11: [556355, 51],
  12: [3968050, 65],
};

function factorial(n) {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return f;
}

// 1. Heap's algorithm (iterative), calling visit for every permutation.
function heapPermutations(n, visit) {
  const a = [];
  for (let i = 0; i < n; i++) a.push(i);
  const c = new Array(n).fill(0);
  visit(a);
  let i = 0;
  while (i < n) {
    if (c[i] < i) {
      if (i % 2 === 0) {
        const t = a[0];
        a[0] = a[i];
        a[i] = t;
      } else {
        const t = a[c[i]];
        a[c[i]] = a[i];
        a[i] = t;
      }
      visit(a);
      c[i]++;
      i = 0;
    } else {
      c[i] = 0;
      i++;
    }
  }
}

// 2. Lexicographic next permutation (in place); returns false at the end.
function nextPermutation(a) {
  let i = a.length - 2;
  while (i >= 0 && a[i] >= a[i + 1]) i--;
  if (i < 0) return false;
  let j = a.length - 1;
  while (a[j] <= a[i]) j--;
  [a[i], a[j]] = [a[j], a[i]];
  let lo = i + 1, hi = a.length - 1;
  while (lo < hi) {
    const t = a[lo];
    a[lo] = a[hi];
    a[hi] = t;
    lo++;
    hi--;
  }
  return true;
}

// 3. Recursive generation with a used-mask, collecting strings.
function recursivePermutations(items) {
  const out = [];
  const used = new Array(items.length).fill(false);
  const current = [];
  function go() {
    if (current.length === items.length) {
      out.push(current.join(""));
      return;
    }
    for (let i = 0; i < items.length; i++) {
      if (used[i]) continue;
      used[i] = true;
      current.push(items[i]);
      go();
      current.pop();
      used[i] = false;
    }
  }
  go();
  return out;
}

// 4. Permutation rank / unrank via the factorial number system.
function unrank(n, rank) {
  const pool = [];
  for (let i = 0; i < n; i++) pool.push(i);
  const result = [];
  for (let i = n; i >= 1; i--) {
    const f = factorial(i - 1);
    const idx = Math.floor(rank / f);
    rank = rank % f;
    result.push(pool.splice(idx, 1)[0]);
  }
  return result;
}

function rank(perm) {
  const n = perm.length;
  const pool = [];
  for (let i = 0; i < n; i++) pool.push(i);
  let r = 0;
  for (let i = 0; i < n; i++) {
    const idx = pool.indexOf(perm[i]);
    r += idx * factorial(n - 1 - i);
    pool.splice(idx, 1);
  }
  return r;
}

// Cycle structure: number of cycles and the permutation's sign.
function cycleCount(perm) {
  const seen = new Array(perm.length).fill(false);
  let cycles = 0;
  for (let i = 0; i < perm.length; i++) {
    if (seen[i]) continue;
    cycles++;
    let j = i;
    while (!seen[j]) {
      seen[j] = true;
      j = perm[j];
    }
  }
  return cycles;
}

function inversions(perm) {
  let inv = 0;
  for (let i = 0; i < perm.length; i++) {
    for (let j = i + 1; j < perm.length; j++) if (perm[i] > perm[j]) inv++;
  }
  return inv;
}

// A permutation as a value: composition, inverse, powers and order.
class Permutation {
  constructor(images) { this.images = images.slice(); }
  static identity(n) {
    const a = [];
    for (let i = 0; i < n; i++) a.push(i);
    return new Permutation(a);
  }
  compose(other) { return new Permutation(other.images.map(i => this.images[i])); }
  inverse() {
    const inv = new Array(this.images.length);
    this.images.forEach((img, i) => { inv[img] = i; });
    return new Permutation(inv);
  }
  equals(other) { return this.images.every((v, i) => v === other.images[i]); }
  isIdentity() { return this.images.every((v, i) => v === i); }
  order() {
    let p = this;
    let k = 1;
    while (!p.isIdentity()) {
      p = p.compose(this);
      k++;
    }
    return k;
  }
  cycleLengths() {
    const seen = new Array(this.images.length).fill(false);
    const lengths = [];
    for (let i = 0; i < this.images.length; i++) {
      if (seen[i]) continue;
      let len = 0;
      for (let j = i; !seen[j]; j = this.images[j]) {
        seen[j] = true;
        len++;
      }
      lengths.push(len);
    }
    return lengths;
  }
}

function gcd(a, b) { return b === 0 ? a : gcd(b, a % b); }
function lcm(a, b) { return (a / gcd(a, b)) * b; }

// 5. fannkuch-redux
function fannkuch(n) {
  const perm = new Array(n);
  const perm1 = new Array(n);
  const count = new Array(n);
  for (let i = 0; i < n; i++) perm1[i] = i;
  let maxFlips = 0;
  let checksum = 0;
  let permCount = 0;
  let r = n;
  while (true) {
    while (r !== 1) {
      count[r - 1] = r;
      r--;
    }
    for (let i = 0; i < n; i++) perm[i] = perm1[i];
    let flips = 0;
    let k;
    while ((k = perm[0]) !== 0) {
      const k2 = (k + 1) >> 1;
      for (let i = 0; i < k2; i++) {
        const t = perm[i];
        perm[i] = perm[k - i];
        perm[k - i] = t;
      }
      flips++;
    }
    if (flips > maxFlips) maxFlips = flips;
    checksum += permCount % 2 === 0 ? flips : -flips;
    while (true) {
      if (r === n) return [checksum, maxFlips];
      const perm0 = perm1[0];
      for (let i = 0; i < r; i++) perm1[i] = perm1[i + 1];
      perm1[r] = perm0;
      count[r]--;
      if (count[r] > 0) break;
      r++;
    }
    permCount++;
  }
}

function main() {
  const checks = [];
  const t0 = performance.now();

  // Heap's algorithm: count, uniqueness (via ranks) and sign balance.
  let heapCount = 0;
  let evenCount = 0;
  const seenRanks = new Array(factorial(N)).fill(false);
  let duplicates = 0;
  heapPermutations(N, p => {
    heapCount++;
    const r = rank(p);
    if (seenRanks[r]) duplicates++;
    seenRanks[r] = true;
    if ((N - cycleCount(p)) % 2 === 0) evenCount++;
  });
  checks.push(["heap count = n!", heapCount === factorial(N)]);
  checks.push(["heap permutations distinct", duplicates === 0]);
  checks.push(["half are even", N < 2 || evenCount * 2 === heapCount]);

  // Lexicographic order visits ranks 0, 1, 2, ... in order.
  const lex = [];
  for (let i = 0; i < N; i++) lex.push(i);
  let lexCount = 0;
  let inOrder = true;
  let inversionTotal = 0;
  do {
    if (rank(lex) !== lexCount) inOrder = false;
    inversionTotal += inversions(lex);
    lexCount++;
  } while (nextPermutation(lex));
  checks.push(["lexicographic count = n!", lexCount === factorial(N)]);
  checks.push(["lexicographic ranks in order", inOrder]);
  // The average number of inversions is n(n-1)/4.
  checks.push(["inversion total", inversionTotal === (factorial(N) * N * (N - 1)) / 4]);

  // Unrank round trip on a sample of ranks.
  let roundTrip = true;
  for (let r = 0; r < factorial(N); r += 7) if (rank(unrank(N, r)) !== r) roundTrip = false;
  checks.push(["rank(unrank(r)) = r", roundTrip]);

  // Group properties on a sample of permutations.
  let groupOk = true;
  let derangements = 0;
  for (let r = 0; r < factorial(N); r += 11) {
    const p = new Permutation(unrank(N, r));
    if (!p.compose(p.inverse()).isIdentity()) groupOk = false;
    if (p.order() !== p.cycleLengths().reduce(lcm, 1)) groupOk = false;
    if (!p.compose(Permutation.identity(N)).equals(p)) groupOk = false;
    if (p.images.every((v, i) => v !== i)) derangements++;
  }
  checks.push(["inverse, identity and order", groupOk]);
  console.log("sampled derangements:", derangements);

  // Recursive string permutations of a small alphabet are sorted and unique.
  const letters = "abcdefgh".slice(0, Math.min(N, 6)).split("");
  const strs = recursivePermutations(letters);
  const sortedCopy = strs.slice().sort();
  let sortedSame = strs.length === sortedCopy.length;
  for (let i = 0; i < strs.length && sortedSame; i++) if (strs[i] !== sortedCopy[i]) sortedSame = false;
  checks.push(["recursive strings sorted", sortedSame]);
  console.log("first/last strings:", strs[0], strs[strs.length - 1], "count", strs.length);

  const [checksum, maxFlips] = fannkuch(N);
  const t1 = performance.now();
  console.log(checksum);
  console.log(`Pfannkuchen(${N}) = ${maxFlips}`);
  const known = FANNKUCH[N];
  if (known !== undefined) checks.push(["fannkuch matches published", known[0] === checksum && known[1] === maxFlips]);

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
