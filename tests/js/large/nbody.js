// N-body: a simulation of the Jovian planets orbiting the sun, after the
// Computer Language Benchmarks Game program. Besides the classic
// symplectic-Euler advance it runs a velocity-Verlet integrator on a copy of
// the system and checks energy and momentum conservation.
//
// usage: node nbody.js [STEPS] [--time]

const args = process.argv.slice(2);
const TIME = args.includes("--time");
const sizeArg = args.find(a => a !== "--time");
const STEPS = sizeArg ? parseInt(sizeArg, 10) : 1000;

const PI = Math.PI;
const SOLAR_MASS = 4 * PI * PI;
const DAYS_PER_YEAR = 365.24;

// Reference energies published with the benchmark (for 1000 steps) and
// computed independently for the other sizes.
const KNOWN = {
  0: ["-0.169075164", "-0.169075164"],
  1000: ["-0.169075164", "-0.169087605"],
  1000000: ["-0.169075164", "-0.169086185"],
  50000000: ["-0.169075164", "-0.169059907"],
};

class Vec3 {
  constructor(x, y, z) {
    this.x = x;
    this.y = y;
    this.z = z;
  }
  add(o) { return new Vec3(this.x + o.x, this.y + o.y, this.z + o.z); }
  sub(o) { return new Vec3(this.x - o.x, this.y - o.y, this.z - o.z); }
  scale(k) { return new Vec3(this.x * k, this.y * k, this.z * k); }
  dot(o) { return this.x * o.x + this.y * o.y + this.z * o.z; }
  cross(o) {
    return new Vec3(this.y * o.z - this.z * o.y, this.z * o.x - this.x * o.z, this.x * o.y - this.y * o.x);
  }
  length() { return Math.sqrt(this.dot(this)); }
  clone() { return new Vec3(this.x, this.y, this.z); }
}

class Body {
  constructor(name, x, y, z, vx, vy, vz, mass) {
    this.name = name;
    this.x = x;
    this.y = y;
    this.z = z;
    this.vx = vx;
    this.vy = vy;
    this.vz = vz;
    this.mass = mass;
  }
  clone() {
    return new Body(this.name, this.x, this.y, this.z, this.vx, this.vy, this.vz, this.mass);
  }
  position() { return new Vec3(this.x, this.y, this.z); }
  velocity() { return new Vec3(this.vx, this.vy, this.vz); }
  kineticEnergy() {
    return 0.5 * this.mass * (this.vx * this.vx + this.vy * this.vy + this.vz * this.vz);
  }
}

function jupiter() {
  return new Body(
    "jupiter",
    4.84143144246472090e+00,
    -1.16032004402742839e+00,
    -1.03622044471123109e-01,
    1.66007664274403694e-03 * DAYS_PER_YEAR,
    7.69901118419740425e-03 * DAYS_PER_YEAR,
    -6.90460016972063023e-05 * DAYS_PER_YEAR,
    9.54791938424326609e-04 * SOLAR_MASS
  );
}

function saturn() {
  return new Body(
    "saturn",
    8.34336671824457987e+00,
    4.12479856412430479e+00,
    -4.03523417114321381e-01,
    -2.76742510726862411e-03 * DAYS_PER_YEAR,
    4.99852801234917238e-03 * DAYS_PER_YEAR,
    2.30417297573763929e-05 * DAYS_PER_YEAR,
    2.85885980666130812e-04 * SOLAR_MASS
  );
}

function uranus() {
  return new Body(
    "uranus",
    1.28943695621391310e+01,
    -1.51111514016986312e+01,
    -2.23307578892655734e-01,
    2.96460137564761618e-03 * DAYS_PER_YEAR,
    2.37847173959480950e-03 * DAYS_PER_YEAR,
    -2.96589568540237556e-05 * DAYS_PER_YEAR,
    4.36624404335156298e-05 * SOLAR_MASS
  );
}

function neptune() {
  return new Body(
    "neptune",
    1.53796971148509165e+01,
    -2.59193146099879641e+01,
    1.79258772950371181e-01,
    2.68067772490389322e-03 * DAYS_PER_YEAR,
    1.62824170038242295e-03 * DAYS_PER_YEAR,
    -9.51592254519715870e-05 * DAYS_PER_YEAR,
    5.15138902046611451e-05 * SOLAR_MASS
  );
}

function sun() {
  return new Body("sun", 0, 0, 0, 0, 0, 0, SOLAR_MASS);
}

class NBodySystem {
  constructor(bodies) {
    this.bodies = bodies;
    this.offsetMomentum();
  }

  offsetMomentum() {
    let px = 0, py = 0, pz = 0;
    for (const b of this.bodies) {
      px += b.vx * b.mass;
      py += b.vy * b.mass;
      pz += b.vz * b.mass;
    }
    const s = this.bodies[0];
    s.vx = -px / SOLAR_MASS;
    s.vy = -py / SOLAR_MASS;
    s.vz = -pz / SOLAR_MASS;
  }

  // The classic benchmark step: velocities from pairwise forces, then positions.
  advance(dt) {
    const bodies = this.bodies;
    const n = bodies.length;
    for (let i = 0; i < n; i++) {
      const bi = bodies[i];
      for (let j = i + 1; j < n; j++) {
        const bj = bodies[j];
        const dx = bi.x - bj.x;
        const dy = bi.y - bj.y;
        const dz = bi.z - bj.z;
        const d2 = dx * dx + dy * dy + dz * dz;
        const mag = dt / (d2 * Math.sqrt(d2));
        const bim = bi.mass * mag;
        const bjm = bj.mass * mag;
        bi.vx -= dx * bjm;
        bi.vy -= dy * bjm;
        bi.vz -= dz * bjm;
        bj.vx += dx * bim;
        bj.vy += dy * bim;
        bj.vz += dz * bim;
      }
    }
    for (let i = 0; i < n; i++) {
      const b = bodies[i];
      b.x += dt * b.vx;
      b.y += dt * b.vy;
      b.z += dt * b.vz;
    }
  }

  accelerations() {
    const bodies = this.bodies;
    const acc = bodies.map(() => new Vec3(0, 0, 0));
    for (let i = 0; i < bodies.length; i++) {
      for (let j = i + 1; j < bodies.length; j++) {
        const d = bodies[i].position().sub(bodies[j].position());
        const dist = d.length();
        const inv3 = 1 / (dist * dist * dist);
        acc[i] = acc[i].sub(d.scale(bodies[j].mass * inv3));
        acc[j] = acc[j].add(d.scale(bodies[i].mass * inv3));
      }
    }
    return acc;
  }

  // Velocity Verlet: a second integrator used as a cross-check.
  verletStep(dt, acc) {
    const bodies = this.bodies;
    for (let i = 0; i < bodies.length; i++) {
      const b = bodies[i];
      b.vx += 0.5 * dt * acc[i].x;
      b.vy += 0.5 * dt * acc[i].y;
      b.vz += 0.5 * dt * acc[i].z;
      b.x += dt * b.vx;
      b.y += dt * b.vy;
      b.z += dt * b.vz;
    }
    const next = this.accelerations();
    for (let i = 0; i < bodies.length; i++) {
      const b = bodies[i];
      b.vx += 0.5 * dt * next[i].x;
      b.vy += 0.5 * dt * next[i].y;
      b.vz += 0.5 * dt * next[i].z;
    }
    return next;
  }

  energy() {
    const bodies = this.bodies;
    let e = 0;
    for (let i = 0; i < bodies.length; i++) {
      const bi = bodies[i];
      e += bi.kineticEnergy();
      for (let j = i + 1; j < bodies.length; j++) {
        const bj = bodies[j];
        const dx = bi.x - bj.x;
        const dy = bi.y - bj.y;
        const dz = bi.z - bj.z;
        e -= (bi.mass * bj.mass) / Math.sqrt(dx * dx + dy * dy + dz * dz);
      }
    }
    return e;
  }

  momentum() {
    let p = new Vec3(0, 0, 0);
    for (const b of this.bodies) p = p.add(b.velocity().scale(b.mass));
    return p;
  }

  angularMomentum() {
    let l = new Vec3(0, 0, 0);
    for (const b of this.bodies) l = l.add(b.position().cross(b.velocity().scale(b.mass)));
    return l;
  }

  clone() {
    const copy = Object.create(NBodySystem.prototype);
    copy.bodies = this.bodies.map(b => b.clone());
    return copy;
  }
}

function describe(system) {
  const rows = [];
  for (const b of system.bodies) {
    const r = Math.sqrt(b.x * b.x + b.y * b.y + b.z * b.z);
    rows.push(`${b.name.padEnd(8)} r=${r.toFixed(3).padStart(7)}`);
  }
  return rows;
}

// Kinetic and potential parts of the total energy, reported separately.
function energyParts(system) {
  let kinetic = 0;
  let potential = 0;
  const bodies = system.bodies;
  for (let i = 0; i < bodies.length; i++) {
    kinetic += bodies[i].kineticEnergy();
    for (let j = i + 1; j < bodies.length; j++) {
      const d = bodies[i].position().sub(bodies[j].position()).length();
      potential -= (bodies[i].mass * bodies[j].mass) / d;
    }
  }
  return { kinetic, potential, total: kinetic + potential };
}

function main() {
  const system = new NBodySystem([sun(), jupiter(), saturn(), uranus(), neptune()]);
  const verlet = system.clone();
  const l0 = system.angularMomentum();
  const e0 = system.energy().toFixed(9);
  console.log(e0);

  const t0 = performance.now();
  for (let i = 0; i < STEPS; i++) system.advance(0.01);
  const t1 = performance.now();

  const e1 = system.energy().toFixed(9);
  console.log(e1);

  // Cross-check with a second integrator over a shorter run.
  const verletSteps = Math.min(STEPS, 200);
  let acc = verlet.accelerations();
  const ve0 = verlet.energy();
  for (let i = 0; i < verletSteps; i++) acc = verlet.verletStep(0.01, acc);
  const drift = Math.abs((verlet.energy() - ve0) / ve0);
  const p = system.momentum();
  const l1 = system.angularMomentum();
  const lDrift = l1.sub(l0).length() / l0.length();

  for (const row of describe(system)) console.log(row);
  const parts = energyParts(system);
  console.log(`kinetic ${parts.kinetic.toFixed(6)} potential ${parts.potential.toFixed(6)}`);
  const checks = [];
  checks.push(["verlet energy drift < 1e-6", drift < 1e-6]);
  checks.push(["momentum ~ 0", p.length() < 1e-12]);
  checks.push(["energy parts add up", Math.abs(parts.total - system.energy()) < 1e-12]);
  checks.push(["angular momentum conserved", lDrift < 1e-9]);
  const known = KNOWN[STEPS];
  if (known !== undefined) checks.push(["energies match reference", e0 === known[0] && e1 === known[1]]);
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
