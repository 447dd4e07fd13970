const Stack = (function () {
  let instances = 0;
  function Stack() { instances++; const items = []; return { push: x => (items.push(x), items.length), pop: () => items.pop(), peek: () => items[items.length - 1], size: () => items.length }; }
  Stack.count = () => instances;
  return Stack;
})();
const s1 = Stack(), s2 = Stack();
s1.push(1); s1.push(2); s2.push("a");
console.log(s1.pop(), s1.size(), s2.peek(), Stack.count(), typeof instances);
const result = (() => { const a = 1; const b = 2; return a + b; })();
console.log(result, (function (n) { return n * 2; })(21), ((x) => (y) => x * y)(6)(7));
const memoFib = (() => { const cache = [0, 1]; return function fib(n) { if (cache[n] === undefined) cache[n] = fib(n - 1) + fib(n - 2); return cache[n]; }; })();
console.log(memoFib(50), memoFib(90));
const emitter = (() => {
  const handlers = {};
  return {
    on(evt, fn) { (handlers[evt] = handlers[evt] || []).push(fn); return () => { handlers[evt] = handlers[evt].filter(h => h !== fn); }; },
    emit(evt, ...args) { return (handlers[evt] || []).map(h => h(...args)); },
  };
})();
const off = emitter.on("add", (a, b) => a + b);
emitter.on("add", (a, b) => `${a}+${b}`);
console.log(emitter.emit("add", 2, 3));
off();
console.log(emitter.emit("add", 4, 5), emitter.emit("none"));
