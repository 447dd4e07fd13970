// The order of async function steps, promise reactions, queueMicrotask and timers must be
// node's, line by line.
const log = (s) => console.log(s);
async function a1() {
  log('a1 start');
  await a2();
  log('a1 end');
}
async function a2() {
  log('a2');
}
setTimeout(() => log('timeout 0'), 0);
setTimeout(async () => {
  log('timeout async start');
  await null;
  log('timeout async after await');
}, 0);
queueMicrotask(() => log('microtask 1'));
a1();
new Promise((resolve) => {
  log('promise executor');
  resolve();
}).then(() => log('then a')).then(() => log('then b')).then(() => log('then c'));
(async () => {
  await Promise.resolve();
  log('awaited resolved promise');
  await new Promise((r) => setTimeout(r, 5));
  log('after 5ms timer');
  const results = await Promise.all([1, Promise.resolve(2), (async () => 3)()]);
  log('all ' + results.join(','));
  try {
    await Promise.any([Promise.reject(new Error('x'))]);
  } catch (e) {
    log(e.constructor.name);
  }
})();
async function returnsPromise() {
  return Promise.resolve('returned promise');
}
returnsPromise().then(log);
queueMicrotask(() => log('microtask 2'));
log('script end');
