const sales = [{ region: "north", q: [120.5, 98, 143.25, 160] }, { region: "south", q: [80, 95.75, 70, 110] }, { region: "east", q: [0, 0, 12.5, 40] }];
const fmt = n => n.toFixed(2).padStart(8);
console.log(`${"region".padEnd(8)}|${["Q1", "Q2", "Q3", "Q4", "total"].map(h => h.padStart(8)).join("")}`);
console.log(`${"-".repeat(8)}+${"-".repeat(40)}`);
for (const { region, q } of sales) console.log(`${region.padEnd(8)}|${q.map(fmt).join("")}${fmt(q.reduce((a, b) => a + b))}`);
const totals = [0, 1, 2, 3].map(i => sales.reduce((s, r) => s + r.q[i], 0));
console.log(`${"all".padEnd(8)}|${totals.map(fmt).join("")}${fmt(totals.reduce((a, b) => a + b))}`);
const best = sales.map(s => ({ region: s.region, best: Math.max(...s.q), quarter: s.q.indexOf(Math.max(...s.q)) + 1 }));
console.log(best.map(b => `${b.region}: best Q${b.quarter} (${b.best})`).join("; "));
