// JSON.stringify replacers and toJSON, JSON.parse reviver
console.log(JSON.stringify({ a: 1, b: 2, c: 3 }, ["a", "c"]));
console.log(JSON.stringify({ a: 1, b: "x", c: { d: 2 } }, (k, v) => (typeof v === "number" ? v * 10 : v)));
console.log(JSON.stringify({ toJSON() { return { replaced: true }; } }));
const rev = JSON.parse('{"a":1,"b":[1,2],"c":{"d":3}}', (k, val) => (typeof val === "number" ? val + 100 : val));
console.log(rev);
