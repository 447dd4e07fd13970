class Shape {
  static count = 0;
  constructor(name) { this.name = name; Shape.count++; }
  area() { return 0; }
  perimeter() { return 0; }
  scale(k) { throw new Error(`${this.name} cannot scale`); }
  describe() { return `${this.name.padEnd(9)} area=${this.area().toFixed(3).padStart(8)} perim=${this.perimeter().toFixed(3).padStart(7)}`; }
}
class Circle extends Shape { constructor(r) { super("circle"); this.r = r; } area() { return Math.PI * this.r * this.r; } perimeter() { return 2 * Math.PI * this.r; } scale(k) { return new Circle(this.r * k); } }
class Rect extends Shape { constructor(w, h, name = "rect") { super(name); this.w = w; this.h = h; } area() { return this.w * this.h; } perimeter() { return 2 * (this.w + this.h); } scale(k) { return new Rect(this.w * k, this.h * k); } }
class Square extends Rect { constructor(s) { super(s, s, "square"); } scale(k) { return new Square(this.w * k); } }
class Triangle extends Shape { constructor(a, b, c) { super("triangle"); Object.assign(this, { a, b, c }); } perimeter() { return this.a + this.b + this.c; } area() { const s = this.perimeter() / 2; return Math.sqrt(s * (s - this.a) * (s - this.b) * (s - this.c)); } }
const shapes = [new Circle(1), new Rect(2, 3), new Square(2), new Triangle(3, 4, 5), new Circle(0.5)];
for (const s of shapes) console.log(s.describe());
const scaled = shapes.map(s => { try { return s.scale(2); } catch (e) { return e.message; } });
console.log(scaled.map(s => (typeof s === "string" ? s : `${s.name}:${s.area().toFixed(2)}`)));
console.log(Shape.count, shapes.filter(s => s instanceof Rect).length, shapes.reduce((m, s) => (s.area() > m.area() ? s : m)).name);
const byType = {};
for (const s of shapes) (byType[s.constructor.name] = byType[s.constructor.name] || []).push(+s.area().toFixed(2));
console.log(byType);
console.log(shapes.slice().sort((a, b) => a.perimeter() - b.perimeter()).map(s => s.name));
