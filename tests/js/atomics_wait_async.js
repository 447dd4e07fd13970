// Atomics.waitAsync (ES2024/2025 §25.4.14): settled results, waiters woken by notify in
// order, timeouts (which, as in node, do not keep the process alive by themselves).
const ta = new Int32Array(new SharedArrayBuffer(16));
console.log(Atomics.waitAsync.length, Atomics.waitAsync.name);
console.log(Atomics.waitAsync(ta, 0, 1));
console.log(Atomics.waitAsync(ta, 0, 0, 0));
const r = Atomics.waitAsync(ta, 0, 0, 50);
console.log(r.async, r.value instanceof Promise);
r.value.then((v) => console.log('timeout waiter:', v));
const r2 = Atomics.waitAsync(ta, 1, 0);
const r3 = Atomics.waitAsync(ta, 1, 0, 1000);
r2.value.then((v) => console.log('waiter 2:', v));
r3.value.then((v) => console.log('waiter 3:', v));
console.log('notified', Atomics.notify(ta, 1, 1));
console.log('notified', Atomics.notify(ta, 1));
console.log('notified', Atomics.notify(ta, 2));
try { Atomics.waitAsync(new Int32Array(4), 0, 0) } catch (e) { console.log(e.constructor.name) }
try { Atomics.waitAsync(new Int16Array(new SharedArrayBuffer(8)), 0, 0) } catch (e) { console.log(e.constructor.name) }
try { Atomics.waitAsync(ta, 9, 0) } catch (e) { console.log(e.constructor.name) }
console.log(Atomics.notify(new Int32Array(4), 0));
const big = new BigInt64Array(new SharedArrayBuffer(16));
const rb = Atomics.waitAsync(big, 0, 0n, 10);
rb.value.then((v) => console.log('bigint waiter:', v));
console.log('sync end');
