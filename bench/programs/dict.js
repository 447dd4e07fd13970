// dict: objects used as dictionaries: computed string keys, `in`, counts kept in an object,
// and a scan for the most frequent key. BENCH_SIZE = thousands of lookups.
function run(k) {
  var counts = {}, keys = [], n = k * 1000, seed = 7, i, key, distinct = 0, best = '', bestN = 0;
  for (i = 0; i < n; i++) {
    seed = (seed * 16807) % 2147483647;
    key = 'k' + (seed % 997);
    if (key in counts) counts[key]++; else { counts[key] = 1; keys.push(key); distinct++; }
  }
  for (i = 0; i < keys.length; i++) {
    if (counts[keys[i]] > bestN || (counts[keys[i]] === bestN && keys[i] < best)) { best = keys[i]; bestN = counts[keys[i]]; }
  }
  return distinct + ':' + best + '=' + bestN;
}
var t0 = benchNow();
var r = run(BENCH_SIZE);
var t1 = benchNow();
benchReport(r, t0, t1);
