// Ordering of promise reactions, queueMicrotask, setTimeout and setInterval (as node).
// Timers that could race are created far apart so the order does not depend on speed.
const log = (...a) => console.log(...a);

log('script start');
setTimeout(() => log('timeout 12'), 12);
setTimeout(() => log('timeout 0'), 0);
setTimeout(() => log('timeout 1 (same as 0)'), 1);
setTimeout((a, b) => log('timeout args', a, b), 2, 'x', 'y');
const cancelled = setTimeout(() => log('never'), 1);
clearTimeout(cancelled);
clearTimeout(undefined);
clearTimeout(12345);

Promise.resolve().then(() => log('micro 1'));
queueMicrotask(() => log('queueMicrotask'));
Promise.resolve().then(() => log('micro 2')).then(() => log('micro 3'));

setTimeout(() => {
  log('timer A');
  Promise.resolve().then(() => log('micro inside A'));
  queueMicrotask(() => log('queueMicrotask inside A'));
  setTimeout(() => {
    log('timer from A');
    const again = setTimeout(() => log('never either'), 0);
    clearTimeout(again);
  }, 0);
}, 5);
setTimeout(() => log('timer B, same deadline as A'), 5);

setTimeout(() => {
  let n = 0;
  const iv = setInterval(() => {
    n++;
    log('interval', n);
    Promise.resolve().then(() => log('micro after interval', n));
    if (n === 3) clearInterval(iv);
  }, 2);
}, 20);
setTimeout(() => log('timeout 45, after the interval'), 45);
log('script end');
