// yield* in async generators: delegation to async generators, sync iterables (values
// awaited), hand-written async iterators with next/throw/return forwarding, and the
// delegate's return value.
async function* inner() {
  const x = yield 'i1';
  console.log('inner got', x);
  yield Promise.resolve('i2');
  return 'inner result';
}
async function* outer() {
  const r = yield* inner();
  console.log('delegate returned', r);
  yield* [Promise.resolve('from array'), 'plain'];
  yield* (function* () { yield 'sync gen'; })();
}
async function main() {
  const o = outer();
  console.log(await o.next());
  console.log(await o.next('sent'));
  for (;;) {
    const r = await o.next();
    console.log(r);
    if (r.done) break;
  }
  const logged = {
    [Symbol.asyncIterator]() { return this; },
    i: 0,
    async next(v) { console.log('next', v); return { value: this.i++, done: this.i > 3 }; },
    async throw(e) { console.log('throw', e); return { value: 'recovered', done: false }; },
    async return(v) { console.log('return', v); return { value: v, done: true }; },
  };
  async function* viaLogged() { return yield* logged; }
  const d = viaLogged();
  console.log(await d.next('a'), await d.next('b'), await d.throw('E'), await d.return('R'));
}
main().then(() => console.log('done'));
