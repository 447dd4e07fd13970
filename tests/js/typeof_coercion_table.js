const vals = [undefined, null, true, false, 0, -0, 1, -1.5, NaN, Infinity, "", "0", "1", "abc", " ", [], [0], [1, 2], {}];
const show = v => (typeof v === "string" ? JSON.stringify(v) : Array.isArray(v) ? `[${v}]` : v !== null && typeof v === "object" ? "{}" : Object.is(v, -0) ? "-0" : String(v));
console.log("value".padEnd(10), "Number".padEnd(10), "String".padEnd(16), "Boolean".padEnd(8), "!!");
for (const v of vals) console.log(show(v).padEnd(10), String(Number(v)).padEnd(10), JSON.stringify(String(v)).padEnd(16), String(v ? true : false).padEnd(8), String(!!v));
