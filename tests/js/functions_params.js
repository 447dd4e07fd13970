function f(a, b = 2, c = a + b) { return [a, b, c]; }
console.log(f(1), f(1, 5), f(1, undefined, 0), f(1, null), f());
function rest(first, ...others) { return [first, others, others.length]; }
console.log(rest(), rest(1), rest(1, 2, 3));
function sum(...nums) { return nums.reduce((s, n) => s + n, 0); }
console.log(sum(), sum(1, 2, 3), sum(...[4, 5], 6, ...[7]));
console.log(f.length, rest.length, sum.length, ((a, b) => 0).length, (function (a, b = 1, c) {}).length);
console.log(f.name, rest.name, (() => 1).name, (function named() {}).name);
const anon = function () {}; const arrow = () => {};
console.log(anon.name, arrow.name);
function missing(a, b) { return [a, b, typeof b]; }
console.log(missing(1), missing(1, 2, 3));
function defaultCall(x = Math.max(3, 4), y = [x]) { return y; }
console.log(defaultCall(), defaultCall(9));
let n = 0;
function counted(v = ++n) { return v; }
counted(); counted(); counted(7);
console.log(n);
function destr({ a, b: [c, d = 4] = [] } = {}, [e, ...f] = [9]) { return [a, c, d, e, f]; }
console.log(destr(), destr({ a: 1, b: [2] }, [3, 4, 5]));
function mutate(obj, num) { obj.x = 1; num = 99; }
const o = {}; let k = 5; mutate(o, k); console.log(o, k);
