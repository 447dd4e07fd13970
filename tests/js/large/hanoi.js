// Towers of Hanoi: recursive, iterative and Gray-code solutions on
// class-based pegs that enforce the rules, plus the four-peg
// Frame-Stewart variant. Every move sequence is replayed and verified.
//
// usage: node hanoi.js [DISKS] [--time]      (default DISKS = 14)

const args = process.argv.slice(2);
const TIME = args.includes("--time");
const sizeArg = args.find(a => a !== "--time");
const DISKS = sizeArg ? parseInt(sizeArg, 10) : 14;

// Minimum moves for four pegs (OEIS A007664), n = 0..20.
const FOUR_PEG = [0, 1, 3, 5, 9, 13, 17, 25, 33, 41, 49, 65, 81, 97, 113, 129, 161, 193, 225, 257, 289];

class IllegalMove extends Error {
  constructor(message) {
    super(message);
    this.name = "IllegalMove";
  }
}

function rstrip(s) {
  let end = s.length;
  while (end > 0 && s.charAt(end - 1) === " ") end--;
  return s.slice(0, end);
}

class Disk {
  constructor(size) {
    this.size = size;
    this.moves = 0;
  }
}

class Peg {
  constructor(name) {
    this.name = name;
    this.disks = [];
  }
  top() {
    return this.disks.length === 0 ? null : this.disks[this.disks.length - 1];
  }
  push(disk) {
    const top = this.top();
    if (top !== null && top.size < disk.size) {
      throw new IllegalMove(`cannot put disk ${disk.size} on disk ${top.size} (peg ${this.name})`);
    }
    this.disks.push(disk);
  }
  pop() {
    if (this.disks.length === 0) throw new IllegalMove(`peg ${this.name} is empty`);
    return this.disks.pop();
  }
}

class Tower {
  constructor(diskCount, pegCount) {
    this.pegs = [];
    for (let i = 0; i < pegCount; i++) this.pegs.push(new Peg(String.fromCharCode(65 + i)));
    for (let s = diskCount; s >= 1; s--) this.pegs[0].push(new Disk(s));
    this.diskCount = diskCount;
    this.moveCount = 0;
    this.trace = [];
  }
  move(from, to) {
    const disk = this.pegs[from].pop();
    this.pegs[to].push(disk);
    disk.moves++;
    this.moveCount++;
    if (this.trace.length < 8) this.trace.push(`${disk.size}:${this.pegs[from].name}${this.pegs[to].name}`);
  }
  solvedOn(peg) {
    const disks = this.pegs[peg].disks;
    if (disks.length !== this.diskCount) return false;
    for (let i = 0; i < disks.length; i++) if (disks[i].size !== this.diskCount - i) return false;
    return true;
  }
  render() {
    const height = this.diskCount;
    const width = 2 * this.diskCount + 1;
    const lines = [];
    for (let level = height - 1; level >= 0; level--) {
      let line = "";
      for (const peg of this.pegs) {
        const disk = peg.disks[level];
        const half = disk ? disk.size : 0;
        const pad = " ".repeat(this.diskCount - half);
        line += pad + (half ? "=".repeat(half) + "|" + "=".repeat(half) : "|") + pad + " ";
      }
      lines.push(rstrip(line));
    }
    lines.push("-".repeat((width + 1) * this.pegs.length - 1));
    return lines;
  }
  diskMoveCounts() {
    const all = [];
    for (const p of this.pegs) for (const d of p.disks) all.push(d);
    all.sort((a, b) => a.size - b.size);
    return all.map(d => d.moves);
  }
}

// 1. The classic recursion.
function solveRecursive(tower, n, from, to, via) {
  if (n === 0) return;
  solveRecursive(tower, n - 1, from, via, to);
  tower.move(from, to);
  solveRecursive(tower, n - 1, via, to, from);
}

// 2. Iterative: alternate moving the smallest disk cyclically and making the
// only other legal move.
function solveIterative(tower) {
  const n = tower.diskCount;
  const order = n % 2 === 0 ? [0, 1, 2] : [0, 2, 1];
  let smallAt = 0;
  const total = 2 ** n - 1;
  for (let m = 1; m <= total; m++) {
    if (m % 2 === 1) {
      const idx = order.indexOf(smallAt);
      const next = order[(idx + 1) % 3];
      tower.move(smallAt, next);
      smallAt = next;
    } else {
      const others = [0, 1, 2].filter(p => p !== smallAt);
      const a = tower.pegs[others[0]].top();
      const b = tower.pegs[others[1]].top();
      if (a === null || (b !== null && b.size < a.size)) tower.move(others[1], others[0]);
      else tower.move(others[0], others[1]);
    }
  }
}

// 3. Binary (Gray code) solution: move m moves disk = trailing zeros of m + 1;
// its source and target follow from m directly.
function solveBinary(tower) {
  const n = tower.diskCount;
  const total = 2 ** n - 1;
  for (let m = 1; m <= total; m++) {
    let from = (m & (m - 1)) % 3;
    let to = ((m | (m - 1)) + 1) % 3;
    if (n % 2 === 0) {
      // for an even number of disks the roles of pegs 1 and 2 swap
      from = from === 0 ? 0 : 3 - from;
      to = to === 0 ? 0 : 3 - to;
    }
    tower.move(from, to);
  }
}

// 4. Frame-Stewart for four pegs: move k disks aside using four pegs, the
// rest with three, then the k disks on top.
const fsMemo = {};
function frameStewartCount(n) {
  if (n <= 1) return n;
  if (fsMemo[n] !== undefined) return fsMemo[n];
  let best = Infinity;
  for (let k = 1; k < n; k++) {
    const c = 2 * frameStewartCount(k) + 2 ** (n - k) - 1;
    if (c < best) best = c;
  }
  fsMemo[n] = best;
  return best;
}

function bestSplit(n) {
  let best = Infinity;
  let bestK = 1;
  for (let k = 1; k < n; k++) {
    const c = 2 * frameStewartCount(k) + 2 ** (n - k) - 1;
    if (c < best) {
      best = c;
      bestK = k;
    }
  }
  return bestK;
}

function solveFourPegs(tower, n, from, to, via1, via2) {
  if (n === 0) return;
  if (n === 1) {
    tower.move(from, to);
    return;
  }
  const k = bestSplit(n);
  solveFourPegs(tower, k, from, via1, via2, to);
  solveRecursive(tower, n - k, from, to, via2);
  solveFourPegs(tower, k, via1, to, from, via2);
}

// 5. The state graph: a position assigns each disk a peg, encoded as a
// base-3 number (digit i = peg of disk i + 1). Breadth-first search finds
// shortest distances; the graph of n disks has 3^n states.
function encode(pegOf) {
  let code = 0;
  for (let i = pegOf.length - 1; i >= 0; i--) code = code * 3 + pegOf[i];
  return code;
}

function decode(code, n) {
  const pegOf = [];
  for (let i = 0; i < n; i++) {
    pegOf.push(code % 3);
    code = Math.floor(code / 3);
  }
  return pegOf;
}

function neighbours(code, n) {
  const pegOf = decode(code, n);
  const topOf = [-1, -1, -1];
  for (let d = n - 1; d >= 0; d--) topOf[pegOf[d]] = d;
  const out = [];
  for (let from = 0; from < 3; from++) {
    const d = topOf[from];
    if (d < 0) continue;
    for (let to = 0; to < 3; to++) {
      if (to === from) continue;
      if (topOf[to] >= 0 && topOf[to] < d) continue;
      const next = pegOf.slice();
      next[d] = to;
      out.push(encode(next));
    }
  }
  return out;
}

function bfs(n, start) {
  const total = 3 ** n;
  const dist = new Array(total).fill(-1);
  const queue = [start];
  dist[start] = 0;
  let head = 0;
  while (head < queue.length) {
    const cur = queue[head++];
    for (const nb of neighbours(cur, n)) {
      if (dist[nb] < 0) {
        dist[nb] = dist[cur] + 1;
        queue.push(nb);
      }
    }
  }
  return dist;
}

function stateGraphReport(n) {
  const start = encode(new Array(n).fill(0));
  const goal = encode(new Array(n).fill(2));
  const dist = bfs(n, start);
  let edges = 0;
  for (let c = 0; c < dist.length; c++) edges += neighbours(c, n).length;
  const ecc = dist.reduce((m, d) => Math.max(m, d), 0);
  return { states: dist.length, edges: edges / 2, toGoal: dist[goal], eccentricity: ecc, reachable: dist.every(d => d >= 0) };
}

function main() {
  const checks = [];
  const t0 = performance.now();

  const rec = new Tower(DISKS, 3);
  solveRecursive(rec, DISKS, 0, 2, 1);
  const it = new Tower(DISKS, 3);
  solveIterative(it);
  const bin = new Tower(DISKS, 3);
  solveBinary(bin);
  const fourN = Math.min(DISKS, 20);
  const four = new Tower(fourN, 4);
  solveFourPegs(four, fourN, 0, 3, 1, 2);

  const t1 = performance.now();

  console.log(`${DISKS} disks: ${rec.moveCount} moves`);
  console.log("first moves:", rec.trace.join(" "));
  checks.push(["recursive solved", rec.solvedOn(2)]);
  checks.push(["recursive moves = 2^n - 1", rec.moveCount === 2 ** DISKS - 1]);
  checks.push(["iterative solved", it.solvedOn(2) || it.solvedOn(1)]);
  checks.push(["iterative moves = 2^n - 1", it.moveCount === 2 ** DISKS - 1]);
  checks.push(["binary solved", bin.solvedOn(2) || bin.solvedOn(1)]);
  checks.push(["iterative trace = binary trace", it.trace.join() === bin.trace.join()]);

  // Disk k (1 = smallest) moves 2^(n-k) times.
  const counts = rec.diskMoveCounts();
  checks.push(["disk k moves 2^(n-k) times", counts.every((c, i) => c === 2 ** (DISKS - 1 - i))]);
  console.log("moves per disk:", counts.slice(0, 6).join(" "), "...");

  console.log(`four pegs, ${fourN} disks: ${four.moveCount} moves`);
  checks.push(["four pegs solved", four.solvedOn(3)]);
  checks.push(["four pegs optimal (A007664)", four.moveCount === FOUR_PEG[fourN]]);

  const gn = Math.min(DISKS, 7);
  const graph = stateGraphReport(gn);
  console.log(`state graph of ${gn} disks:`, graph);
  checks.push(["BFS distance = 2^n - 1", graph.toGoal === 2 ** gn - 1]);
  checks.push(["3^n states, all reachable", graph.states === 3 ** gn && graph.reachable]);
  checks.push(["edges = 3(3^n - 1)/2", graph.edges === (3 * (3 ** gn - 1)) / 2]);

  const small = new Tower(3, 3);
  for (const line of small.render()) console.log(line);
  solveRecursive(small, 3, 0, 2, 1);
  for (const line of small.render()) console.log(line);

  // Illegal moves are rejected with a custom error.
  const bad = new Tower(3, 3);
  let caught = null;
  try {
    bad.move(0, 1);
    bad.move(0, 1);
  } catch (e) {
    caught = e;
  }
  console.log(caught instanceof IllegalMove, caught instanceof Error, caught && caught.name, caught && caught.message);
  checks.push(["illegal move rejected", caught instanceof IllegalMove]);

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
