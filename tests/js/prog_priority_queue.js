class MinHeap {
  constructor(cmp = (a, b) => a - b) { this.a = []; this.cmp = cmp; }
  size() { return this.a.length; }
  push(v) { const a = this.a; a.push(v); let i = a.length - 1; while (i > 0) { const p = (i - 1) >> 1; if (this.cmp(a[i], a[p]) >= 0) break; [a[i], a[p]] = [a[p], a[i]]; i = p; } }
  pop() { const a = this.a, top = a[0], last = a.pop(); if (a.length) { a[0] = last; let i = 0; for (;;) { const l = 2 * i + 1, r = l + 1; let m = i; if (l < a.length && this.cmp(a[l], a[m]) < 0) m = l; if (r < a.length && this.cmp(a[r], a[m]) < 0) m = r; if (m === i) break; [a[i], a[m]] = [a[m], a[i]]; i = m; } } return top; }
  peek() { return this.a[0]; }
}
const h = new MinHeap();
for (const v of [5, 3, 8, 1, 9, 2, 7, 1]) h.push(v);
const out = []; while (h.size()) out.push(h.pop());
console.log(out, h.pop(), h.peek());
const tasks = new MinHeap((x, y) => x.pri - y.pri || x.seq - y.seq);
[["write", 2], ["test", 1], ["deploy", 3], ["lint", 1], ["review", 2]].forEach(([name, pri], seq) => tasks.push({ name, pri, seq }));
const order = []; while (tasks.size()) order.push(tasks.pop().name);
console.log(order.join(" -> "));
function kSmallest(arr, k) { const mh = new MinHeap((a, b) => b - a); for (const x of arr) { mh.push(x); if (mh.size() > k) mh.pop(); } return mh.a.slice().sort((a, b) => a - b); }
const data = []; let s = 1; for (let i = 0; i < 1000; i++) { s = (s * 48271) % 2147483647; data.push(s % 10000); }
console.log(kSmallest(data, 5), data.slice().sort((a, b) => a - b).slice(0, 5));
function mergeSorted(lists) { const mh = new MinHeap((a, b) => a[0] - b[0]); lists.forEach((l, i) => l.length && mh.push([l[0], i, 0])); const res = []; while (mh.size()) { const [v, i, j] = mh.pop(); res.push(v); if (j + 1 < lists[i].length) mh.push([lists[i][j + 1], i, j + 1]); } return res; }
console.log(mergeSorted([[1, 4, 9], [2, 3, 10, 11], [], [0, 5]]));
