// sieve: integer array indexing: the sieve of Eratosthenes up to BENCH_SIZE thousand, on an
// array filled with push (dense), repeated 4 times.
function sieve(limit) {
  var flags = [], i, j, count = 0;
  for (i = 0; i <= limit; i++) flags.push(true);
  flags[0] = false; flags[1] = false;
  for (i = 2; i * i <= limit; i++) {
    if (flags[i]) for (j = i * i; j <= limit; j += i) flags[j] = false;
  }
  for (i = 0; i <= limit; i++) if (flags[i]) count++;
  return count;
}
function run(k) {
  var total = 0, r;
  for (r = 0; r < 4; r++) total += sieve(k * 1000);
  return total;
}
var t0 = benchNow();
var r = run(BENCH_SIZE);
var t1 = benchNow();
benchReport(r, t0, t1);
