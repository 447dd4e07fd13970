// Generators: lazy pipelines (range → map → filter → take), recursive tree walks with
// yield*, permutations and combinations generated on demand, a coroutine-style scheduler
// driving generator "tasks" by next(value), and generator-based tokenizing. Results are
// cross-checked against eager computations.
//
// usage: node generators.js [SIZE] [--time]      (default SIZE = 2000)

const args = process.argv.slice(2);
const TIME = args.includes("--time");
const sizeArg = args.find((a) => a !== "--time");
const SIZE = sizeArg ? parseInt(sizeArg, 10) : 2000;

function* range(n) {
  for (let i = 0; i < n; i++) yield i;
}
function* map(it, f) {
  for (const x of it) yield f(x);
}
function* filter(it, p) {
  for (const x of it) if (p(x)) yield x;
}
function* take(it, n) {
  if (n <= 0) return;
  for (const x of it) {
    yield x;
    if (--n === 0) return;
  }
}
function sum(it) {
  let s = 0;
  for (const x of it) s += x;
  return s;
}

function pipeline(n) {
  const lazy = sum(take(filter(map(range(n * 10), (x) => x * 3), (x) => x % 2 === 0), n));
  let eager = 0;
  let count = 0;
  for (let x = 0; count < n; x++) {
    const y = x * 3;
    if (y % 2 === 0) {
      eager += y;
      count++;
    }
  }
  if (lazy !== eager) throw new Error(`pipeline ${lazy} != ${eager}`);
  return lazy;
}

class Tree {
  constructor(value, left = null, right = null) {
    this.value = value;
    this.left = left;
    this.right = right;
  }
  *[Symbol.iterator]() {
    if (this.left) yield* this.left;
    yield this.value;
    if (this.right) yield* this.right;
  }
}
function build(lo, hi) {
  if (lo > hi) return null;
  const mid = (lo + hi) >> 1;
  return new Tree(mid, build(lo, mid - 1), build(mid + 1, hi));
}
function treeWalk(n) {
  const t = build(0, n - 1);
  let expect = 0;
  let total = 0;
  for (const v of t) {
    if (v !== expect++) throw new Error("tree order");
    total += v;
  }
  return total;
}

function* permutations(items) {
  if (items.length <= 1) {
    yield items.slice();
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const rest = items.slice(0, i).concat(items.slice(i + 1));
    for (const p of permutations(rest)) {
      p.unshift(items[i]);
      yield p;
    }
  }
}
function* combinations(n, k, start = 0, acc = []) {
  if (acc.length === k) {
    yield acc.slice();
    return;
  }
  for (let i = start; i < n; i++) {
    acc.push(i);
    yield* combinations(n, k, i + 1, acc);
    acc.pop();
  }
}
function combinatorics(n) {
  let perms = 0;
  let checksum = 0;
  for (const p of permutations([1, 2, 3, 4, 5, 6])) {
    perms++;
    checksum = (checksum * 31 + p[0] * 7 + p[5]) % 1000003;
  }
  let combos = 0;
  for (const c of combinations(12 + (n % 3), 4)) combos += c[3] - c[0];
  return { perms, checksum, combos };
}

// Cooperative tasks: each yields a request, the scheduler answers it.
function* worker(id, steps) {
  let acc = id;
  for (let i = 0; i < steps; i++) {
    const reply = yield { id, ask: acc % 97 };
    acc = (acc + reply * (i + 1)) % 1000007;
  }
  return acc;
}
function schedule(tasks, steps) {
  const live = [];
  for (let i = 0; i < tasks; i++) live.push({ gen: worker(i, steps), pending: undefined });
  let results = 0;
  let rounds = 0;
  while (live.length > 0) {
    rounds++;
    for (let i = live.length - 1; i >= 0; i--) {
      const t = live[i];
      const r = t.gen.next(t.pending);
      if (r.done) {
        results = (results + r.value) % 1000007;
        live.splice(i, 1);
      } else {
        t.pending = r.value.ask * 2 + 1;
      }
    }
  }
  return { results, rounds };
}

function* tokens(text) {
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === " ") {
      i++;
    } else if (c >= "0" && c <= "9") {
      let j = i;
      while (j < text.length && text[j] >= "0" && text[j] <= "9") j++;
      yield { kind: "num", text: text.slice(i, j) };
      i = j;
    } else {
      yield { kind: "op", text: c };
      i++;
    }
  }
}
function evaluate(text) {
  const it = tokens(text);
  let total = 0;
  let sign = 1;
  for (const t of it) {
    if (t.kind === "num") total += sign * parseInt(t.text, 10);
    else sign = t.text === "-" ? -1 : 1;
  }
  return total;
}
function tokenizing(n) {
  const parts = [];
  let expect = 0;
  for (let i = 0; i < n; i++) {
    const v = (i * 37) % 1000;
    parts.push((i % 3 === 0 ? "- " : "+ ") + v);
    expect += i % 3 === 0 ? -v : v;
  }
  const got = evaluate(parts.join(" "));
  if (got !== expect) throw new Error(`tokens ${got} != ${expect}`);
  return got;
}

const t0 = Date.now();
console.log("pipeline", pipeline(SIZE));
console.log("tree", treeWalk(SIZE));
const c = combinatorics(SIZE);
console.log("permutations", c.perms, c.checksum, "combinations", c.combos);
const s = schedule(20, SIZE / 20);
console.log("scheduler", s.results, s.rounds);
console.log("tokens", tokenizing(SIZE));
if (TIME) console.log(`time: ${Date.now() - t0} ms`);
