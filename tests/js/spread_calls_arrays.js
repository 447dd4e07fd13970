function f(...args) { return args.length + ":" + args.join(","); }
const arr = [1, 2, 3];
console.log(f(...arr), f(...arr, ...arr), f(0, ...arr, 4), f(...[]), f(..."hi", ...[null]));
console.log([...arr, ...arr].length, [..."héllo"].length, [...[1, [2]]]);
const matrix = [[1, 2], [3, 4]];
const copy = matrix.map(r => [...r]); copy[0][0] = 99;
console.log(matrix, copy);
const merged = [...new Array(2), ...[, 1]];
console.log(merged, merged.length);
class V { constructor(...c) { this.c = c; } static of(...c) { return new V(...c); } }
console.log(V.of(...arr, 4).c, new V(...[]).c);
const maxOf = (...n) => Math.max(...n);
console.log(maxOf(...[5, 1, 9], 3));
const big = Array.from({ length: 5000 }, (_, i) => i);
console.log(Math.max(...big), f(...big).length);
console.log(String.fromCharCode(...[107, 105, 108, 110]), [].concat(...[[1], [2, 3], [[4]]]));
