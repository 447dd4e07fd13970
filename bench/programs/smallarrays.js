// smallarrays: allocation of many small arrays: BENCH_SIZE * 20000 arrays made by
// `new Array(n)` (n from 1 to 8, so every element starts as a hole), filled by index, read
// back, and a quarter of them grown by appends at index == length. The sum is checked against
// the same arithmetic done without arrays, so a wrong element anywhere throws.
function make(n, base) {
  var a = new Array(n), i;
  for (i = 0; i < n; i++) a[i] = base + i;
  return a;
}
function sum(a) {
  var s = 0, i;
  for (i = 0; i < a.length; i++) s += a[i];
  return s;
}
function run(count) {
  var total = 0, expect = 0, k, n, base, a, i;
  for (k = 0; k < count; k++) {
    n = (k & 7) + 1;
    base = k & 1023;
    a = make(n, base);
    if ((k & 3) === 0) {
      for (i = 0; i < 4; i++) a[a.length] = i;
      expect += 6;
    }
    total = (total + sum(a)) | 0;
    expect = (expect + n * base + (n * (n - 1)) / 2) | 0;
  }
  if (total !== expect) throw new Error('smallarrays: sum ' + total + ' != ' + expect);
  return total;
}
var t0 = benchNow();
var r = run(BENCH_SIZE * 20000);
var t1 = benchNow();
benchReport(r, t0, t1);
