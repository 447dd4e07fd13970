// trees: allocation-heavy: build and walk binary trees of short-lived objects (after the
// Benchmarks Game's binary-trees), so the garbage collector does most of the work.
// BENCH_SIZE = maximum depth.
function Node(left, right) { this.left = left; this.right = right; }
function make(d) { return d === 0 ? new Node(null, null) : new Node(make(d - 1), make(d - 1)); }
function check(n) { return n.left === null ? 1 : 1 + check(n.left) + check(n.right); }
function run(maxDepth) {
  var longLived = make(maxDepth), total = 0, d, i, iters;
  for (d = 4; d <= maxDepth; d += 2) {
    iters = 1 << (maxDepth - d + 4);
    for (i = 0; i < iters; i++) total += check(make(d));
  }
  return total + ':' + check(longLived);
}
var t0 = benchNow();
var r = run(BENCH_SIZE);
var t1 = benchNow();
benchReport(r, t0, t1);
