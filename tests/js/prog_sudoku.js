const puzzle = "530070000600195000098000060800060003400803001700020006060000280000419005000080079";
function solve(grid) {
  const rows = Array.from({ length: 9 }, () => new Array(10).fill(false)), cols = rows.map(r => r.slice()), boxes = rows.map(r => r.slice());
  const empties = [];
  for (let i = 0; i < 81; i++) {
    const r = Math.floor(i / 9), c = i % 9, b = Math.floor(r / 3) * 3 + Math.floor(c / 3), v = grid[i];
    if (v) { rows[r][v] = cols[c][v] = boxes[b][v] = true; } else empties.push(i);
  }
  let steps = 0;
  function bt(k) {
    if (k === empties.length) return true;
    const i = empties[k], r = Math.floor(i / 9), c = i % 9, b = Math.floor(r / 3) * 3 + Math.floor(c / 3);
    for (let v = 1; v <= 9; v++) {
      if (rows[r][v] || cols[c][v] || boxes[b][v]) continue;
      steps++;
      grid[i] = v; rows[r][v] = cols[c][v] = boxes[b][v] = true;
      if (bt(k + 1)) return true;
      grid[i] = 0; rows[r][v] = cols[c][v] = boxes[b][v] = false;
    }
    return false;
  }
  const ok = bt(0);
  return { ok, steps };
}
const grid = Array.from(puzzle, Number);
const { ok, steps } = solve(grid);
console.log(ok, steps);
for (let r = 0; r < 9; r++) {
  if (r % 3 === 0 && r) console.log("------+-------+------");
  const row = grid.slice(r * 9, r * 9 + 9);
  console.log([row.slice(0, 3), row.slice(3, 6), row.slice(6)].map(g => g.join(" ")).join(" | "));
}
const check = (g) => { for (let k = 0; k < 9; k++) { const r = {}, c = {}, b = {}; for (let j = 0; j < 9; j++) { r[g[k * 9 + j]] = 1; c[g[j * 9 + k]] = 1; b[g[(Math.floor(k / 3) * 3 + Math.floor(j / 3)) * 9 + (k % 3) * 3 + (j % 3)]] = 1; } if ([r, c, b].some(o => Object.keys(o).length !== 9)) return false; } return true; };
console.log("valid:", check(grid), grid.reduce((a, b) => a + b, 0));
