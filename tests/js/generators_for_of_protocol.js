// for-of over generators reads `next` from the generator each step and, when it is the
// built-in %GeneratorPrototype%.next, may resume the generator without an iterator result
// object: everything observable must stay as the protocol says.
function* count(n) {
  for (let i = 0; i < n; i++) yield i;
  return "done-value";
}
function* inner() {
  const got = yield "a";
  yield "inner got " + got;
  return "inner-ret";
}
function* outer() {
  const r = yield* inner();
  yield "outer saw " + r;
}

const out = [];
// Plain loop, completion value never seen by for-of.
for (const x of count(3)) out.push(x);
// yield* passes the inner results through as they are.
for (const x of outer()) out.push(x);
// A `next` on the generator object itself wins.
const g = count(5);
let calls = 0;
g.next = function () {
  calls++;
  return calls < 3 ? { value: "own" + calls, done: false } : { value: 0, done: true };
};
for (const x of g) out.push(x);
// A `next` on the generator function's prototype wins too.
function* viaProto() { yield 1; yield 2; }
viaProto.prototype.next = function () {
  return this.n === undefined ? ((this.n = 1), { value: "proto", done: false }) : { done: true };
};
for (const x of viaProto()) out.push(x);
// `next` replaced half way through the loop.
const h = count(10);
for (const x of h) {
  out.push("h" + x);
  if (x === 1) h.next = () => ({ value: "swapped", get done() { out.push("done read"); return this.value !== "swapped" || h.swapped++ > 0; } });
  if (x === "swapped") break;
}
h.swapped = 0;
// Results with getters are read once each, in order done then value.
const log = [];
const custom = {
  [Symbol.iterator]() { return this; },
  i: 0,
  next() {
    const i = this.i++;
    return { get done() { log.push("done" + i); return i >= 2; }, get value() { log.push("value" + i); return i; } };
  },
};
for (const x of custom) out.push("c" + x);
out.push(log.join(","));
// break closes the generator (its finally runs), a throw in the body propagates out.
function* guarded() {
  try { yield 1; yield 2; } finally { out.push("finally ran"); }
}
for (const x of guarded()) { out.push("g" + x); break; }
function* thrower() { yield 1; throw new Error("from generator"); }
try { for (const x of thrower()) out.push("t" + x); } catch (e) { out.push(e.message); }
// A generator already running cannot be resumed by its own loop.
function* selfish() { for (const x of me) yield x; }
const me = selfish();
try { for (const x of me) out.push(x); } catch (e) { out.push(e.constructor.name + ": " + e.message); }
// Spread, destructuring and Array.from take the same path.
out.push([...count(4)].join("|"), Array.from(count(3)).join("|"));
const [p, q, ...rest] = count(6);
out.push(p, q, rest.join("|"));
// Hot loop: many generators, many steps.
let sum = 0;
for (let k = 0; k < 300; k++) for (const x of count(20)) sum += x;
out.push(sum);
console.log(out.join("\n"));
