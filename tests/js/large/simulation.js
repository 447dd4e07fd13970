// A class-heavy simulation: an ecosystem of plants, herbivores and
// carnivores on a toroidal grid, driven by a discrete-event scheduler
// (binary heap). Deep class hierarchies, virtual dispatch, super calls,
// static fields, polymorphic property access and lots of short-lived
// objects. Invariants are checked every generation; the final census is
// compared with values recorded with node when this program was written.
//
// usage: node simulation.js [STEPS] [--time]      (default STEPS = 60)

const args = process.argv.slice(2);
const TIME = args.includes("--time");
const sizeArg = args.find(a => a !== "--time");
const STEPS = sizeArg ? parseInt(sizeArg, 10) : 60;

const SPROUTS = 12;

// living/born/checksum after STEPS steps.
const KNOWN = {
  60: "496/1675/560672522",
  200: "624/5107/926869933",
  1000: "640/5149/767918375",
};

class Random {
  constructor(seed) { this.state = seed; }
  next() {
    this.state = (this.state * 48271) % 2147483647;
    return this.state / 2147483647;
  }
  int(n) { return Math.floor(this.next() * n); }
  chance(p) { return this.next() < p; }
}

class Vec {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  plus(o) { return new Vec(this.x + o.x, this.y + o.y); }
  equals(o) { return this.x === o.x && this.y === o.y; }
  toString() { return `(${this.x},${this.y})`; }
}

const DIRECTIONS = [new Vec(0, -1), new Vec(1, 0), new Vec(0, 1), new Vec(-1, 0)];

class Entity {
  static nextId = 1;
  static created = 0;
  constructor(world, pos) {
    this.id = Entity.nextId++;
    Entity.created++;
    this.world = world;
    this.pos = pos;
    this.alive = true;
    this.age = 0;
  }
  symbol() { return "?"; }
  act() { this.age++; }
  die(cause) {
    if (!this.alive) return;
    this.alive = false;
    this.world.remove(this, cause);
  }
  describe() { return `${this.constructor.name}#${this.id}@${this.pos}`; }
}

class Plant extends Entity {
  constructor(world, pos, size) {
    super(world, pos);
    this.size = size;
  }
  symbol() { return this.size > 3 ? "*" : "."; }
  act() {
    super.act();
    if (this.size < 6) this.size += 1;
    if (this.size >= 4 && this.world.rng.chance(0.25)) {
      const spot = this.world.freeNeighbour(this.pos);
      if (spot !== null) {
        this.size -= 2;
        this.world.add(new Plant(this.world, spot, 1));
      }
    }
  }
}

class Animal extends Entity {
  constructor(world, pos, energy) {
    super(world, pos);
    this.energy = energy;
    this.children = 0;
  }
  metabolism() { return 1; }
  reproduceAt() { return 20; }
  maxAge() { return 60; }
  canEat(other) { return false; }
  offspring(pos, energy) { return null; }
  act() {
    super.act();
    this.energy -= this.metabolism();
    if (this.energy <= 0) {
      this.die("starved");
      return;
    }
    if (this.age > this.maxAge()) {
      this.die("old age");
      return;
    }
    const food = this.findFood();
    if (food !== null) {
      this.eat(food);
    } else {
      this.wander();
    }
    if (this.energy >= this.reproduceAt()) this.reproduce();
  }
  findFood() {
    for (const d of DIRECTIONS) {
      const other = this.world.at(this.world.wrap(this.pos.plus(d)));
      if (other !== null && other.alive && this.canEat(other)) return other;
    }
    return null;
  }
  eat(food) {
    const gain = this.nutritionFrom(food);
    this.energy += gain;
    this.world.stats.eaten += 1;
    const target = food.pos;
    food.die("eaten");
    this.world.move(this, target);
  }
  nutritionFrom(food) { return 0; }
  wander() {
    const start = this.world.rng.int(4);
    for (let i = 0; i < 4; i++) {
      const spot = this.world.wrap(this.pos.plus(DIRECTIONS[(start + i) % 4]));
      if (this.world.at(spot) === null) {
        this.world.move(this, spot);
        return;
      }
    }
  }
  reproduce() {
    const spot = this.world.freeNeighbour(this.pos);
    if (spot === null) return;
    const half = Math.floor(this.energy / 2);
    this.energy -= half;
    this.children++;
    this.world.add(this.offspring(spot, half));
  }
}

class Herbivore extends Animal {
  constructor(world, pos, energy) { super(world, pos, energy); }
  symbol() { return "h"; }
  canEat(other) { return other instanceof Plant; }
  nutritionFrom(plant) { return 1 + plant.size; }
  reproduceAt() { return 24; }
  offspring(pos, energy) { return new Herbivore(this.world, pos, energy); }
}

class Carnivore extends Animal {
  constructor(world, pos, energy) { super(world, pos, energy); }
  symbol() { return "C"; }
  metabolism() { return 1; }
  maxAge() { return 90; }
  reproduceAt() { return 36; }
  canEat(other) { return other instanceof Herbivore; }
  nutritionFrom(prey) { return 6 + Math.floor(prey.energy / 2); }
  offspring(pos, energy) { return new Carnivore(this.world, pos, energy); }
}

// A min-heap of events ordered by (time, sequence) so ties are FIFO.
class EventQueue {
  constructor() {
    this.heap = [];
    this.seq = 0;
  }
  size() { return this.heap.length; }
  push(time, entity) {
    const ev = { time, seq: this.seq++, entity };
    const h = this.heap;
    h.push(ev);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (EventQueue.less(h[i], h[p])) {
        [h[i], h[p]] = [h[p], h[i]];
        i = p;
      } else break;
    }
  }
  pop() {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && EventQueue.less(h[l], h[m])) m = l;
        if (r < h.length && EventQueue.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
  static less(a, b) { return a.time < b.time || (a.time === b.time && a.seq < b.seq); }
}

class World {
  constructor(width, height, seed) {
    this.width = width;
    this.height = height;
    this.rng = new Random(seed);
    this.cells = new Array(width * height).fill(null);
    this.population = { Plant: 0, Herbivore: 0, Carnivore: 0 };
    this.stats = { born: 0, eaten: 0, starved: 0, "old age": 0 };
    this.events = new EventQueue();
    this.time = 0;
  }
  wrap(p) { return new Vec((p.x + this.width) % this.width, (p.y + this.height) % this.height); }
  index(p) { return p.y * this.width + p.x; }
  at(p) { return this.cells[this.index(p)]; }
  add(entity) {
    if (this.at(entity.pos) !== null) throw new Error("cell occupied " + entity.pos);
    this.cells[this.index(entity.pos)] = entity;
    this.population[entity.constructor.name]++;
    this.stats.born++;
    this.events.push(this.time + 1, entity);
  }
  remove(entity, cause) {
    this.cells[this.index(entity.pos)] = null;
    this.population[entity.constructor.name]--;
    if (cause !== "eaten") this.stats[cause]++;
  }
  move(entity, to) {
    this.cells[this.index(entity.pos)] = null;
    entity.pos = to;
    this.cells[this.index(to)] = entity;
  }
  freeNeighbour(p) {
    const start = this.rng.int(4);
    for (let i = 0; i < 4; i++) {
      const q = this.wrap(p.plus(DIRECTIONS[(start + i) % 4]));
      if (this.at(q) === null) return q;
    }
    return null;
  }
  populate(plants, herbivores, carnivores) {
    const place = make => {
      for (let tries = 0; tries < 1000; tries++) {
        const p = new Vec(this.rng.int(this.width), this.rng.int(this.height));
        if (this.at(p) === null) {
          this.add(make(p));
          return;
        }
      }
    };
    for (let i = 0; i < plants; i++) place(p => new Plant(this, p, 1 + this.rng.int(4)));
    for (let i = 0; i < herbivores; i++) place(p => new Herbivore(this, p, 10));
    for (let i = 0; i < carnivores; i++) place(p => new Carnivore(this, p, 25));
  }
  // Run every event scheduled before `until`; each living entity acts once
  // per time unit and reschedules itself.
  // New seedlings sprout on random empty cells every time unit.
  sprout(count) {
    for (let i = 0; i < count; i++) {
      const p = new Vec(this.rng.int(this.width), this.rng.int(this.height));
      if (this.at(p) === null) this.add(new Plant(this, p, 1));
    }
  }
  runUntil(until) {
    while (this.events.size() > 0 && this.events.heap[0].time < until) {
      const ev = this.events.pop();
      this.time = ev.time;
      const e = ev.entity;
      if (!e.alive) continue;
      e.act();
      if (e.alive) this.events.push(this.time + 1, e);
    }
    this.time = until;
  }
  census() {
    const counts = { Plant: 0, Herbivore: 0, Carnivore: 0 };
    let energy = 0;
    for (const c of this.cells) {
      if (c === null) continue;
      counts[c.constructor.name]++;
      if (c instanceof Animal) energy += c.energy;
    }
    return { counts, energy };
  }
  render() {
    const lines = [];
    for (let y = 0; y < this.height; y++) {
      let line = "";
      for (let x = 0; x < this.width; x++) {
        const c = this.cells[y * this.width + x];
        line += c === null ? " " : c.symbol();
      }
      lines.push("|" + line + "|");
    }
    return lines;
  }
}

function main() {
  const world = new World(40, 16, 7);
  world.populate(120, 30, 6);
  let invariantsOk = true;
  let checksum = 0;
  const history = [];
  const t0 = performance.now();
  for (let step = 1; step <= STEPS; step++) {
    world.sprout(SPROUTS);
    world.runUntil(step + 1);
    const { counts, energy } = world.census();
    for (const k in counts) if (counts[k] !== world.population[k]) invariantsOk = false;
    checksum = (checksum * 131 + counts.Plant * 7 + counts.Herbivore * 11 + counts.Carnivore * 13 + energy) % 1000000007;
    if (step % 10 === 0) history.push(`${step}: plants=${counts.Plant} herbivores=${counts.Herbivore} carnivores=${counts.Carnivore} energy=${energy}`);
  }
  const t1 = performance.now();
  for (const line of history) console.log(line);
  for (const line of world.render()) console.log(line);
  console.log("stats:", world.stats);
  console.log("entities created:", Entity.created, "checksum:", checksum);

  const checks = [];
  checks.push(["census matches population counters", invariantsOk]);
  const living = world.population.Plant + world.population.Herbivore + world.population.Carnivore;
  const dead = world.stats.eaten + world.stats.starved + world.stats["old age"];
  checks.push(["born = living + dead", world.stats.born === living + dead]);
  checks.push(["created = born", Entity.created === world.stats.born]);
  const summary = `${living}/${world.stats.born}/${checksum}`;
  if (KNOWN[STEPS] !== undefined) checks.push(["matches recorded run " + KNOWN[STEPS], summary === KNOWN[STEPS]]);
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
