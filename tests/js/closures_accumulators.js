function makeAccumulator(start) {
  let sum = start;
  const history = [];
  function add(n) { sum += n; history.push(n); return add; }
  add.value = () => sum;
  add.history = () => history.slice();
  add.reset = () => { sum = start; history.length = 0; };
  return add;
}
const acc = makeAccumulator(10);
acc(1)(2)(3);
console.log(acc.value(), acc.history());
acc.reset();
acc(100);
console.log(acc.value(), acc.history());
function curry(fn) { return function curried(...args) { return args.length >= fn.length ? fn(...args) : (...more) => curried(...args, ...more); }; }
const add3 = curry((a, b, c) => a + b + c);
console.log(add3(1)(2)(3), add3(1, 2)(3), add3(1)(2, 3), add3(1, 2, 3));
function debounceSim() { let pending = null, fired = []; return { call(v) { pending = v; }, tick() { if (pending !== null) { fired.push(pending); pending = null; } }, fired: () => fired }; }
const d = debounceSim(); d.call(1); d.call(2); d.tick(); d.tick(); d.call(3); d.tick();
console.log(d.fired());
const counters = {};
function counterFor(key) { return counters[key] || (counters[key] = (() => { let n = 0; return () => ++n; })()); }
counterFor("a")(); counterFor("a")(); counterFor("b")();
console.log(counterFor("a")(), counterFor("b")(), Object.keys(counters));
