// A custom pretty printer compared with JSON.stringify(v, null, 2)
function pretty(v, indent = "") {
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  const inner = indent + "  ";
  if (Array.isArray(v)) return v.length === 0 ? "[]" : "[\n" + v.map(x => inner + (x === undefined ? "null" : pretty(x, inner))).join(",\n") + "\n" + indent + "]";
  const keys = Object.keys(v).filter(k => v[k] !== undefined);
  return keys.length === 0 ? "{}" : "{\n" + keys.map(k => inner + JSON.stringify(k) + ": " + pretty(v[k], inner)).join(",\n") + "\n" + indent + "}";
}
const samples = [{ a: 1, b: [1, 2, { c: "x" }], d: {}, e: [], f: null, g: undefined }, [[], [[]], {}], "str", 42, { "quoted key": "v\n", nested: { deeper: { deepest: [true, false] } } }];
for (const s of samples) { const mine = pretty(s), ref = JSON.stringify(s, null, 2); console.log(mine === ref); }
console.log(pretty(samples[0]));
