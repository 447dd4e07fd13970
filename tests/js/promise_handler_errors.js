// Errors thrown in handlers and executors become rejections of the derived promise.
const log = (...a) => console.log(...a);

Promise.resolve()
  .then(() => { null.x; })
  .catch((e) => log('1', e instanceof TypeError));

Promise.reject(new Error('r'))
  .catch((e) => { throw new Error('rethrown ' + e.message); })
  .catch((e) => log('2', e.message));

Promise.resolve()
  .then(() => { throw 'a string'; })
  .then(null, (v) => log('3', typeof v, v));

const p = Promise.reject(new Error('late'));
p.then(null, (e) => log('4 handled in same tick', e.message));

new Promise((_, reject) => reject(undefined)).catch((v) => log('5', v));

try {
  new Promise(5);
} catch (e) {
  log('6', e instanceof TypeError);
}
try {
  Promise();
} catch (e) {
  log('7', e instanceof TypeError);
}
try {
  Promise.prototype.then.call({}, () => {});
} catch (e) {
  log('8', e instanceof TypeError);
}
Promise.resolve().then(() => {
  try {
    queueMicrotask(5);
  } catch (e) {
    log('9', e instanceof TypeError, e.code === undefined ? 'no code' : 'code');
  }
});
log('sync end');
