// The BigInt function, BigInt.asIntN/asUintN, BigInt.prototype methods and conversions.
const inputs = [0, -0, 42, -7, 2 ** 53, 1e21, 1.5, NaN, Infinity, '', '  12  ', '0x1f', '0o17', '0b101',
  '-12', '+12', '-0x1', '1e3', '1.0', '12n', 'abc', '1_000', true, false, null, undefined,
  Symbol('s'), 5n, { valueOf() { return 7n; } }, { valueOf() { return 8; } }, { toString() { return '9'; } }, [], [3]];
for (const v of inputs) {
  let label;
  try { label = String(v); } catch { label = v.toString(); }
  try {
    console.log(JSON.stringify(label), BigInt(v));
  } catch (e) {
    console.log(JSON.stringify(label), e.constructor.name, e.message);
  }
}
try { new BigInt(1); } catch (e) { console.log(e.constructor.name, e.message); }
console.log(BigInt.length, BigInt.name, BigInt.asIntN.length, BigInt.asUintN.length);
for (const [bits, v] of [[0, 5n], [1, 1n], [8, 255n], [8, 128n], [8, -129n], [64, 2n ** 63n], [64, -1n],
                         [65, 2n ** 64n], [200, -1n], ['8', 257n], [2 ** 53 - 1, 5n]]) {
  console.log(bits, v, BigInt.asIntN(bits, v), BigInt.asUintN(bits, v));
}
for (const f of [() => BigInt.asIntN(-1, 0n), () => BigInt.asUintN(2 ** 53, 0n), () => BigInt.asIntN(8, 1),
                 () => BigInt.asUintN(8, 'x'), () => BigInt.asUintN(8, '0x10')]) {
  try {
    console.log(f());
  } catch (e) {
    console.log(e.constructor.name, e.message);
  }
}
// ToIndex(bits) happens before ToBigInt(bigint).
const order = [];
try {
  BigInt.asIntN({ valueOf() { order.push('bits'); return 8; } }, { valueOf() { order.push('bigint'); return 1; } });
} catch (e) {
  order.push(e.constructor.name);
}
console.log(order.join(','));
const big = 2n ** 100n - 1n;
for (const r of [undefined, 2, 8, 16, 36, 10.9]) console.log(r, big.toString(r), (-255n).toString(r));
for (const r of [0, 1, 37, Infinity]) {
  try { 1n.toString(r); } catch (e) { console.log(r, e.constructor.name, e.message); }
}
console.log(5n.toLocaleString(), (-1234567n).toLocaleString(), (2n ** 70n).toLocaleString(), Object(6n).valueOf(), Object(6n).toString(16), 1n.constructor === BigInt);
for (const f of [() => BigInt.prototype.valueOf.call(1), () => BigInt.prototype.toString.call({}),
                 () => BigInt.prototype.valueOf.call(Object(2n))]) {
  try {
    console.log(f());
  } catch (e) {
    console.log(e.constructor.name, e.message);
  }
}
console.log(Object.prototype.toString.call(1n), Object.prototype.toString.call(Object(1n)), BigInt.prototype[Symbol.toStringTag]);
console.log(Number(2n ** 64n), Number(-(2n ** 53n) - 1n), Number(0n), Number(2n ** 1024n), parseInt('12n'), parseFloat('3n'));
console.log(String(2n ** 64n), `${-1n}`, JSON.stringify({ a: 1, toJSON() { return 'x'; } }));
BigInt.prototype.toJSON = function () { return this.toString() + 'n'; };
console.log(JSON.stringify({ a: 5n, b: [Object(6n)] }));
delete BigInt.prototype.toJSON;
try { JSON.stringify([1n]); } catch (e) { console.log(e.constructor.name, e.message); }
// Property keys and member access on BigInt primitives.
const o = { 1n: 'one', [2n ** 64n]: 'big' };
console.log(o[1n], o['1'], Object.keys(o), 10n in { 10: 1 }, [10, 20][1n]);
BigInt.prototype.double = function () { return this * 2n; };
console.log(21n.double(), typeof Object(1n), Object(3n) + 1n, Object(3n) * Object(2n));
// A sloppy function sees a wrapper object for a BigInt `this`; a strict one the BigInt.
function sloppyThis() { return [typeof this, this instanceof BigInt]; }
console.log(sloppyThis.call(1n), (function () { 'use strict'; return typeof this; }).call(1n));
console.log(Array(3n), Array.of(1n), Object.keys(1n), Object.getPrototypeOf(1n) === BigInt.prototype, Object.entries(Object(2n)));
const { dflt = 5n } = {};
console.log(dflt, 1n?.toString(), 1n.toString?.(2), delete 1n.x, void 1n, 0n ?? 1, 0n || 2n, 3n && 4n);
