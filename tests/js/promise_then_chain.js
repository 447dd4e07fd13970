// Promise constructor, then/catch/finally chains: values, throws, pass-through.
const log = (...a) => console.log(...a);

new Promise((resolve) => resolve(1))
  .then((v) => { log('a1', v); return v * 2; })
  .then((v) => { log('a2', v); throw new Error('a-fail'); })
  .then(() => log('never'))
  .catch((e) => { log('a3 caught', e.message); return 'recovered'; })
  .then((v) => log('a4', v));

Promise.resolve('pass')
  .then(null)
  .then(undefined, (e) => log('no', e))
  .then(42)
  .then((v) => log('b pass-through', v));

Promise.reject(new TypeError('t'))
  .then((v) => log('no', v))
  .then(null, (e) => { log('c', e instanceof TypeError, e.message); });

Promise.resolve(5)
  .finally(() => { log('d finally'); return 'ignored'; })
  .then((v) => log('d value kept', v));

Promise.reject(new Error('e'))
  .finally(() => log('e finally'))
  .catch((e) => log('e reason kept', e.message));

Promise.resolve(1)
  .finally(() => { throw new Error('f-override'); })
  .catch((e) => log('f', e.message));

Promise.resolve(1)
  .finally(() => Promise.reject(new Error('g-override')))
  .catch((e) => log('g', e.message));

const p = new Promise((resolve, reject) => {
  resolve('first');
  resolve('second');
  reject(new Error('ignored'));
});
p.then((v) => log('h only first', v));

new Promise(() => { throw new RangeError('executor threw'); })
  .catch((e) => log('i', e.name, e.message));

new Promise((resolve) => { resolve('resolved before throw'); throw new Error('ignored'); })
  .then((v) => log('j', v));

// Several reactions on one promise run in registration order.
const shared = Promise.resolve('s');
shared.then(() => log('k1'));
shared.then(() => log('k2'));
shared.then(() => log('k3'));

// then returns a new promise each time.
const q = Promise.resolve();
log('distinct', q.then() !== q, q.then() instanceof Promise);
log('sync end');
