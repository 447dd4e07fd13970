// N-queens: count all placements of N non-attacking queens on an NxN board
// with three different solvers (array backtracking, bitmasks, and a
// class-based board with explicit attack sets), and check them against the
// known sequence (OEIS A000170) and against each other.
//
// usage: node queens.js [N] [--time]      (default N = 8)

const args = process.argv.slice(2);
const TIME = args.includes("--time");
const sizeArg = args.find(a => a !== "--time");
const N = sizeArg ? parseInt(sizeArg, 10) : 8;

// OEIS A000170: number of solutions, and A002562: distinct up to symmetry.
const SOLUTIONS = [1, 1, 0, 0, 2, 10, 4, 40, 92, 352, 724, 2680, 14200, 73712, 365596];
const UNIQUE = [1, 1, 0, 0, 1, 2, 1, 6, 12, 46, 92, 341, 1787, 9233, 45752];

// Solver 1: classic backtracking with a column-per-row array.
function solveArray(n) {
  const cols = new Array(n).fill(-1);
  const solutions = [];
  function safe(row, col) {
    for (let r = 0; r < row; r++) {
      const c = cols[r];
      if (c === col) return false;
      if (Math.abs(c - col) === row - r) return false;
    }
    return true;
  }
  function place(row) {
    if (row === n) {
      solutions.push(cols.slice());
      return;
    }
    for (let col = 0; col < n; col++) {
      if (safe(row, col)) {
        cols[row] = col;
        place(row + 1);
        cols[row] = -1;
      }
    }
  }
  place(0);
  return solutions;
}

// Solver 2: bitmasks for columns and both diagonals (counts only).
function solveBits(n) {
  const all = (1 << n) - 1;
  let count = 0;
  function go(colMask, diag1, diag2) {
    if (colMask === all) {
      count++;
      return;
    }
    let free = all & ~(colMask | diag1 | diag2);
    while (free !== 0) {
      const bit = free & -free;
      free ^= bit;
      go(colMask | bit, ((diag1 | bit) << 1) & all, (diag2 | bit) >>> 1);
    }
  }
  go(0, 0, 0);
  return count;
}

// Solver 3: an object-oriented board that tracks attacked squares.
class Square {
  constructor(row, col) {
    this.row = row;
    this.col = col;
    this.attackedBy = 0;
  }
}

class Board {
  constructor(n) {
    this.n = n;
    this.squares = [];
    for (let r = 0; r < n; r++) {
      const row = [];
      for (let c = 0; c < n; c++) row.push(new Square(r, c));
      this.squares.push(row);
    }
    this.queens = [];
  }

  forEachAttacked(row, col, fn) {
    const n = this.n;
    for (let r = row + 1; r < n; r++) {
      fn(this.squares[r][col]);
      const d = r - row;
      if (col - d >= 0) fn(this.squares[r][col - d]);
      if (col + d < n) fn(this.squares[r][col + d]);
    }
  }

  canPlace(row, col) {
    return this.squares[row][col].attackedBy === 0;
  }

  place(row, col) {
    this.queens.push(col);
    this.forEachAttacked(row, col, sq => { sq.attackedBy++; });
  }

  remove(row, col) {
    this.queens.pop();
    this.forEachAttacked(row, col, sq => { sq.attackedBy--; });
  }

  countSolutions() {
    let count = 0;
    const n = this.n;
    const solve = row => {
      if (row === n) {
        count++;
        return;
      }
      for (let col = 0; col < n; col++) {
        if (this.canPlace(row, col)) {
          this.place(row, col);
          solve(row + 1);
          this.remove(row, col);
        }
      }
    };
    solve(0);
    return count;
  }

  render(cols) {
    const lines = [];
    for (let r = 0; r < this.n; r++) {
      let line = "";
      for (let c = 0; c < this.n; c++) line += cols[r] === c ? "Q " : ". ";
      lines.push(line.slice(0, -1));
    }
    return lines;
  }
}

// Symmetries of the square act on solutions: rotate and reflect.
function rotate(sol) {
  const n = sol.length;
  const out = new Array(n);
  for (let r = 0; r < n; r++) out[sol[r]] = n - 1 - r;
  return out;
}

function reflect(sol) {
  const n = sol.length;
  return sol.map(c => n - 1 - c);
}

function key(sol) {
  return sol.join(",");
}

function canonical(sol) {
  let best = null;
  let s = sol;
  for (let i = 0; i < 4; i++) {
    for (const cand of [s, reflect(s)]) {
      const k = key(cand);
      if (best === null || k < best) best = k;
    }
    s = rotate(s);
  }
  return best;
}

function verifySolution(sol) {
  const n = sol.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (sol[i] === sol[j]) return false;
      if (Math.abs(sol[i] - sol[j]) === j - i) return false;
    }
  }
  return true;
}

// A deterministic pseudo-random generator (LCG), so runs are reproducible.
class Random {
  constructor(seed) { this.state = seed >>> 0; }
  next() {
    this.state = (this.state * 1664525 + 1013904223) >>> 0;
    return this.state;
  }
  below(n) { return Math.floor((this.next() / 4294967296) * n); }
}

// Solver 4: min-conflicts local search for one large board.
function minConflicts(n, seed, maxSteps) {
  const rng = new Random(seed);
  const cols = [];
  const colCount = new Array(n).fill(0);
  const diag1 = new Array(2 * n).fill(0);
  const diag2 = new Array(2 * n).fill(0);
  const conflicts = (r, c) => colCount[c] + diag1[r + c] + diag2[r - c + n];
  const add = (r, c, d) => {
    colCount[c] += d;
    diag1[r + c] += d;
    diag2[r - c + n] += d;
  };
  for (let r = 0; r < n; r++) {
    let best = 0;
    let bestScore = Infinity;
    for (let c = 0; c < n; c++) {
      const score = conflicts(r, c) * n + rng.below(n);
      if (score < bestScore) {
        bestScore = score;
        best = c;
      }
    }
    cols.push(best);
    add(r, best, 1);
  }
  for (let step = 0; step < maxSteps; step++) {
    const bad = [];
    for (let r = 0; r < n; r++) if (conflicts(r, cols[r]) > 3) bad.push(r);
    if (bad.length === 0) return { cols, steps: step };
    const r = bad[rng.below(bad.length)];
    add(r, cols[r], -1);
    let bestScore = Infinity;
    let choices = [];
    for (let c = 0; c < n; c++) {
      const score = conflicts(r, c);
      if (score < bestScore) {
        bestScore = score;
        choices = [c];
      } else if (score === bestScore) {
        choices.push(c);
      }
    }
    cols[r] = choices[rng.below(choices.length)];
    add(r, cols[r], 1);
  }
  return { cols, steps: -1 };
}

function main() {
  const checks = [];
  const t0 = performance.now();
  const sols = solveArray(N);
  const bits = solveBits(N);
  const board = new Board(N);
  const oo = board.countSolutions();
  const t1 = performance.now();

  console.log(`${N}-queens: ${sols.length} solutions`);
  checks.push(["bitmask solver agrees", bits === sols.length]);
  checks.push(["board solver agrees", oo === sols.length]);
  checks.push(["every solution valid", sols.every(verifySolution)]);
  if (N < SOLUTIONS.length) checks.push(["matches OEIS A000170", sols.length === SOLUTIONS[N]]);

  const classes = {};
  let distinct = 0;
  for (const s of sols) {
    const c = canonical(s);
    if (!(c in classes)) {
      classes[c] = 0;
      distinct++;
    }
    classes[c]++;
  }
  console.log("distinct up to symmetry:", distinct);
  if (N < UNIQUE.length) checks.push(["matches OEIS A002562", distinct === UNIQUE[N]]);

  // Orbit sizes divide 8 and add up to the total.
  let orbitTotal = 0;
  let orbitsOk = true;
  for (const c in classes) {
    orbitTotal += classes[c];
    if (8 % classes[c] !== 0) orbitsOk = false;
  }
  checks.push(["orbit sizes divide 8 and sum up", orbitsOk && orbitTotal === sols.length]);

  // Checksum over all solutions (order of the array solver is lexicographic).
  let checksum = 0;
  for (const s of sols) for (let i = 0; i < s.length; i++) checksum = (checksum * 31 + s[i] + 1) % 1000000007;
  console.log("checksum:", checksum);

  // Solutions by first-row column are mirror-symmetric.
  const byFirst = new Array(N).fill(0);
  for (const s of sols) byFirst[s[0]]++;
  checks.push(["first-row distribution symmetric", byFirst.every((v, i) => v === byFirst[N - 1 - i])]);

  const big = minConflicts(50, 12345, 20000);
  checks.push(["min-conflicts solved 50 queens", big.steps >= 0 && verifySolution(big.cols)]);

  if (sols.length > 0) {
    console.log("first solution:", sols[0]);
    for (const line of board.render(sols[0])) console.log(line);
  }

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
