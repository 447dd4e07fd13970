// Array.prototype methods are generic: they work on array-likes through get/set/has/delete,
// with length from ToLength, and huge sparse lengths are walked by their present keys.
var P = Array.prototype;
function attempt(label, f) {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, e.constructor.name, e.message);
  }
}
var al = { length: 3, 0: 'a', 1: 'b', 2: 'c' };
console.log(P.map.call(al, (x) => x + x), P.join.call(al, '-'), P.indexOf.call(al, 'b'));
console.log(P.reduce.call(al, (x, y) => x + y), P.reduceRight.call(al, (x, y) => x + y));
console.log(P.filter.call(al, (x) => x !== 'b'), P.some.call(al, (x) => x === 'c'), P.every.call(al, (x) => x > 'a'));
console.log(P.lastIndexOf.call(al, 'a'), P.includes.call(al, 'c'), P.find.call(al, (x) => x > 'a'));
P.forEach.call('xyz', (ch, i) => console.log('each', ch, i));
console.log(P.slice.call({ length: 4, 1: 'p', 3: 'q' }, 1));
var obj = { length: 2, 0: 1, 1: 2 };
P.push.call(obj, 3);
console.log(obj, P.pop.call(obj), obj);
console.log(P.shift.call(obj), obj, P.unshift.call(obj, 'u', 'v'), obj);
console.log(P.splice.call(obj, 1, 1, 'S'), obj, P.reverse.call(obj), P.fill.call({ length: 2 }, 0));
console.log(P.copyWithin.call({ length: 3, 0: 'a', 2: 'c' }, 0, 1));
console.log(P.concat.call(1, 2), [1].concat({ length: 2, 0: 'x', [Symbol.isConcatSpreadable]: true }));
console.log(P.join.call({ length: 3, 1: null, 2: undefined }), String(P.toString.call({ join: () => 'J' })));
attempt('slice 2**32', () => P.slice.call({ length: 2 ** 32 }));
attempt('map 2**32', () => P.map.call({ length: 2 ** 32 }, (x) => x));
var big = { length: 2 ** 53 - 1, 9007199254740990: 'z', 5: 'five' };
console.log(P.lastIndexOf.call(big, 'z'), P.indexOf.call(big, 'five'), P.includes.call(big, 'z', -3));
attempt('push past 2**53-1', () => P.push.call({ length: 2 ** 53 - 1 }, 1) && 'no error');
var sp = [];
sp[1e9] = 1;
console.log(sp.includes(1), sp.lastIndexOf(1), sp.length);
var sp2 = [];
sp2[1e5] = 1;
console.log(sp2.findIndex((x) => x === 1), sp2.indexOf(1), sp2.includes(undefined), sp2.indexOf(undefined));
sp2.forEach((v, i) => console.log('sparse', v, i));
var ro = [1, 2, 3];
ro.length = 4294967295;
attempt('push on max length', () => ro.push(3, 4));
console.log(ro.length);
attempt('reduce empty', () => [].reduce((a, b) => a + b));
attempt('map non-callable', () => [1].map(null));
var holes = [1, , 3];
console.log(holes.map((x) => x * 2), holes.filter(() => true), Object.keys(holes.slice()), 1 in holes.slice());
Array.prototype[1] = 'proto';
console.log(holes.indexOf('proto'), holes.join());
delete Array.prototype[1];
console.log([5, 1, 10, 2].sort(), [5, 1, 10, 2].sort((x, y) => x - y), P.sort.call({ length: 3, 0: 'c', 2: 'a' }));
