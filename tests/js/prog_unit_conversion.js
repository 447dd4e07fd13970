const units = { m: 1, km: 1000, cm: 0.01, mm: 0.001, in: 0.0254, ft: 0.3048, yd: 0.9144, mi: 1609.344 };
function convert(value, from, to) { if (!(from in units) || !(to in units)) throw new RangeError(`unknown unit ${!(from in units) ? from : to}`); return (value * units[from]) / units[to]; }
const cases = [[1, "mi", "km"], [100, "cm", "in"], [6, "ft", "m"], [1, "km", "mi"], [12, "in", "ft"], [3, "yd", "ft"], [5, "m", "furlong"]];
for (const [v, f, t] of cases) { try { console.log(`${v} ${f} = ${convert(v, f, t).toFixed(4)} ${t}`); } catch (e) { console.log(e.name + ": " + e.message); } }
const temps = [-40, 0, 37, 100];
console.log(temps.map(c => ({ c, f: (c * 9) / 5 + 32, k: c + 273.15 })));
function formatBytes(n) { const u = ["B", "KiB", "MiB", "GiB", "TiB"]; let i = 0; while (n >= 1024 && i < u.length - 1) { n /= 1024; i++; } return `${i === 0 ? n : n.toFixed(1)} ${u[i]}`; }
console.log([0, 512, 1024, 1536, 1048576, 5e9, 2 ** 50].map(formatBytes));
function duration(s) { const parts = []; for (const [n, l] of [[86400, "d"], [3600, "h"], [60, "m"], [1, "s"]]) { if (s >= n) { parts.push(Math.floor(s / n) + l); s %= n; } } return parts.join(" ") || "0s"; }
console.log([0, 59, 61, 3600, 3661, 90061, 1000000].map(duration));
