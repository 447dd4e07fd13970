const matrix = [[1, 2, 3], [4, -5, 6], [7, 8, -9], [10, 11, 12]];
let firstNeg = null;
search: for (let r = 0; r < matrix.length; r++) {
  for (let c = 0; c < matrix[r].length; c++) {
    if (matrix[r][c] < 0) { firstNeg = [r, c]; break search; }
  }
}
console.log(firstNeg);
const rowSums = [];
rows: for (const row of matrix) {
  let sum = 0;
  for (const v of row) { if (v < 0) { rowSums.push("skip"); continue rows; } sum += v; }
  rowSums.push(sum);
}
console.log(rowSums);
let iterations = 0;
outer: while (true) {
  inner: do {
    iterations++;
    if (iterations % 5 === 0) continue outer;
    if (iterations > 12) break outer;
  } while (iterations % 3 !== 0);
}
console.log(iterations);
let log = [];
a: for (let i = 0; i < 3; i++) {
  b: for (let j = 0; j < 3; j++) {
    c: for (let k = 0; k < 3; k++) {
      if (k === 1) continue b;
      if (j === 2) continue a;
      if (i === 2) break a;
      log.push(`${i}${j}${k}`);
    }
  }
}
console.log(log.join(" "));
let found = false;
lbl: for (const k in { x: 1, y: 2, z: 3 }) { for (const ch of "xyz") { if (k === ch && k === "y") { found = k; break lbl; } } }
console.log(found);
