// Thenable adoption (NewPromiseResolveThenableJob) and its microtask ticks.
const log = (...a) => console.log(...a);

const thenable = {
  then(resolve, reject) {
    log('thenable.then called');
    resolve('from thenable');
  },
};
Promise.resolve(thenable).then((v) => log('adopted', v));

new Promise((r) => r({ then(res, rej) { rej(new Error('thenable rejects')); } }))
  .catch((e) => log('adopted rejection', e.message));

new Promise((r) => r({ then() { throw new Error('then threw'); } }))
  .catch((e) => log('then threw', e.message));

const getterThrows = {};
Object.defineProperty(getterThrows, 'then', { get() { throw new Error('getter threw'); } });
Promise.resolve(getterThrows).catch((e) => log('getter', e.message));

Promise.resolve({ then: 5, x: 1 }).then((v) => log('non-callable then', v));

// Resolving with a native promise takes two extra ticks.
const order = [];
const inner = Promise.resolve('inner');
new Promise((r) => r(inner)).then(() => order.push('resolved-with-promise'));
Promise.resolve().then(() => order.push('tick1')).then(() => order.push('tick2'))
  .then(() => order.push('tick3')).then(() => log('order', order));

// A promise resolved with itself rejects with a TypeError.
let self;
self = new Promise((r) => setTimeout(() => r(self), 0));
self.catch((e) => log('self', e instanceof TypeError, e.message));

// A then returning a thenable.
Promise.resolve(1)
  .then(() => ({ then(res) { res('thenable from handler'); } }))
  .then((v) => log(v));

// Resolve functions called twice / after reject.
let calls = 0;
Promise.resolve({
  then(res, rej) { calls++; res('once'); res('twice'); rej('no'); },
}).then((v) => log('multi', v, calls));
log('sync end');
