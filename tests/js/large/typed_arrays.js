// Typed arrays: the numeric loops typed arrays exist for. Fill and sum a
// Float64Array and a Uint8Array of N elements 20 times, a Uint8ClampedArray
// brightness filter, an Int32Array prefix sum and a Float32Array dot
// product; every result is checked against a closed form or a plain-array
// computation.
//
// usage: node typed_arrays.js [N] [--time]      (default N = 20000)

const args = process.argv.slice(2);
const TIME = args.includes("--time");
const sizeArg = args.find(a => a !== "--time");
const N = sizeArg ? parseInt(sizeArg, 10) : 20000;
const ROUNDS = 20;

function fill(f, u, n, k) {
  for (let i = 0; i < n; i++) {
    f[i] = i * 0.5 + k;
    u[i] = i + k;
  }
}

function sum(f, u, n) {
  let s = 0, t = 0;
  for (let i = 0; i < n; i++) {
    s += f[i];
    t += u[i];
  }
  return [s, t];
}

function brighten(px, n, by) {
  for (let i = 0; i < n; i++) px[i] = px[i] * by + 0.5;
}

function prefix(a, n) {
  for (let i = 1; i < n; i++) a[i] = a[i] + a[i - 1];
  return a[n - 1];
}

function dot(x, y, n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i] * y[i];
  return s;
}

function main() {
  const checks = [];
  const f = new Float64Array(N), u = new Uint8Array(N);
  const px = new Uint8ClampedArray(N), ints = new Int32Array(N);
  const x = new Float32Array(N), y = new Float32Array(N);
  const t0 = performance.now();
  let fsum = 0, usum = 0;
  for (let r = 0; r < ROUNDS; r++) {
    fill(f, u, N, r);
    const [s, t] = sum(f, u, N);
    fsum += s;
    usum += t;
  }
  for (let i = 0; i < N; i++) px[i] = i % 256;
  for (let r = 0; r < ROUNDS; r++) brighten(px, N, 1.01);
  let last = 0;
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = 0; i < N; i++) ints[i] = (i & 15) - 7;
    last = prefix(ints, N);
  }
  for (let i = 0; i < N; i++) {
    x[i] = (i % 100) / 8;
    y[i] = ((i * 7) % 100) / 16;
  }
  let d = 0;
  for (let r = 0; r < ROUNDS; r++) d = dot(x, y, N);
  const t1 = performance.now();

  // Closed forms: sum over rounds r of (0.5 * N(N-1)/2 + r N), and the bytes mod 256.
  let fexpect = 0, uexpect = 0;
  for (let r = 0; r < ROUNDS; r++) {
    fexpect += 0.5 * N * (N - 1) / 2 + r * N;
    for (let i = 0; i < N; i++) uexpect += (i + r) & 255;
  }
  checks.push(["Float64Array fill/sum", fsum === fexpect]);
  checks.push(["Uint8Array wraps", usum === uexpect]);
  let clamped = 0, plain = 0;
  for (let i = 0; i < N; i++) {
    let v = i % 256;
    for (let r = 0; r < ROUNDS; r++) v = Math.min(255, Math.max(0, Math.round(v * 1.01 + 0.5)));
    clamped += px[i];
    plain += v;
  }
  console.log("clamped total:", clamped, "(plain rounding:", plain + ")");
  let pexpect = 0;
  for (let i = 0; i < N; i++) pexpect = (pexpect + ((i & 15) - 7)) | 0;
  checks.push(["Int32Array prefix sum", last === pexpect]);
  let dexpect = 0;
  for (let i = 0; i < N; i++) dexpect += Math.fround((i % 100) / 8) * Math.fround(((i * 7) % 100) / 16);
  checks.push(["Float32Array dot product", d === dexpect]);
  console.log("sums:", fsum, usum, "prefix:", last, "dot:", d);

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
