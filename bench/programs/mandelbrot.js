// mandelbrot: double arithmetic in local variables (no objects): escape-time iteration over a
// SIZE x SIZE grid, at most 50 iterations per point. BENCH_SIZE = grid side.
function run(size) {
  var inside = 0, iters = 0, y, x, i, cr, ci, zr, zi, tr;
  for (y = 0; y < size; y++) {
    ci = 2.0 * y / size - 1.0;
    for (x = 0; x < size; x++) {
      cr = 2.0 * x / size - 1.5;
      zr = 0.0; zi = 0.0;
      for (i = 0; i < 50; i++) {
        tr = zr * zr - zi * zi + cr;
        zi = 2.0 * zr * zi + ci;
        zr = tr;
        if (zr * zr + zi * zi > 4.0) break;
      }
      iters += i;
      if (i === 50) inside++;
    }
  }
  return inside + ':' + iters;
}
var t0 = benchNow();
var r = run(BENCH_SIZE);
var t1 = benchNow();
benchReport(r, t0, t1);
