// Async generators: next/throw/return return promises, requests queue while the body runs
// or awaits, yields await their operand, return settles the queue, errors reject.
async function* gen(n) {
  try {
    for (let i = 0; i < n; i++) {
      const got = yield i;
      console.log('got', got);
      await null;
    }
    return 'done';
  } finally {
    console.log('gen finally');
  }
}
const g = gen(3);
console.log(g, Object.prototype.toString.call(g), gen);
g.next('a').then(r => console.log('r1', r));
g.next('b').then(r => console.log('r2', r));
g.next('c').then(r => console.log('r3', r));
g.next('d').then(r => console.log('r4', r));
g.next('e').then(r => console.log('r5', r));
const h = gen(5);
h.next().then(r => console.log('h1', r));
h.return('early').then(r => console.log('h ret', r));
h.next().then(r => console.log('h after', r));
async function* thrower() { yield 1; throw new Error('agen boom'); }
const t = thrower();
t.next().then(r => console.log('t1', r));
t.next().catch(e => console.log('t2 rejected', e.message));
t.next().then(r => console.log('t3', r));
async function* awaitsYield() { yield Promise.resolve('resolved value'); }
awaitsYield().next().then(r => console.log('ay', r));
const t2 = gen(2); t2.throw(new Error('at start')).catch(e => console.log('thrown at start', e.message));
class K { static async *m() { yield 'static'; } }
K.m().next().then(console.log);
console.log('sync end');
