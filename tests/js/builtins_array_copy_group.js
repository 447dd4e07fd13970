// Change-by-copy Array methods, Symbol.species, Symbol.unscopables.
function attempt(label, f) {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, e.constructor.name, e.message);
  }
}
var a = [3, 1, 2];
console.log(a.toSorted(), a.toReversed(), a.with(0, 9), a.with(-1, 'last'), a.toSpliced(1, 1, 'x', 'y'), a);
console.log([, 1].toSorted(), [, 1].toReversed(), Array.prototype.toReversed.call({ length: 2, 0: 'a' }));
attempt('with out of range', () => a.with(3, 0) && 'no error');
console.log([1, 2, 3].at(-1), [1, 2, 3].findLast((x) => x < 3), [1, 2, 3].findLastIndex((x) => x > 5));
class MyArray extends Array {}
var m = MyArray.from([1, 2, 3]);
console.log(m.map((x) => x) instanceof MyArray, m.filter(() => true) instanceof MyArray, m.toSorted() instanceof MyArray);
console.log(Array[Symbol.species] === Array);
console.log(Object.keys(Array.prototype[Symbol.unscopables]).sort().join());
