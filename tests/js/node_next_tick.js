// process.nextTick runs from its own queue, ahead of promise jobs (node's order): ticks,
// then microtasks until none is left, then the ticks those queued.
Promise.resolve().then(() => console.log('promise 1'));
process.nextTick(() => console.log('tick 1'));
queueMicrotask(() => {
  console.log('microtask');
  process.nextTick(() => console.log('tick from microtask'));
  Promise.resolve().then(() => console.log('promise from microtask'));
});
process.nextTick((a, b) => {
  console.log('tick 2', a, b);
  process.nextTick(() => console.log('tick from tick'));
  Promise.resolve().then(() => console.log('promise from tick'));
}, 'x', 'y');
setTimeout(() => {
  console.log('timeout');
  Promise.resolve().then(() => console.log('promise in timeout'));
  process.nextTick(() => console.log('tick in timeout'));
}, 0);
(async () => { await null; console.log('after await'); process.nextTick(() => console.log('tick after await')); })();
console.log('sync');
