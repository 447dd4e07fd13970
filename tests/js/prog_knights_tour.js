// Warnsdorff's heuristic with deterministic tie-breaking
function tour(n, sx, sy) {
  const board = Array.from({ length: n }, () => new Array(n).fill(0));
  const moves = [[2, 1], [1, 2], [-1, 2], [-2, 1], [-2, -1], [-1, -2], [1, -2], [2, -1]];
  const ok = (x, y) => x >= 0 && y >= 0 && x < n && y < n && board[y][x] === 0;
  const degree = (x, y) => moves.filter(([dx, dy]) => ok(x + dx, y + dy)).length;
  let x = sx, y = sy;
  board[y][x] = 1;
  for (let step = 2; step <= n * n; step++) {
    let best = null, bestDeg = 9;
    for (const [dx, dy] of moves) { const nx = x + dx, ny = y + dy; if (ok(nx, ny)) { const d = degree(nx, ny); if (d < bestDeg) { bestDeg = d; best = [nx, ny]; } } }
    if (!best) return { complete: false, board, steps: step - 1 };
    [x, y] = best;
    board[y][x] = step;
  }
  return { complete: true, board, steps: n * n };
}
const r = tour(8, 0, 0);
console.log(r.complete, r.steps);
for (const row of r.board) console.log(row.map(v => String(v).padStart(3)).join(""));
console.log([5, 6, 7].map(n => tour(n, 0, 0).steps));
