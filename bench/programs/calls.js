// calls: function and method calls: naive recursive fib, plus a small method called in a loop.
// BENCH_SIZE = fib argument (work grows about 1.6x per step).
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
function Acc() { this.total = 0; }
Acc.prototype.add = function (v) { this.total = (this.total + v) | 0; return this; };
function run(n) {
  var a = new Acc(), i, f = fib(n);
  for (i = 0; i < f; i++) a.add(i & 7);
  return f + ':' + a.total;
}
var t0 = benchNow();
var r = run(BENCH_SIZE);
var t1 = benchNow();
benchReport(r, t0, t1);
