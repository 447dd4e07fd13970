const a = [1, 2, 3];
console.log(a.length);
a.push(4); console.log(a.length);
a[9] = 10; console.log(a.length);
a.length = 3; console.log(a.length, a);
a.pop(); a.shift(); console.log(a.length, a);
a.unshift(0, 0, 0); console.log(a.length);
a.splice(1, 2); console.log(a.length, a);
const lengths = [];
const b = [];
for (let i = 0; i < 5; i++) { b[b.length] = i; lengths.push(b.length); }
console.log(lengths);
const s = "hello"; console.log(s.length, (s + s).length, s.slice(1).length, "".length);
function f(a, b, c) {} console.log(f.length, ((...r) => 0).length, ((x, y = 1) => 0).length);
const holey = [, , ,]; console.log(holey.length);
const c = new Array(7); console.log(c.length); c.fill(1); console.log(c.length);
const d = [1, 2, 3]; d.length = 0; d.push("x"); console.log(d.length, d);
const e = [1, 2, 3];
let count = 0;
for (let i = 0; i < e.length; i++) { if (e.length < 6) e.push(i); count++; }
console.log(count, e.length);
const obj = { length: 5 }; obj.length++; console.log(obj.length);
const arrs = [[], [1], [1, 2]]; console.log(arrs.map(x => x.length), arrs.length);
console.log([..."abc"].length, Object.keys({ a: 1, b: 2 }).length, [1, [2, 3]].length);
