// sort: array reads, writes and swaps: in-place quicksort (hand-written, not Array.prototype.sort,
// so every engine does the same comparisons) of BENCH_SIZE thousand pseudo-random integers,
// then a check that the result is ordered.
function quicksort(a, lo, hi) {
  while (lo < hi) {
    var p = a[(lo + hi) >> 1], i = lo, j = hi, t;
    while (i <= j) {
      while (a[i] < p) i++;
      while (a[j] > p) j--;
      if (i <= j) { t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
    }
    if (j - lo < hi - i) { quicksort(a, lo, j); lo = i; } else { quicksort(a, i, hi); hi = j; }
  }
}
function run(k) {
  var n = k * 1000, a = [], seed = 42, i, ok = 1, sum = 0;
  for (i = 0; i < n; i++) { seed = (seed * 16807) % 2147483647; a.push(seed % 100000); }
  quicksort(a, 0, n - 1);
  for (i = 1; i < n; i++) if (a[i - 1] > a[i]) ok = 0;
  for (i = 0; i < n; i += 97) sum += a[i];
  return ok + ':' + sum;
}
var t0 = benchNow();
var r = run(BENCH_SIZE);
var t1 = benchNow();
benchReport(r, t0, t1);
