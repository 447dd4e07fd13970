// Seeded maze generation (recursive backtracker) and BFS solving
function rng(seed) { let s = seed; return n => { s = (s * 1103515245 + 12345) % 2147483648; return Math.floor((s / 2147483648) * n); }; }
function generate(w, h, seed) {
  const rand = rng(seed);
  const grid = Array.from({ length: 2 * h + 1 }, () => new Array(2 * w + 1).fill("#"));
  const seen = Array.from({ length: h }, () => new Array(w).fill(false));
  const stack = [[0, 0]];
  seen[0][0] = true; grid[1][1] = " ";
  while (stack.length) {
    const [x, y] = stack[stack.length - 1];
    const opts = [[1, 0], [-1, 0], [0, 1], [0, -1]].filter(([dx, dy]) => { const nx = x + dx, ny = y + dy; return nx >= 0 && ny >= 0 && nx < w && ny < h && !seen[ny][nx]; });
    if (!opts.length) { stack.pop(); continue; }
    const [dx, dy] = opts[rand(opts.length)];
    const nx = x + dx, ny = y + dy;
    seen[ny][nx] = true;
    grid[2 * y + 1 + dy][2 * x + 1 + dx] = " ";
    grid[2 * ny + 1][2 * nx + 1] = " ";
    stack.push([nx, ny]);
  }
  return grid;
}
function solve(grid) {
  const h = grid.length, w = grid[0].length, start = [1, 1], goal = [w - 2, h - 2];
  const prev = {}, q = [start], key = ([x, y]) => x + "," + y;
  prev[key(start)] = null;
  while (q.length) {
    const cur = q.shift();
    if (cur[0] === goal[0] && cur[1] === goal[1]) break;
    for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) { const n = [cur[0] + dx, cur[1] + dy]; if (grid[n[1]][n[0]] === " " && !(key(n) in prev)) { prev[key(n)] = cur; q.push(n); } }
  }
  let len = 0;
  for (let c = goal; c; c = prev[key(c)]) { grid[c[1]][c[0]] = "."; len++; }
  return len;
}
const maze = generate(12, 6, 42);
const length = solve(maze);
console.log(maze.map(r => r.join("")).join("\n"));
console.log("path length:", length);
const lengths = [1, 2, 3, 4, 5].map(seed => solve(generate(20, 10, seed)));
console.log(lengths);
