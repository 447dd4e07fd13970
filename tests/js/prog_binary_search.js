function lowerBound(arr, x) { let lo = 0, hi = arr.length; while (lo < hi) { const mid = (lo + hi) >>> 1; if (arr[mid] < x) lo = mid + 1; else hi = mid; } return lo; }
function search(arr, x) { const i = lowerBound(arr, x); return i < arr.length && arr[i] === x ? i : -1; }
const arr = [];
for (let i = 0; i < 1000; i++) arr.push(i * 3);
console.log(search(arr, 0), search(arr, 3), search(arr, 2997), search(arr, 4), search(arr, -3), search(arr, 3000));
let ok = true;
for (let x = -5; x < 3005; x++) if (search(arr, x) !== arr.indexOf(x)) ok = false;
console.log("agrees with indexOf:", ok);
console.log(lowerBound([1, 2, 2, 2, 3], 2), lowerBound([], 5), lowerBound([1], 0), lowerBound([1], 2));
function isqrt(n) { let lo = 0, hi = n; while (lo < hi) { const mid = Math.floor((lo + hi + 1) / 2); if (mid * mid <= n) lo = mid; else hi = mid - 1; } return lo; }
console.log([0, 1, 15, 16, 17, 1000000, 2147483647].map(isqrt));
function bisect(f, a, b) { for (let i = 0; i < 100; i++) { const m = (a + b) / 2; if (f(a) * f(m) <= 0) b = m; else a = m; } return (a + b) / 2; }
console.log(bisect(x => x * x - 2, 0, 2), bisect(x => Math.cos(x) - x, 0, 1).toFixed(12));
