// Promise.all / allSettled / any / race / resolve / reject.
const log = (...a) => console.log(...a);

Promise.all([1, Promise.resolve(2), new Promise((r) => setTimeout(() => r(3), 2))])
  .then((v) => log('all', v));
Promise.all([]).then((v) => log('all empty', v));
Promise.all([Promise.resolve(1), Promise.reject(new Error('x')), 3])
  .catch((e) => log('all rejects', e.message));
Promise.all(new Set(['a', 'b'])).then((v) => log('all set', v));
Promise.all('hi').then((v) => log('all string', v));
Promise.all(5).catch((e) => log('all non-iterable', e instanceof TypeError));

Promise.allSettled([1, Promise.reject(2), Promise.resolve(3)])
  .then((v) => log('allSettled', v));
Promise.allSettled([]).then((v) => log('allSettled empty', v));

Promise.any([Promise.reject(1), Promise.resolve(2), Promise.resolve(3)])
  .then((v) => log('any', v));
Promise.any([Promise.reject(new Error('e1')), Promise.reject(new Error('e2'))])
  .catch((e) => {
    log('any rejects', e instanceof AggregateError, e.name, e.message);
    log('errors', e.errors.map((x) => x.message));
  });
Promise.any([]).catch((e) => log('any empty', e.constructor.name, e.errors));

Promise.race([new Promise((r) => setTimeout(() => r('slow'), 5)), Promise.resolve('fast')])
  .then((v) => log('race', v));
Promise.race([Promise.reject(new Error('first')), Promise.resolve('second')])
  .catch((e) => log('race rejects', e.message));
const forever = Promise.race([]);
setTimeout(() => log('race empty still pending', forever), 10);

const r = Promise.resolve(7);
log('resolve same', Promise.resolve(r) === r);
Promise.reject(9).catch((v) => log('reject', v));

const ag = new AggregateError([1, 2], 'msg');
log('AggregateError', ag.name, ag.message, ag.errors, ag instanceof Error);
log(Object.prototype.toString.call(r), typeof Promise, Promise.length, Promise.name);
log('sync end');
