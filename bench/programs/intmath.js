// intmath: int32 arithmetic and bit operations: xorshift random numbers, gcd, popcount, a
// multiplicative hash (split into 16-bit halves so that no step leaves exact integers).
// BENCH_SIZE = thousands of iterations.
function gcd(a, b) { while (b !== 0) { var t = a % b; a = b; b = t; } return a; }
function popcount(x) {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return (x + (x >>> 8) + (x >>> 16) + (x >>> 24)) & 0x3f;
}
function mulHash(h, v) {
  var lo = (h & 0xffff) * 31 + v, hi = ((h >>> 16) * 31) & 0xffff;
  return ((hi << 16) + lo) | 0;
}
function run(k) {
  var s = 2463534242 | 0, h = 0, g = 0, bits = 0, i;
  for (i = 0; i < k * 1000; i++) {
    s ^= s << 13; s ^= s >>> 17; s ^= s << 5;
    bits += popcount(s);
    g += gcd((s >>> 20) + 1, (i & 1023) + 1);
    h = mulHash(h, s & 255);
  }
  return bits + ':' + g + ':' + h;
}
var t0 = benchNow();
var r = run(BENCH_SIZE);
var t1 = benchNow();
benchReport(r, t0, t1);
