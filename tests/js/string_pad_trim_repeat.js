console.log("[" + "  x  ".trim() + "]", "[" + "\t\n\r x \u00a0".trim() + "]", "[" + "".trim() + "]", "[" + "   ".trim() + "]");
console.log("7".padStart(3, "0"), "7".padStart(1, "0"), "abc".padStart(6, ""), "abc".padStart(7, "xy"), "abc".padEnd(7, "xy"), "x".padEnd(3) + "|");
console.log("ab".repeat(0) === "", "ab".repeat(1), "-".repeat(20), "abc".repeat(2.9));
try { "x".repeat(Infinity); } catch (e) { console.log(e.name); }
for (let i = 1; i <= 5; i++) console.log(" ".repeat(5 - i) + "*".repeat(2 * i - 1));
const table = [["id", "name", "score"], [1, "alpha", 9.5], [22, "beta", 10], [333, "gamma", 7.25]];
const widths = table[0].map((_, c) => Math.max(...table.map(r => String(r[c]).length)));
for (const row of table) console.log(row.map((v, c) => (typeof v === "number" ? String(v).padStart(widths[c]) : String(v).padEnd(widths[c]))).join(" | "));
function center(s, w) { const l = Math.floor((w - s.length) / 2); return " ".repeat(Math.max(0, l)) + s + " ".repeat(Math.max(0, w - s.length - l)); }
console.log("[" + center("hi", 8) + "]", "[" + center("odd", 8) + "]", "[" + center("toolong", 3) + "]");
