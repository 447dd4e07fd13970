function rng(seed) { let s = seed; return () => (s = (s * 16807) % 2147483647); }
const r = rng(7);
const data = []; for (let i = 0; i < 300; i++) data.push(r() % 1000);
function bubble(a) { a = a.slice(); for (let i = 0; i < a.length; i++) for (let j = 0; j < a.length - 1 - i; j++) if (a[j] > a[j + 1]) { const t = a[j]; a[j] = a[j + 1]; a[j + 1] = t; } return a; }
function insertion(a) { a = a.slice(); for (let i = 1; i < a.length; i++) { const v = a[i]; let j = i - 1; while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; } a[j + 1] = v; } return a; }
function quick(a) { if (a.length < 2) return a; const [p, ...rest] = a; return [...quick(rest.filter(x => x < p)), p, ...quick(rest.filter(x => x >= p))]; }
function merge(a) { if (a.length < 2) return a; const m = a.length >> 1, l = merge(a.slice(0, m)), rr = merge(a.slice(m)); const out = []; let i = 0, j = 0; while (i < l.length && j < rr.length) out.push(l[i] <= rr[j] ? l[i++] : rr[j++]); return out.concat(l.slice(i), rr.slice(j)); }
function heap(a) { a = a.slice(); const n = a.length; const sift = (i, size) => { for (;;) { let m = i; const l = 2 * i + 1, rt = l + 1; if (l < size && a[l] > a[m]) m = l; if (rt < size && a[rt] > a[m]) m = rt; if (m === i) return; [a[i], a[m]] = [a[m], a[i]]; i = m; } }; for (let i = (n >> 1) - 1; i >= 0; i--) sift(i, n); for (let e = n - 1; e > 0; e--) { [a[0], a[e]] = [a[e], a[0]]; sift(0, e); } return a; }
function counting(a) { const c = new Array(1000).fill(0); for (const x of a) c[x]++; const out = []; c.forEach((k, v) => { for (let i = 0; i < k; i++) out.push(v); }); return out; }
const ref = data.slice().sort((a, b) => a - b);
for (const [name, f] of [["bubble", bubble], ["insertion", insertion], ["quick", quick], ["merge", merge], ["heap", heap], ["counting", counting]]) {
  const out = f(data);
  console.log(name.padEnd(10), out.length, out.every((v, i) => v === ref[i]), out.slice(0, 5).join(" "), out.slice(-3).join(" "));
}
console.log(data.slice(0, 10));
