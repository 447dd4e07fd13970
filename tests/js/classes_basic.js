class Point {
  constructor(x, y) { this.x = x; this.y = y; }
  add(o) { return new Point(this.x + o.x, this.y + o.y); }
  len() { return Math.hypot(this.x, this.y); }
  toString() { return `(${this.x}, ${this.y})`; }
  static origin() { return new Point(0, 0); }
}
const p = new Point(3, 4);
console.log(p, p.len(), String(p.add(new Point(1, 1))), `${Point.origin()}`);
console.log(typeof Point, p instanceof Point, p.constructor === Point, Object.getPrototypeOf(p) === Point.prototype);
console.log(Object.keys(p), p.hasOwnProperty("add"), "add" in p, Point.name, Point.origin.name);
try { Point(1, 2); } catch (e) { console.log(e instanceof TypeError, e.message); }
class Empty {}
console.log(new Empty(), typeof new Empty(), Object.keys(new Empty()));
const Anon = class { hi() { return "anon hi"; } };
console.log(new Anon().hi(), Anon.name);
const Named = class Inner { who() { return Inner.name; } };
console.log(new Named().who());
class Chain { constructor() { this.v = 0; } inc() { this.v++; return this; } }
console.log(new Chain().inc().inc().inc().v);
class WithComputed { ["dyn" + "amic"]() { return "computed method"; } }
console.log(new WithComputed().dynamic());
class Ret { constructor() { return { replaced: true }; } }
console.log(new Ret());
console.log(typeof Point.prototype.add);
console.log(Object.keys(Point.prototype));
