// props: named property loads and stores on objects of a few fixed shapes (inline caches).
// BENCH_SIZE = passes over 1000 particles.
function Particle(i) { this.x = i; this.y = i * 2; this.vx = 1; this.vy = -1; this.hits = 0; }
function Wall(i) { this.x = i; this.y = 0; this.vx = 0; this.vy = 0; this.hits = 0; this.solid = true; }
function run(passes) {
  var objs = [], i, p, o;
  for (i = 0; i < 1000; i++) objs.push(i % 10 === 0 ? new Wall(i) : new Particle(i));
  for (p = 0; p < passes; p++) {
    for (i = 0; i < objs.length; i++) {
      o = objs[i];
      o.x = o.x + o.vx;
      o.y = o.y + o.vy;
      if (o.x > 2000 || o.x < 0) { o.vx = -o.vx; o.hits = o.hits + 1; }
      if (o.y > 2000 || o.y < -2000) { o.vy = -o.vy; o.hits = o.hits + 1; }
    }
  }
  var sum = 0;
  for (i = 0; i < objs.length; i++) sum = (sum + objs[i].x + objs[i].y * 3 + objs[i].hits * 7) | 0;
  return sum;
}
var t0 = benchNow();
var r = run(BENCH_SIZE);
var t1 = benchNow();
benchReport(r, t0, t1);
