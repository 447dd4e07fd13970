// closureloops: closures created inside loops: a fresh `arr.forEach(function (x) {...})`
// callback per iteration capturing the loop's variables, closure factories (ES5's form of
// per-iteration bindings) whose closures escape into an array and run later, and a callback
// that itself creates a closure per element. BENCH_SIZE = hundreds of rounds. Every sum is
// checked against the same sum computed with plain loops; the result is the check flag and
// a checksum.
function run(k) {
  var n = k * 100, data = [], fns = [], ok = 1, total = 0, i, r, base;
  for (i = 0; i < 16; i++) data.push((i * 7) & 15);
  for (r = 0; r < n; r++) {
    // A callback per iteration over the iteration's scale and a running sum.
    var scale = (r & 7) + 1, acc = 0, plain = 0;
    data.forEach(function (x) { acc += x * scale; });
    for (i = 0; i < data.length; i++) plain += data[i] * scale;
    if (acc !== plain) ok = 0;
    // A callback that creates a closure per element (nested environments).
    var lim = r & 15, hits = 0, expect = 0;
    data.forEach(function (x) {
      var below = function () { return x < lim; };
      if (below()) hits++;
    });
    for (i = 0; i < data.length; i++) if (data[i] < lim) expect++;
    if (hits !== expect) ok = 0;
    // Factories: each call's parameters are that iteration's bindings; the closures escape.
    fns.push((function (a, b) { return function (x) { return (x * a + b) | 0; }; })(r & 31, r & 7));
    if (fns.length === 64) {
      base = r - 63;
      for (i = 0; i < 64; i++) {
        var v = fns[i](i);
        if (v !== ((i * ((base + i) & 31) + ((base + i) & 7)) | 0)) ok = 0;
        total = (total + v) | 0;
      }
      fns.length = 0;
    }
    total = (total + acc + hits) | 0;
  }
  return ok + ':' + total;
}
var t0 = benchNow();
var r = run(BENCH_SIZE);
var t1 = benchNow();
benchReport(r, t0, t1);
