// Array.prototype.toSorted / toSpliced / toReversed / with: copies, generic over array-likes.
const a = [3, 1, undefined, 2, , 10];
const s = a.toSorted();
console.log(s, a, s.length);
console.log([3, 1, 2].toSorted((x, y) => y - x));
try { [1].toSorted(1); } catch (e) { console.log(e.constructor.name); }
try { [1].toSorted(null); } catch (e) { console.log(e.constructor.name); }
console.log([1, 2, 3].toReversed(), [, 1].toReversed(), 0 in [, 1].toReversed());
console.log([1, 2, 3, 4].toSpliced(1, 2, "a", "b", "c"), [1, 2, 3].toSpliced(), [1, 2, 3].toSpliced(1));
console.log([1, 2, 3].toSpliced(-1, 0, 9), [1, 2, 3].toSpliced(5, 9, "z"));
console.log([1, 2, 3].with(-1, "x"), [1, 2, 3].with(0, "y"));
for (const i of [3, -4, Infinity]) {
  try { [1, 2, 3].with(i, 0); } catch (e) { console.log(e.constructor.name); }
}
const like = { length: 3, 0: "c", 1: "a", 2: "b" };
console.log(Array.prototype.toSorted.call(like), Array.prototype.toReversed.call(like));
console.log(Array.prototype.with.call(like, 1, "z"), Array.prototype.toSpliced.call(like, 0, 1));
console.log(Array.prototype.toReversed.call("abc"), Array.prototype.toSorted.call({ length: 0 }));
try { Array.prototype.toSpliced.call({ length: 2 ** 53 - 1 }, 0, 0, 1); } catch (e) { console.log(e.constructor.name); }
try { Array.prototype.toReversed.call({ length: 2 ** 32 }); } catch (e) { console.log(e.constructor.name); }
try { Array.prototype.toSorted.call(null); } catch (e) { console.log(e.constructor.name); }
class Sub extends Array {}
console.log(new Sub(1, 2).toReversed().constructor === Array);
for (const m of ["toSorted", "toSpliced", "toReversed", "with"]) {
  const f = Array.prototype[m];
  const d = Object.getOwnPropertyDescriptor(Array.prototype, m);
  console.log(m, f.name, f.length, d.enumerable, d.writable, d.configurable, Array.prototype[Symbol.unscopables][m]);
}
console.log(Object.keys(Array.prototype[Symbol.unscopables]).includes("with"));
