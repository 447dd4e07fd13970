// bench/prelude.js: the one shim every engine gets in front of every bench/programs/*.js
// (ES5, so node, kiln, duktape and mujs all run the very same source). bench/run.py writes
// `var BENCH_SIZE = N;` and then this file in front of the program. It does no work of its
// own: it only picks what the engine has for printing (console.log, else print) and for the
// clock (performance.now, else Date.now, which has 1 ms resolution; mujs has only that).
var benchLog = (typeof console !== 'undefined' && typeof console.log === 'function')
  ? function (s) { console.log(s); }
  : function (s) { print(s); };
var benchNow = (typeof performance !== 'undefined' && typeof performance.now === 'function')
  ? function () { return performance.now(); }
  : function () { return Date.now(); };
// Every program ends with benchReport: a `result:` line (compared across engines) and the
// `time:` line the harness reads (milliseconds of the timed inner loop only).
function benchReport(result, t0, t1) {
  benchLog('result: ' + result);
  benchLog('time: ' + (t1 - t0).toFixed(2) + ' ms');
}
