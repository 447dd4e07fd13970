// console.log / util.inspect formatting of BigInts, as node prints them.
console.log(1n, -2n, 0n, 2n ** 128n);
console.log([1n, -2n], { a: 10n, b: [3n] }, [Object(5n)], Object(-7n));
const w = Object(8n); w.extra = 1; console.log(w);
console.log(new Map([[1n, 2n]]), new Set([3n]), [1n, 'a', 2]);
console.log([1n, 22n, 333n, 4444n, 55555n, 666666n, 7777777n, 88888888n, 1n, 22n, 333n, 4444n, 55555n, 666666n, 7777777n, 88888888n, 1n, 22n, 333n, 4444n, 55555n, 666666n, 7777777n, 88888888n, 9n, 10n, 11n]);
console.log([1n, 2, 3n, 4, 5n, 6, 7n, 8, 9n, 10, 11n, 12, 13n, 14, 15n, 16, 17n, 18, 19n, 20, 21n, 22, 23n, 24, 25n, 26, 27n]);
console.log(new BigInt64Array(2), new BigUint64Array([1n, 2n ** 64n - 1n]), new BigInt64Array(0));
console.log(new BigInt64Array(120).fill(-1n));
console.log('%s and %d and %i', 5n, 6n, 7n, 8n);
console.log(String(1n), `${2n}`, [3n].toString(), { k: 4n }.k.toString(2));
console.error(9n);
