// Mandelbrot: escape-time rendering of the Mandelbrot set as ASCII art,
// a Julia set, an area estimate, and the bit-packed variant from the
// Computer Language Benchmarks Game (checksummed). Pure floating-point
// loops with early exits.
//
// Output: the set and a Julia set as ASCII art (characters from the palette
// by escape time, '@' inside), the palette histogram, the bitmap checksum,
// smooth iteration counts at a few points, a zoom sequence summary, and
// the self-checks.
//
// usage: node mandelbrot.js [SIZE] [--time]      (default SIZE = 64)

const args = process.argv.slice(2);
const TIME = args.includes("--time");
const sizeArg = args.find(a => a !== "--time");
const SIZE = sizeArg ? parseInt(sizeArg, 10) : 64;

// FNV-1a checksums of the bit-packed bitmap (cross-checked with an
// independent Python implementation) and total escape counts (recorded with
// node) for a few sizes.
const KNOWN = {
  16: { bitmap: 940202476, counts: 7616 },
  64: { bitmap: 3459489528, counts: 119806 },
  200: { bitmap: 3419197333, counts: 1173678 },
  1000: { bitmap: 1573666636, counts: 29241852 },
};

const PALETTE = " .:-=+*#%@";

function escapeTime(cr, ci, maxIter) {
  let zr = 0;
  let zi = 0;
  let zr2 = 0;
  let zi2 = 0;
  let i = 0;
  while (i < maxIter && zr2 + zi2 <= 4) {
    zi = 2 * zr * zi + ci;
    zr = zr2 - zi2 + cr;
    zr2 = zr * zr;
    zi2 = zi * zi;
    i++;
  }
  return i;
}

function juliaTime(zr, zi, cr, ci, maxIter) {
  let i = 0;
  while (i < maxIter) {
    const zr2 = zr * zr;
    const zi2 = zi * zi;
    if (zr2 + zi2 > 4) break;
    zi = 2 * zr * zi + ci;
    zr = zr2 - zi2 + cr;
    i++;
  }
  return i;
}

class Viewport {
  constructor(centerX, centerY, width, cols, rows) {
    this.cols = cols;
    this.rows = rows;
    this.x0 = centerX - width / 2;
    this.dx = width / cols;
    // character cells are about twice as tall as wide
    this.dy = this.dx * 2;
    this.y0 = centerY - (this.dy * rows) / 2;
  }
  x(col) { return this.x0 + (col + 0.5) * this.dx; }
  y(row) { return this.y0 + (row + 0.5) * this.dy; }
}

function renderAscii(view, maxIter, fn) {
  const lines = [];
  const histogram = new Array(PALETTE.length).fill(0);
  for (let r = 0; r < view.rows; r++) {
    let line = "";
    for (let c = 0; c < view.cols; c++) {
      const it = fn(view.x(c), view.y(r), maxIter);
      let idx;
      if (it >= maxIter) idx = PALETTE.length - 1;
      else idx = Math.floor((Math.sqrt(it / maxIter)) * (PALETTE.length - 1));
      histogram[idx]++;
      line += PALETTE[idx];
    }
    lines.push(line);
  }
  return { lines, histogram };
}

// The benchmarks-game program: an n x n bitmap, 8 pixels per byte, 50
// iterations, escape radius 2.
function bitmap(n) {
  const bytes = [];
  const limit = 4;
  const iterations = 50;
  for (let y = 0; y < n; y++) {
    const ci = (2 * y) / n - 1;
    let bits = 0;
    let bitNum = 0;
    for (let x = 0; x < n; x++) {
      const cr = (2 * x) / n - 1.5;
      let zr = 0;
      let zi = 0;
      let tr = 0;
      let ti = 0;
      let i = 0;
      for (; i < iterations && tr + ti <= limit; i++) {
        zi = 2 * zr * zi + ci;
        zr = tr - ti + cr;
        tr = zr * zr;
        ti = zi * zi;
      }
      bits = bits << 1;
      if (tr + ti <= limit) bits = bits | 1;
      bitNum++;
      if (bitNum === 8) {
        bytes.push(bits & 0xff);
        bits = 0;
        bitNum = 0;
      } else if (x === n - 1) {
        bits = bits << (8 - (n % 8));
        bytes.push(bits & 0xff);
        bits = 0;
        bitNum = 0;
      }
    }
  }
  return bytes;
}

function checksumBytes(bytes) {
  let h = 2166136261;
  for (const b of bytes) {
    h = (h ^ b) >>> 0;
    // FNV-1a multiply by 16777619, split to stay exact
    h = ((h * 403) + ((h * 65536) % 4294967296) * 256) % 4294967296;
  }
  return h;
}

// Escape time with periodicity checking: if the orbit returns (exactly) to
// a saved point, it is periodic and the point is inside the set.
function escapeTimePeriodic(cr, ci, maxIter) {
  let zr = 0;
  let zi = 0;
  let savedR = 0;
  let savedI = 0;
  let period = 0;
  let checkEvery = 8;
  for (let i = 0; i < maxIter; i++) {
    const zr2 = zr * zr;
    const zi2 = zi * zi;
    if (zr2 + zi2 > 4) return i;
    zi = 2 * zr * zi + ci;
    zr = zr2 - zi2 + cr;
    if (zr === savedR && zi === savedI) return maxIter;
    period++;
    if (period > checkEvery) {
      period = 0;
      checkEvery *= 2;
      savedR = zr;
      savedI = zi;
    }
  }
  return maxIter;
}

// Continuous ("smooth") iteration count used for colour gradients.
function smoothTime(cr, ci, maxIter) {
  let zr = 0;
  let zi = 0;
  let i = 0;
  while (i < maxIter && zr * zr + zi * zi <= 256) {
    const t = zr * zr - zi * zi + cr;
    zi = 2 * zr * zi + ci;
    zr = t;
    i++;
  }
  if (i >= maxIter) return maxIter;
  const logZn = Math.log(zr * zr + zi * zi) / 2;
  const nu = Math.log(logZn / Math.log(2)) / Math.log(2);
  return i + 1 - nu;
}

// A zoom towards a point on the boundary: small frames, each summarised by
// the number of inside cells and the total escape time.
function zoomSequence(frames, cols, rows, maxIter) {
  const out = [];
  let width = 3;
  for (let f = 0; f < frames; f++) {
    const view = new Viewport(-0.743643887037151, 0.13182590420533, width, cols, rows);
    let inside = 0;
    let total = 0;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const it = escapeTime(view.x(c), view.y(r), maxIter);
        if (it >= maxIter) inside++;
        total += it;
      }
    }
    out.push({ frame: f, width: width.toFixed(6), inside, total });
    width /= 4;
  }
  return out;
}

// Monte-Carlo-free area estimate: count grid points inside the set.
function areaEstimate(n, maxIter) {
  let inside = 0;
  const x0 = -2;
  const x1 = 0.5;
  const y0 = -1.25;
  const y1 = 1.25;
  for (let i = 0; i < n; i++) {
    const cr = x0 + ((i + 0.5) * (x1 - x0)) / n;
    for (let j = 0; j < n; j++) {
      const ci = y0 + ((j + 0.5) * (y1 - y0)) / n;
      // skip the main cardioid and the period-2 bulb quickly
      const q = (cr - 0.25) * (cr - 0.25) + ci * ci;
      if (q * (q + (cr - 0.25)) <= 0.25 * ci * ci || (cr + 1) * (cr + 1) + ci * ci <= 0.0625) {
        inside++;
        continue;
      }
      if (escapeTime(cr, ci, maxIter) >= maxIter) inside++;
    }
  }
  return (inside / (n * n)) * (x1 - x0) * (y1 - y0);
}

function main() {
  const checks = [];
  const t0 = performance.now();

  const cols = Math.max(16, Math.min(SIZE, 78));
  const rows = Math.max(8, Math.floor(cols / 3));
  const view = new Viewport(-0.6, 0, 3, cols, rows);
  const mandel = renderAscii(view, 200, escapeTime);
  for (const line of mandel.lines) console.log(line);
  console.log("histogram:", mandel.histogram.join(" "));

  const julia = renderAscii(new Viewport(0, 0, 3.2, cols, rows), 100, (x, y, m) => juliaTime(x, y, -0.8, 0.156, m));
  for (const line of julia.lines) console.log(line);

  const bytes = bitmap(SIZE);
  const bitmapSum = checksumBytes(bytes);
  let counts = 0;
  for (let r = 0; r < SIZE; r++) {
    for (let c = 0; c < SIZE; c++) counts += escapeTime(-2 + (2.5 * c) / SIZE, -1.25 + (2.5 * r) / SIZE, 100);
  }
  const area = areaEstimate(Math.max(SIZE, 32), 300);
  const t1 = performance.now();

  console.log(`bitmap ${SIZE}x${SIZE}: ${bytes.length} bytes, checksum ${bitmapSum}`);
  console.log("total escape iterations:", counts);
  console.log("area estimate:", area.toFixed(4));

  // Periodicity checking must not change any result.
  let periodicSame = true;
  for (let r = 0; r < 40; r++) {
    for (let c = 0; c < 40; c++) {
      const x = -2 + c * 0.0625;
      const y = -1.25 + r * 0.0625;
      if (escapeTimePeriodic(x, y, 500) !== escapeTime(x, y, 500)) periodicSame = false;
    }
  }
  checks.push(["periodicity check agrees", periodicSame]);

  const smooth = [[-0.75, 0.1], [0.3, 0.5], [-1.5, 0.01], [0.26, 0]].map(([x, y]) => smoothTime(x, y, 1000).toFixed(3));
  console.log("smooth iteration counts:", smooth.join(" "));

  for (const frame of zoomSequence(6, 24, 12, 400)) console.log(frame);

  // Symmetry: the set is symmetric about the real axis.
  let symmetric = true;
  for (let r = 0; r < 20; r++) {
    for (let c = 0; c < 20; c++) {
      const x = -2 + c * 0.125;
      const y = 0.05 + r * 0.0625;
      if (escapeTime(x, y, 100) !== escapeTime(x, -y, 100)) symmetric = false;
    }
  }
  checks.push(["symmetric about the real axis", symmetric]);
  checks.push(["area within 5% of 1.5066", Math.abs(area - 1.5066) < 0.08]);
  checks.push(["origin inside, 1+i outside", escapeTime(0, 0, 1000) === 1000 && escapeTime(1, 1, 1000) < 5]);
  const known = KNOWN[SIZE];
  if (known !== undefined) {
    checks.push(["bitmap checksum matches", bitmapSum === known.bitmap]);
    checks.push(["escape counts match", counts === known.counts]);
  }

  let ok = true;
  for (const [name, passed] of checks) {
    console.log((passed ? "pass " : "FAIL ") + name);
    if (!passed) ok = false;
  }
  console.log(ok ? "ok" : "FAIL");
  if (TIME) console.log("time: " + (t1 - t0).toFixed(2) + " ms");
  if (!ok) process.exit(1);
}

main();
