let name = "kiln", n = 3;
console.log(`hello ${name}`, `${n} + ${n} = ${n + n}`, `${"nested " + `inner ${n * 2}`}`);
console.log(`multi
line ${name}
end`);
console.log(`${[1, 2, 3]}|${{}}|${null}|${undefined}|${true}|${-0}|${1e21}`);
console.log(`\${escaped}`, `a\tb`, `\u0041`, `$notexpr`, `${"$"}{x}`);
const fn = x => `<${x}>`;
console.log(`${fn(`${fn("deep")}`)}`);
let parts = [];
for (let i = 0; i < 3; i++) parts.push(`item${i}=${i * i}`);
console.log(parts.join(`, `));
const o = { toString() { return "OBJ"; } };
console.log(`${o}`, `${[o, o]}`, `${(() => "iife")()}`, `${n > 2 ? "big" : "small"}`);
console.log(``.length, `${""}`.length, typeof `x`);
