// IteratorClose: leaving a for-of early (break, return, throw, labelled continue of an
// outer loop) and destructuring fewer elements than an iterator has call its `return`;
// exhausting it or `continue` do not.
function iter(name, n) {
  let i = 0;
  return {
    [Symbol.iterator]() { return this; },
    next() { return { value: i, done: i++ >= n }; },
    return() { console.log(name, 'closed at', i); return {}; },
  };
}
for (const x of iter('break', 5)) if (x === 2) break;
for (const x of iter('exhaust', 2)) {}
for (const x of iter('continue', 3)) { if (x === 1) continue; }
(function () { for (const x of iter('return', 5)) if (x === 1) return x; })();
try {
  for (const x of iter('throw', 5)) if (x === 3) throw new Error('out');
} catch (e) {
  console.log('caught', e.message);
}
outer: for (const a of [1, 2]) {
  for (const x of iter('labelled-' + a, 5)) continue outer;
}
const [first, second] = iter('destructure', 5);
console.log(first, second);
const [...all] = iter('rest', 3);
console.log(all);
let u, w;
[u, w] = iter('assign', 9);
console.log(u, w);

// Generators: break runs their finally blocks.
function* gen() {
  try {
    yield 1;
    yield 2;
  } finally {
    console.log('generator finally');
  }
}
for (const v of gen()) { console.log(v); break; }
const [one] = gen();
console.log(one);

// A return() that throws replaces a break, but not an exception.
const bad = {
  [Symbol.iterator]() { return this; },
  next() { return { value: 1, done: false }; },
  return() { throw new Error('from return'); },
};
try {
  for (const x of bad) break;
} catch (e) {
  console.log(e.message);
}
try {
  for (const x of bad) throw new Error('from body');
} catch (e) {
  console.log(e.message);
}
// Map iterators have no return(): a broken-off loop leaves them where they were.
const m = new Map([[1, 'a'], [2, 'b'], [3, 'c']]);
const es = m.entries();
for (const e of es) break;
console.log([...es]);
