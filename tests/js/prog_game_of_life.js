function step(grid) {
  const h = grid.length, w = grid[0].length;
  const next = [];
  for (let y = 0; y < h; y++) {
    const row = [];
    for (let x = 0; x < w; x++) {
      let n = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if (dy || dx) n += grid[(y + dy + h) % h][(x + dx + w) % w];
      row.push(n === 3 || (n === 2 && grid[y][x]) ? 1 : 0);
    }
    next.push(row);
  }
  return next;
}
function parse(lines) { return lines.map(l => Array.from(l, c => (c === "#" ? 1 : 0))); }
function show(g) { return g.map(r => r.map(c => (c ? "#" : ".")).join("")).join("\n"); }
let g = parse(["..........", "...#......", "....#.....", "..###.....", "..........", "..........", "......###.", "..........", "..........", ".........."]);
for (let i = 0; i < 4; i++) g = step(g);
console.log(show(g));
let pop = [];
for (let i = 0; i < 30; i++) { g = step(g); pop.push(g.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0)); }
console.log(pop.join(" "));
let r = 12345; const rnd = () => (r = (r * 1103515245 + 12345) % 2147483648) / 2147483648;
let big = Array.from({ length: 32 }, () => Array.from({ length: 64 }, () => (rnd() < 0.3 ? 1 : 0)));
const counts = [];
for (let i = 0; i < 50; i++) { big = step(big); if (i % 10 === 9) counts.push(big.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0)); }
console.log(counts);
