const frozen = Object.freeze({ a: 1, nested: { b: 2 }, list: [1] });
frozen.a = 99; frozen.c = 3; delete frozen.a;
frozen.nested.b = 20; frozen.list.push(2);
console.log(frozen, Object.keys(frozen));
const returned = Object.freeze([1, 2, 3]);
console.log(returned === Object.freeze(returned));
for (const op of [a => a.push(4), a => a.pop(), a => { a[0] = 9; return a[0]; }, a => { a.length = 0; return a.length; }, a => a.sort(), a => a.reverse()]) {
  try { console.log("result:", op(returned)); } catch (e) { console.log(e.name); }
}
console.log(returned);
class Point { constructor(x, y) { this.x = x; this.y = y; Object.freeze(this); } move(dx) { return new Point(this.x + dx, this.y); } }
const p = new Point(1, 2); p.x = 100;
console.log(p, p.move(5));
const target = { a: 1 };
const r = Object.assign(target, { b: 2 }, [9, 8], "hi");
console.log(r);
const defaults = { color: "red", size: "M", tags: [] };
const opts = Object.assign({}, defaults, { size: "L" });
opts.tags.push("shared");
console.log(opts, defaults.tags);
