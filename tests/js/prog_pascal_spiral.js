const rows = [[1]];
for (let r = 1; r < 12; r++) { const prev = rows[r - 1]; rows.push([1, ...prev.slice(1).map((v, i) => v + prev[i]), 1]); }
const width = rows[rows.length - 1].join(" ").length;
for (const row of rows) { const s = row.join(" "); console.log(" ".repeat(Math.floor((width - s.length) / 2)) + s); }
console.log(rows.map(r => r.reduce((a, b) => a + b)));
function spiral(n) { const m = Array.from({ length: n }, () => new Array(n).fill(0)); let x = 0, y = 0, dx = 1, dy = 0; for (let k = 1; k <= n * n; k++) { m[y][x] = k; const nx = x + dx, ny = y + dy; if (nx < 0 || ny < 0 || nx >= n || ny >= n || m[ny][nx]) { [dx, dy] = [-dy, dx]; } x += dx; y += dy; } return m; }
for (const row of spiral(6)) console.log(row.map(v => String(v).padStart(3)).join(""));
const diag = spiral(7).reduce((s, row, i) => s + row[i] + row[6 - i], 0) - spiral(7)[3][3];
console.log(diag);
