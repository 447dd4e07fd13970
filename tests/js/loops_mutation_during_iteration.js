const arr = [1, 2, 3, 4];
const seen = [];
for (const x of arr) { seen.push(x); if (x === 2) arr.push(5); if (arr.length > 6) break; }
console.log(seen, arr);
const shrink = [1, 2, 3, 4, 5, 6];
const visited = [];
for (let i = 0; i < shrink.length; i++) { visited.push(shrink[i]); if (shrink[i] % 2 === 0) shrink.splice(i, 1); }
console.log(visited, shrink);
const forEachSeen = [];
const fe = [1, 2, 3];
fe.forEach((x, i) => { forEachSeen.push(x); if (i === 0) { fe.push(99); fe[2] = "changed"; } });
console.log(forEachSeen, fe);
const mapped = [1, 2, 3].map((x, i, a) => { if (i === 0) a.pop(); return x * 10; });
console.log(mapped);
const obj = { a: 1, b: 2, c: 3 };
const keys = [];
for (const k in obj) { keys.push(k); if (k === "a") { delete obj.b; obj.d = 4; } }
console.log(keys, obj);
const removeEvens = a => { for (let i = a.length - 1; i >= 0; i--) if (a[i] % 2 === 0) a.splice(i, 1); return a; };
console.log(removeEvens([1, 2, 3, 4, 5, 6, 8, 9]));
