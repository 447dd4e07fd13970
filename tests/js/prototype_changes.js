// Method lookups keep working when prototypes change (inline-cache invalidation)
class Shape { area() { return 0; } name() { return "shape"; } }
class Square extends Shape { constructor(s) { super(); this.s = s; } area() { return this.s * this.s; } }
const shapes = [new Square(2), new Square(3), new Shape()];
function total() { let t = 0; for (const s of shapes) t += s.area(); return t; }
function names() { return shapes.map(s => s.name()).join(","); }
for (let i = 0; i < 100; i++) total();
console.log(total(), names());
Square.prototype.area = function () { return -1; };
console.log(total());
Shape.prototype.name = function () { return "renamed"; };
console.log(names());
Square.prototype.name = function () { return "square"; };
console.log(names());
delete Square.prototype.name;
console.log(names());
shapes[0].area = () => 1000;
console.log(total());
Object.prototype.extra = "on Object.prototype";
console.log(shapes[2].extra, ({}).extra, [].extra);
delete Object.prototype.extra;
console.log(({}).extra);
const proto = { v: 1 };
const objs = [];
for (let i = 0; i < 5; i++) objs.push(Object.create(proto));
const read = () => objs.map(o => o.v).join("");
console.log(read());
proto.v = 2; console.log(read());
objs[2].v = 9; console.log(read());
delete objs[2].v; console.log(read());
Array.prototype.last = function () { return this[this.length - 1]; };
console.log([1, 2, 3].last());
delete Array.prototype.last;
console.log(typeof [].last);
