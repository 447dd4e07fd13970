// BigInt comparisons and equality against BigInts, Numbers, Strings, Booleans and objects.
const left = [0n, 1n, -1n, 9007199254740993n, -(2n ** 80n)];
const right = [0n, 1n, 0, -0, 1, 1.5, -0.5, NaN, Infinity, -Infinity, 9007199254740992, 2 ** 80,
  '1', '0x10', ' 1 ', '', '1.5', 'abc', '9007199254740993', true, false, null, undefined];
const show = (v) => typeof v === 'string' ? JSON.stringify(v) : typeof v === 'bigint' ? v + 'n' : String(v);
for (const a of left) {
  for (const b of right) {
    console.log(show(a), show(b), a < b, a <= b, a > b, a >= b, a == b, a != b, a === b, b < a, b >= a, b == a);
  }
}
console.log(Object(1n) == 1n, Object(1n) === 1n, 1n == { valueOf() { return 1n; } }, 2n > { valueOf() { return 1; } });
console.log(1n == Symbol.iterator, [1n] == 1n, '1' < 2n, '1e3' < 2n, 'x' > 1n);
// SameValue / SameValueZero: Object.is, includes, indexOf, Map and Set keys.
console.log(Object.is(5n, 5n), Object.is(0n, -0n), [2n ** 70n].includes(2n ** 70n), [3n].indexOf(3n), [3n].indexOf(3));
const m = new Map([[10n, 'ten'], [10, 'number ten']]);
console.log(m.get(10n), m.get(10), m.has(BigInt(10)), new Set([1n, 1n, 1, 2n ** 64n, 2n ** 64n]).size);
// Truthiness and logical operators.
for (const v of [0n, 1n, -1n, 2n ** 64n]) console.log(v ? 'truthy' : 'falsy', !v, !!v, v || 'or', v && 'and', v ?? 'nn');
// switch uses strict equality.
for (const v of [1n, 1, 2n, '2']) {
  switch (v) {
    case 1n: console.log('one bigint'); break;
    case 1: console.log('one number'); break;
    case 2n: console.log('two bigint'); break;
    default: console.log('default', typeof v);
  }
}
// Sorting mixed arrays with a comparator, and the default (string) sort.
console.log([3n, 1, 2n, -1n, 0.5].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
console.log([10n, 9n, 1n, 100n].sort());
console.log(typeof 1n, typeof Object(1n), typeof BigInt, 1n instanceof Object, Object(1n) instanceof BigInt);
