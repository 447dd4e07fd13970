function makeCounter() {
  let count = 0;
  return { inc: () => ++count, dec: () => --count, get: () => count };
}
const c1 = makeCounter(), c2 = makeCounter();
c1.inc(); c1.inc(); c2.dec();
console.log(c1.get(), c2.get());
function adder(n) { return x => x + n; }
const add5 = adder(5), add10 = adder(10);
console.log(add5(1), add10(1), adder(-1)(1));
function compose(...fns) { return x => fns.slice().reverse().reduce((acc, f) => f(acc), x); }
console.log(compose(x => x * 2, x => x + 1, x => x * x)(3));
function once(f) { let done = false, result; return function (...args) { if (!done) { done = true; result = f.apply(this, args); } return result; }; }
let calls = 0;
const init = once(() => ++calls);
init(); init(); init();
console.log(calls, init());
function memo(f) { const cache = {}; return n => (n in cache ? cache[n] : (cache[n] = f(n))); }
let fibCalls = 0;
const fib = memo(n => { fibCalls++; return n < 2 ? n : fib(n - 1) + fib(n - 2); });
console.log(fib(80), fibCalls);
let shared = 0;
const incShared = () => shared++;
incShared(); incShared();
console.log(shared);
function outer() { let v = "first"; const get = () => v; v = "second"; return get; }
console.log(outer()());
function nest(a) { return b => c => d => a + b + c + d; }
console.log(nest(1)(2)(3)(4), nest("a")("b")("c")("d"));
