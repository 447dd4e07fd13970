// closures: creating closures and calling them; captured variables read and written.
// BENCH_SIZE = thousands of rounds.
function makeCounter(step) {
  var count = 0;
  return function () { count = count + step; return count; };
}
function compose(f, g) { return function (x) { return f(g(x)); }; }
function run(k) {
  var total = 0, round, i;
  var inc = function (x) { return x + 1; };
  var dbl = function (x) { return (x * 2) & 0xffff; };
  var both = compose(inc, dbl);
  for (round = 0; round < k * 1000; round++) {
    var c = makeCounter(round & 3);
    for (i = 0; i < 8; i++) c();
    total = (total + c() + both(round)) | 0;
  }
  return total;
}
var t0 = benchNow();
var r = run(BENCH_SIZE);
var t1 = benchNow();
benchReport(r, t0, t1);
