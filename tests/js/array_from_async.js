// Array.fromAsync over async iterables, sync iterables (values awaited, iterator closed when
// a value rejects) and array-likes, with mapping, errors and the order of awaits.
// node 18 has no Array.fromAsync: there the expected output comes from the reference
// algorithm below, written from the proposal's steps (kiln always uses its own).
const fromAsync = Array.fromAsync || async function (items, mapfn, thisArg) {
  if (mapfn !== undefined && typeof mapfn !== 'function') throw new TypeError('not a function');
  const asyncM = items == null ? undefined : items[Symbol.asyncIterator];
  if (items == null) throw new TypeError('not iterable');
  const syncM = asyncM == null ? items[Symbol.iterator] : undefined;
  const C = this;
  const ctor = typeof C === 'function' && C !== Array;
  if (asyncM != null || syncM != null) {
    const A = ctor ? new C() : [];
    let k = 0;
    if (asyncM != null) {
      const it = asyncM.call(items);
      const next = it.next;
      for (;;) {
        const r = await next.call(it);
        if (Object(r) !== r) throw new TypeError('not an object');
        if (r.done) { A.length = k; return A; }
        let v = r.value;
        if (mapfn) {
          try { v = await mapfn.call(thisArg, v, k); } catch (e) { if (it.return) await it.return(); throw e; }
        }
        Object.defineProperty(A, k, { value: v, writable: true, enumerable: true, configurable: true });
        k++;
      }
    }
    const it = syncM.call(items);
    for (;;) {
      const r = it.next();
      if (r.done) { A.length = k; return A; }
      let v;
      try { v = await r.value; } catch (e) { if (it.return) it.return(); throw e; }
      if (mapfn) {
        try { v = await mapfn.call(thisArg, v, k); } catch (e) { if (it.return) it.return(); throw e; }
      }
      Object.defineProperty(A, k, { value: v, writable: true, enumerable: true, configurable: true });
      k++;
    }
  }
  const o = Object(items);
  const len = Math.min(Math.max(Math.trunc(Number(o.length)) || 0, 0), 2 ** 53 - 1);
  const A = ctor ? new C(len) : new Array(len);
  for (let k = 0; k < len; k++) {
    let v = await o[k];
    if (mapfn) v = await mapfn.call(thisArg, v, k);
    Object.defineProperty(A, k, { value: v, writable: true, enumerable: true, configurable: true });
  }
  A.length = len;
  return A;
};

async function* gen() { yield 1; yield Promise.resolve(2); yield 3; }
function* closing(log) { try { yield 1; yield Promise.reject(new Error('no')); yield 3; } finally { log.push('closed'); } }
class Bag { constructor(n) { this.made = n; } }

(async () => {
  console.log(await fromAsync(gen()));
  console.log(await fromAsync([Promise.resolve('a'), 'b', Promise.resolve('c')]));
  console.log(await fromAsync({ length: 3, 0: 'x', 1: Promise.resolve('y'), 2: 'z' }));
  console.log(await fromAsync(new Set([1, 2, 3]), async (v, i) => v * 10 + i));
  console.log(await fromAsync([1, 2], function (v) { return this.base + v; }, { base: 100 }));
  console.log(await fromAsync('héllo'));
  console.log(await fromAsync.call(Bag, [1, 2]), await fromAsync.call(Bag, { length: 2, 0: 'p', 1: 'q' }));
  const log = [];
  try { await fromAsync(closing(log)); } catch (e) { console.log('rejected:', e.message, log); }
  for (const bad of [null, undefined]) {
    try { await fromAsync(bad); } catch (e) { console.log(e.constructor.name); }
  }
  try { await fromAsync([1], 'nope'); } catch (e) { console.log(e.constructor.name); }
  try { await fromAsync([1, 2], v => { if (v === 2) throw new RangeError('map'); return v; }); } catch (e) { console.log(e.constructor.name, e.message); }
  const order = [];
  const p = fromAsync([1, 2], v => { order.push('map ' + v); return v; });
  order.push('sync end');
  await p;
  console.log(order.join(', '), typeof p.then);
})();
