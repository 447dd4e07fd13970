class Matrix {
  constructor(rows, cols, fill = 0) { this.rows = rows; this.cols = cols; this.data = Array.from({ length: rows }, () => new Array(cols).fill(fill)); }
  static from(arr) { const m = new Matrix(arr.length, arr[0].length); m.data = arr.map(r => r.slice()); return m; }
  static identity(n) { const m = new Matrix(n, n); for (let i = 0; i < n; i++) m.data[i][i] = 1; return m; }
  at(i, j) { return this.data[i][j]; }
  mul(o) { const r = new Matrix(this.rows, o.cols); for (let i = 0; i < this.rows; i++) for (let j = 0; j < o.cols; j++) { let s = 0; for (let k = 0; k < this.cols; k++) s += this.data[i][k] * o.data[k][j]; r.data[i][j] = s; } return r; }
  transpose() { const r = new Matrix(this.cols, this.rows); for (let i = 0; i < this.rows; i++) for (let j = 0; j < this.cols; j++) r.data[j][i] = this.data[i][j]; return r; }
  det() { const n = this.rows, a = this.data.map(r => r.slice()); let d = 1; for (let c = 0; c < n; c++) { let p = c; for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r; if (a[p][c] === 0) return 0; if (p !== c) { [a[p], a[c]] = [a[c], a[p]]; d = -d; } d *= a[c][c]; for (let r = c + 1; r < n; r++) { const f = a[r][c] / a[c][c]; for (let k = c; k < n; k++) a[r][k] -= f * a[c][k]; } } return d; }
  pow(e) { let result = Matrix.identity(this.rows), base = this; while (e > 0) { if (e & 1) result = result.mul(base); base = base.mul(base); e >>= 1; } return result; }
  toString() { return this.data.map(r => r.map(v => String(v).padStart(6)).join("")).join("\n"); }
}
const A = Matrix.from([[1, 2], [3, 4]]);
console.log(String(A.mul(A)), "\n" + A.transpose());
console.log(A.det(), Matrix.from([[2, 0, 1], [1, 3, 2], [1, 1, 1]]).det(), Matrix.identity(4).det(), Matrix.from([[1, 2], [2, 4]]).det());
const fib = Matrix.from([[1, 1], [1, 0]]);
console.log([10, 20, 40, 70, 78].map(n => fib.pow(n).at(0, 1)));
console.log(fib.pow(80).at(0, 1), fib.pow(100).at(0, 1));
const H = new Matrix(4, 4); for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) H.data[i][j] = 1 / (i + j + 1);
console.log(H.det());
console.log(Matrix.from([[1, 2, 3]]).mul(Matrix.from([[4], [5], [6]])).data);
