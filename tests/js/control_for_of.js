const out = [];
for (const x of [1, 2, 3]) out.push(x * 2);
console.log(out);
for (const ch of "héllo") process.stdout.write(ch + ".");
console.log();
for (const [i, v] of [[0, "a"], [1, "b"]]) console.log(i, v);
for (const { name, age = 0 } of [{ name: "x", age: 3 }, { name: "y" }]) console.log(name, age);
const holes = [1, , 3];
for (const h of holes) console.log("hole value:", h);
let s = 0;
for (let v of [10, 20, 30]) { v += 1; s += v; }
console.log(s);
const nested = [[1, 2], [3, 4]];
for (const row of nested) for (const cell of row) process.stdout.write(String(cell));
console.log();
let i = 0;
for (const x of [5, 6, 7, 8]) { if (x === 6) continue; if (x === 8) break; i += x; }
console.log(i);
const grow = [1, 2];
let iterations = 0;
for (const g of grow) { if (grow.length < 5) grow.push(g * 10); iterations++; }
console.log(grow, iterations);
let target;
for (target of ["p", "q"]) {}
console.log(target);
const obj = {};
for (obj.key of ["last"]) {}
console.log(obj);
for (const c of "") console.log("never");
console.log([..."abc"].reverse().join(""));
