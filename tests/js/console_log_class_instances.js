class Empty {}
class Point { constructor(x, y) { this.x = x; this.y = y; } }
class Line { constructor(a, b) { this.a = a; this.b = b; this.meta = { tags: ["t"], created: 0 }; } }
class WithArray { constructor() { this.items = [new Point(0, 0), new Point(1, 1)]; } }
class Base { constructor() { this.base = true; } }
class Derived extends Base { constructor() { super(); this.derived = "yes"; } }
console.log(new Empty(), new Point(1, 2), new Line(new Point(0, 0), new Point(3, 4)));
console.log(new WithArray(), [new Derived(), new Base()]);
console.log({ nested: { deeper: { point: new Point(5, 6) } } });
class Long { constructor() { for (let i = 0; i < 8; i++) this["property" + i] = "value number " + i; } }
console.log(new Long());
const anon = new (class {})();
console.log(anon, [anon]);
class Static { static s = 1; constructor() { this.i = 2; } }
console.log(new Static(), Static.s);
