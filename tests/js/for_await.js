// for await: async iterables (async generators, hand-written async iterators), sync
// iterables of promises and values (awaited one by one), break/return closing the
// iterator, rejections thrown into the loop, and the order against other jobs.
async function* agen() {
  try {
    yield 1;
    yield Promise.resolve(2);
    yield 3;
  } finally {
    console.log('agen finally');
  }
}
const manual = {
  [Symbol.asyncIterator]() {
    let i = 0;
    return {
      next() {
        i++;
        return Promise.resolve({ value: 'm' + i, done: i > 2 });
      },
      return() {
        console.log('manual return');
        return Promise.resolve({ done: true });
      },
    };
  },
};
async function main() {
  for await (const x of agen()) console.log('agen', x);
  for await (const x of [Promise.resolve('p1'), 'plain', new Promise((r) => setTimeout(() => r('late'), 2))]) {
    console.log('array', x);
  }
  for await (const x of manual) console.log('manual', x);
  for await (const x of manual) {
    console.log('breaking at', x);
    break;
  }
  for await (const x of agen()) {
    if (x === 2) break;
  }
  const found = await (async () => {
    for await (const x of agen()) if (x === 1) return 'returned ' + x;
  })();
  console.log(found);
  try {
    for await (const x of [Promise.reject(new Error('rejected element'))]) console.log(x);
  } catch (e) {
    console.log('caught', e.message);
  }
  let sum = 0;
  for await (const n of (async function* () { for (let i = 1; i <= 100; i++) yield i; })()) sum += n;
  console.log('sum', sum);
}
main().then(() => console.log('main done'));
Promise.resolve().then(() => console.log('other job'));
console.log('sync end');
