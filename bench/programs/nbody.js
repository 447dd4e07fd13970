// nbody: double-precision arithmetic on object fields: the classic five-body simulation
// (sun, Jupiter, Saturn, Uranus, Neptune), as in the Computer Language Benchmarks Game.
// BENCH_SIZE = time steps.
var PI = 3.141592653589793, SOLAR_MASS = 4 * PI * PI, DAYS_PER_YEAR = 365.24;
function Body(x, y, z, vx, vy, vz, mass) {
  this.x = x; this.y = y; this.z = z; this.vx = vx; this.vy = vy; this.vz = vz; this.mass = mass;
}
function system() {
  var d = DAYS_PER_YEAR, bodies = [
    new Body(0, 0, 0, 0, 0, 0, SOLAR_MASS),
    new Body(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
      1.66007664274403694e-03 * d, 7.69901118419740425e-03 * d, -6.90460016972063023e-05 * d,
      9.54791938424326609e-04 * SOLAR_MASS),
    new Body(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
      -2.76742510726862411e-03 * d, 4.99852801234917238e-03 * d, 2.30417297573763929e-05 * d,
      2.85885980666130812e-04 * SOLAR_MASS),
    new Body(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
      2.96460137564761618e-03 * d, 2.37847173959480950e-03 * d, -2.96589568540237556e-05 * d,
      4.36624404335156298e-05 * SOLAR_MASS),
    new Body(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
      2.68067772490389322e-03 * d, 1.62824170038242295e-03 * d, -9.51592254519715870e-05 * d,
      5.15138902046611451e-05 * SOLAR_MASS)];
  var px = 0, py = 0, pz = 0, i;
  for (i = 0; i < bodies.length; i++) {
    px += bodies[i].vx * bodies[i].mass; py += bodies[i].vy * bodies[i].mass; pz += bodies[i].vz * bodies[i].mass;
  }
  bodies[0].vx = -px / SOLAR_MASS; bodies[0].vy = -py / SOLAR_MASS; bodies[0].vz = -pz / SOLAR_MASS;
  return bodies;
}
function advance(bodies, dt) {
  var n = bodies.length, i, j, bi, bj, dx, dy, dz, d2, mag;
  for (i = 0; i < n; i++) {
    bi = bodies[i];
    for (j = i + 1; j < n; j++) {
      bj = bodies[j];
      dx = bi.x - bj.x; dy = bi.y - bj.y; dz = bi.z - bj.z;
      d2 = dx * dx + dy * dy + dz * dz;
      mag = dt / (d2 * Math.sqrt(d2));
      bi.vx -= dx * bj.mass * mag; bi.vy -= dy * bj.mass * mag; bi.vz -= dz * bj.mass * mag;
      bj.vx += dx * bi.mass * mag; bj.vy += dy * bi.mass * mag; bj.vz += dz * bi.mass * mag;
    }
  }
  for (i = 0; i < n; i++) {
    bi = bodies[i];
    bi.x += dt * bi.vx; bi.y += dt * bi.vy; bi.z += dt * bi.vz;
  }
}
function energy(bodies) {
  var e = 0, i, j, bi, bj, dx, dy, dz;
  for (i = 0; i < bodies.length; i++) {
    bi = bodies[i];
    e += 0.5 * bi.mass * (bi.vx * bi.vx + bi.vy * bi.vy + bi.vz * bi.vz);
    for (j = i + 1; j < bodies.length; j++) {
      bj = bodies[j];
      dx = bi.x - bj.x; dy = bi.y - bj.y; dz = bi.z - bj.z;
      e -= bi.mass * bj.mass / Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
  }
  return e;
}
function run(steps) {
  var bodies = system(), e0 = energy(bodies), i;
  for (i = 0; i < steps; i++) advance(bodies, 0.01);
  return e0.toFixed(9) + ' ' + energy(bodies).toFixed(9);
}
var t0 = benchNow();
var r = run(BENCH_SIZE);
var t1 = benchNow();
benchReport(r, t0, t1);
