// Microtask ticks of chains, returned promises and thenables, combinators and finally (as node).
const log = (s) => console.log(s);
Promise.resolve().then(() => log('a1')).then(() => log('a2')).then(() => log('a3')).then(() => log('a4')).then(() => log('a5'));
Promise.resolve().then(() => { log('b1'); return Promise.resolve('b'); }).then((v) => log('b2 ' + v));
new Promise((r) => r(Promise.resolve())).then(() => log('c'));
Promise.resolve().then(() => ({ then(r) { log('d-then'); r(); } })).then(() => log('d2'));
queueMicrotask(() => { log('q1'); queueMicrotask(() => log('q2')); });
Promise.reject(1).catch(() => log('e1')).finally(() => log('e2')).then(() => log('e3'));
Promise.all([1, 2]).then(() => log('all'));
Promise.race([1, 2]).then(() => log('race'));
Promise.allSettled([1]).then(() => log('settled'));
Promise.any([1]).then(() => log('any'));
setTimeout(() => log('t'), 0);
const p = Promise.resolve(); p.then(() => log('p1')); p.then(() => log('p2'));
p.finally(() => log('pf')).then(() => log('pf2'));
