// NaN propagation and comparisons
let n = NaN;
console.log(n, typeof n, n === n, n == n, n !== n, n != n);
console.log(n < 1, n > 1, n <= n, n >= n, 1 < n);
console.log(Object.is(n, NaN), isNaN(n), Number.isNaN(n), isNaN("abc"), Number.isNaN("abc"));
console.log(n + 1, n * 0, 0 / 0, Infinity - Infinity, Infinity * 0, Math.sqrt(-1));
console.log(undefined + 1, "a" - 1, {} * 2, [1, 2] - 0, parseInt("z"));
console.log([n], { n }, String(n), n + "", JSON.stringify(n), JSON.stringify([n, 1]));
console.log(n | 0, n >>> 0, ~n, n << 1, !n, !!n, n ? "t" : "f");
console.log(Math.max(1, n), Math.min(n, 1), Math.max(), Math.min());
console.log([3, n, 1].sort(), [n, n].indexOf(n), [n].includes(n));
let arr = [n, 2, n];
console.log(arr.filter(v => v === v), arr.findIndex(v => v !== v));
console.log(NaN.toFixed(2), NaN.toString(16), (NaN).toString());
switch (n) { case NaN: console.log("case NaN"); break; default: console.log("default"); }
console.log(n ?? "dflt", n || "or", n && "and");
