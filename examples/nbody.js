// N-body simulation of the sun and the four giant planets (the classic
// benchmark system). Integrates with a symplectic Euler step, reports the
// total energy (which should stay nearly constant), and draws the orbits as
// seen from above, one frame per simulated decade.
//
//   kiln run examples/nbody.js            (100 years)
//   kiln run examples/nbody.js 300        (years to simulate)

const YEARS = Number(process.argv[2]) || 100;
const DAYS_PER_YEAR = 365.24;
const SOLAR_MASS = 4 * Math.PI * Math.PI; // units: AU, years, solar masses
const DT = 0.01; // years per step

class Body {
  constructor(name, symbol, pos, vel, mass) {
    this.name = name;
    this.symbol = symbol;
    [this.x, this.y, this.z] = pos;
    [this.vx, this.vy, this.vz] = vel.map(v => v * DAYS_PER_YEAR);
    this.mass = mass * SOLAR_MASS;
  }
  distanceTo(o) {
    return Math.hypot(this.x - o.x, this.y - o.y, this.z - o.z);
  }
}

const bodies = [
  new Body("Sun", "@", [0, 0, 0], [0, 0, 0], 1),
  new Body("Jupiter", "J",
    [4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01],
    [1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05],
    9.54791938424326609e-04),
  new Body("Saturn", "S",
    [8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01],
    [-2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05],
    2.85885980666130812e-04),
  new Body("Uranus", "U",
    [1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01],
    [2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05],
    4.36624404335156298e-05),
  new Body("Neptune", "N",
    [1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01],
    [2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05],
    5.15138902046611451e-05),
];

// Give the sun the momentum that makes the system's total momentum zero.
function offsetMomentum() {
  let px = 0, py = 0, pz = 0;
  for (const b of bodies) {
    px += b.vx * b.mass;
    py += b.vy * b.mass;
    pz += b.vz * b.mass;
  }
  bodies[0].vx = -px / SOLAR_MASS;
  bodies[0].vy = -py / SOLAR_MASS;
  bodies[0].vz = -pz / SOLAR_MASS;
}

function advance(dt) {
  for (let i = 0; i < bodies.length; i++) {
    const a = bodies[i];
    for (let j = i + 1; j < bodies.length; j++) {
      const b = bodies[j];
      const dx = a.x - b.x, dy = a.y - b.y, dz = a.z - b.z;
      const d2 = dx * dx + dy * dy + dz * dz;
      const mag = dt / (d2 * Math.sqrt(d2));
      a.vx -= dx * b.mass * mag;
      a.vy -= dy * b.mass * mag;
      a.vz -= dz * b.mass * mag;
      b.vx += dx * a.mass * mag;
      b.vy += dy * a.mass * mag;
      b.vz += dz * a.mass * mag;
    }
  }
  for (const b of bodies) {
    b.x += dt * b.vx;
    b.y += dt * b.vy;
    b.z += dt * b.vz;
  }
}

function energy() {
  let e = 0;
  for (let i = 0; i < bodies.length; i++) {
    const a = bodies[i];
    e += 0.5 * a.mass * (a.vx * a.vx + a.vy * a.vy + a.vz * a.vz);
    for (let j = i + 1; j < bodies.length; j++) e -= (a.mass * bodies[j].mass) / a.distanceTo(bodies[j]);
  }
  return e;
}

// Top view: x to the right, y up, 32 AU across; trails show past positions.
const SIZE = 33;
const SCALE = 16 / 32;
const trail = Array.from({ length: SIZE }, () => new Array(SIZE * 2).fill(" "));

function plot(grid, b, ch) {
  const col = Math.round(b.x * SCALE * 2) + SIZE;
  const row = Math.floor(SIZE / 2) - Math.round(b.y * SCALE);
  if (row >= 0 && row < SIZE && col >= 0 && col < SIZE * 2) grid[row][col] = ch;
}

function frame(title) {
  const grid = trail.map(row => row.slice());
  for (const b of bodies) plot(grid, b, b.symbol);
  console.log(title);
  console.log("+" + "-".repeat(SIZE * 2) + "+");
  for (const row of grid) console.log("|" + row.join("") + "|");
  console.log("+" + "-".repeat(SIZE * 2) + "+");
}

offsetMomentum();
const e0 = energy();
console.log(`energy at start: ${e0.toFixed(9)}`);

const stepsPerYear = Math.round(1 / DT);
for (let year = 1; year <= YEARS; year++) {
  for (let s = 0; s < stepsPerYear; s++) advance(DT);
  for (const b of bodies.slice(1)) plot(trail, b, ".");
  if (year % 50 === 0 || year === YEARS) {
    const positions = bodies.slice(1).map(b => `${b.name} ${Math.hypot(b.x, b.y).toFixed(2)} AU`).join(", ");
    console.log(`year ${String(year).padStart(4)}: ${positions}`);
  }
}

frame(`\nafter ${YEARS} years (@ sun, J Jupiter, S Saturn, U Uranus, N Neptune, . trails)`);
const e1 = energy();
console.log(`energy at end:   ${e1.toFixed(9)}  (relative drift ${(Math.abs((e1 - e0) / e0) * 1e6).toFixed(3)} ppm)`);
