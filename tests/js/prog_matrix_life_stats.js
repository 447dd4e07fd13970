// Statistics helpers over arrays of numbers
const data = [2, 4, 4, 4, 5, 5, 7, 9, 12, 3, 8, 8, 8, 1];
const mean = a => a.reduce((s, x) => s + x, 0) / a.length;
const median = a => { const s = a.slice().sort((x, y) => x - y), m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const mode = a => { const c = {}; let best = null; for (const x of a) { c[x] = (c[x] || 0) + 1; if (best === null || c[x] > c[best] || (c[x] === c[best] && x < best)) best = x; } return best; };
const variance = a => { const m = mean(a); return a.reduce((s, x) => s + (x - m) ** 2, 0) / a.length; };
const stddev = a => Math.sqrt(variance(a));
const percentile = (a, p) => { const s = a.slice().sort((x, y) => x - y); const idx = (p / 100) * (s.length - 1); const lo = Math.floor(idx), hi = Math.ceil(idx); return s[lo] + (s[hi] - s[lo]) * (idx - lo); };
console.log(mean(data), median(data), mode(data), variance(data).toFixed(6), stddev(data).toFixed(6));
console.log([0, 25, 50, 75, 90, 100].map(p => percentile(data, p)));
const xs = [1, 2, 3, 4, 5, 6], ys = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2];
const mx = mean(xs), my = mean(ys);
const slope = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
const intercept = my - slope * mx;
const r = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / Math.sqrt(xs.reduce((s, x) => s + (x - mx) ** 2, 0) * ys.reduce((s, y) => s + (y - my) ** 2, 0));
console.log(slope.toFixed(6), intercept.toFixed(6), r.toFixed(6));
const hist = {}; for (const x of data) { const bucket = Math.floor(x / 3) * 3; hist[bucket] = (hist[bucket] || "") + "#"; }
for (const k of Object.keys(hist)) console.log(`${k.padStart(2)}-${String(+k + 2).padEnd(2)} ${hist[k]}`);
