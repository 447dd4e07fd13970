// String.raw, includes/startsWith/endsWith refusing RegExps, pad lengths,
// Error.captureStackTrace / Error.isError, Map.prototype.getOrInsert(Computed).
console.log(String.raw`a\n${1 + 1}b\u0041${'x'}`, String.raw({ raw: ['x', 'y', 'z'] }, 1, 2, 3));
console.log(String.raw({ raw: { length: 0 } }), String.raw({ raw: 'abc' }, '-', '+'), String.raw.length);
try { String.raw({}); } catch (e) { console.log(e.constructor.name); }
for (const m of ['includes', 'startsWith', 'endsWith']) {
  try { 'abc'[m](/b/); } catch (e) { console.log(m, e.constructor.name, e.message); }
  const notRegExp = /b/;
  notRegExp[Symbol.match] = false;
  console.log(m, '/b/'[m](notRegExp));
}
console.log(''.padStart.length, ''.padEnd.length);
const o = { message: 'custom' };
Error.captureStackTrace(o);
console.log(typeof o.stack, o.stack.split('\n')[0], Object.keys(o));
try { Error.captureStackTrace(1); } catch (e) { console.log(e.constructor.name); }
// node 18 lacks Error.isError and getOrInsert: the reference algorithms stand in there.
const isError = Error.isError || (v => Object.prototype.toString.call(v) === '[object Error]' && v instanceof Error);
console.log([new Error(), new TypeError(), {}, Object.create(Error.prototype)].map(isError));
const getOrInsert = Map.prototype.getOrInsert || function (k, v) { if (!this.has(k)) this.set(k, v); return this.get(k); };
const getOrInsertComputed = Map.prototype.getOrInsertComputed || function (k, f) {
  if (typeof f !== 'function') throw new TypeError('not a function');
  if (this.has(k)) return this.get(k);
  if (Object.is(k, -0)) k = 0;
  const v = f(k); this.set(k, v); return v;
};
const m = new Map([['a', 1]]);
console.log(getOrInsert.call(m, 'a', 9), getOrInsert.call(m, 'b', 2), [...m]);
console.log(getOrInsertComputed.call(m, -0, k => Object.is(k, 0) ? 'plus zero' : 'minus'), [...m.keys()]);
console.log(getOrInsertComputed.call(m, 'c', k => { m.set('c', 'inner'); return 'outer'; }), m.get('c'));
try { getOrInsertComputed.call(m, 'd', 5); } catch (e) { console.log(e.constructor.name); }
