// Image-like 2D processing: flood fill, connected components, rotation
const img = ["....##....", "...#..#...", "..#....#..", "..#....#..", "...#..#...", "....##....", "##........", "##.....###"].map(r => r.split(""));
function fill(grid, x, y, ch) { const target = grid[y][x]; if (target === ch) return 0; const stack = [[x, y]]; let n = 0; while (stack.length) { const [cx, cy] = stack.pop(); if (cy < 0 || cy >= grid.length || cx < 0 || cx >= grid[0].length || grid[cy][cx] !== target) continue; grid[cy][cx] = ch; n++; stack.push([cx + 1, cy], [cx - 1, cy], [cx, cy + 1], [cx, cy - 1]); } return n; }
const g = img.map(r => r.slice());
console.log("inside filled:", fill(g, 4, 2, "o"));
console.log(g.map(r => r.join("")).join("\n"));
function components(grid, ch) { const seen = grid.map(r => r.map(() => false)); const sizes = []; for (let y = 0; y < grid.length; y++) for (let x = 0; x < grid[0].length; x++) if (grid[y][x] === ch && !seen[y][x]) { let size = 0; const st = [[x, y]]; seen[y][x] = true; while (st.length) { const [cx, cy] = st.pop(); size++; for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [-1, -1], [1, -1], [-1, 1]]) { const nx = cx + dx, ny = cy + dy; if (ny >= 0 && ny < grid.length && nx >= 0 && nx < grid[0].length && grid[ny][nx] === ch && !seen[ny][nx]) { seen[ny][nx] = true; st.push([nx, ny]); } } } sizes.push(size); } return sizes; }
console.log(components(img, "#"));
const rotate = m => m[0].map((_, c) => m.map(r => r[c]).reverse());
console.log(rotate(img).map(r => r.join("")).join("\n"));
console.log(rotate(rotate(rotate(rotate(img)))).every((r, i) => r.join("") === img[i].join("")));
