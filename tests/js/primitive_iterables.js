// GetIterator on primitives: an @@iterator a program puts on Number.prototype is used by
// Array.from, spread, destructuring, for-of and new Set.
Number.prototype[Symbol.iterator] = function* () { for (let i = 0; i < this; i++) yield i; };
console.log(Array.from(3), [...4]);
const [a, b] = 2; console.log(a, b);
for (const x of 2) console.log('of', x);
console.log(new Set(3).size, Array.from({length: 2, 0: 'x'}));
delete Number.prototype[Symbol.iterator];
try { [...5] } catch (e) { console.log(e.message) }
