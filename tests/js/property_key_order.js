// Object spread copies enumerable symbol keys; a computed static 'prototype' method is a
// TypeError; reading or writing a property of null/undefined fails before the key converts.
let symbol = Symbol('foo'); let o = {}; o[symbol] = 1;
const c = {...o, c: 4}; console.log(c[symbol], Object.getOwnPropertySymbols(c).length);
try { class C { static get ['prototype']() {} } ; console.log('no throw') } catch (e) { console.log(e.constructor.name, e.message) }
try { class C { static ['prototype']() {} } ; console.log('no throw') } catch (e) { console.log(e.constructor.name, e.message) }
for (const f of [() => null.x, () => undefined[1], () => null[Symbol('s')], () => { null.x = 1 }, () => { undefined['y'] = 2 }, () => { let b; b[{toString() { throw 1 }}] = 3 }, () => { let b = null; b[{}] += 1 }]) {
  try { f() } catch (e) { console.log(e.constructor.name + ': ' + e.message) }
}
try { const base = null; base[{ toString() { throw new Error('key converted') } }] ^= 1; } catch (e) { console.log(e.constructor.name) }
const { [1]: one, ...rest } = { 1: 'a', 2: 'b', [Symbol.iterator]: 0 }; console.log(one, rest);
