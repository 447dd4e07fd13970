const vals = [null, undefined, 0, -0, "", false, NaN, "x", [], {}];
console.log(vals.map(v => v ?? "D"));
console.log(vals.map(v => v || "D"));
function opts({ size, color, count } = {}) { return { size: size ?? 10, color: color ?? "red", count: count ?? 1 }; }
console.log(opts(), opts({ size: 0, color: "", count: null }));
let a = null;
a ??= "assigned";
a ??= "not again";
console.log(a);
const o = { x: 0 };
o.x ??= 5; o.y ??= 6;
console.log(o);
let calls = 0;
const f = () => { calls++; return "f"; };
const r1 = "set" ?? f(), r2 = null ?? f(), r3 = undefined ?? null ?? f();
console.log(r1, r2, r3, calls);
console.log((null || undefined) ?? "x", (0 ?? 1) || 2, null ?? (0 || "y"));
