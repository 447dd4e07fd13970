// Exports a class as module.exports, with a static helper using another module
const { square } = require("./math_utils");
class Vec2 {
  constructor(x, y) { this.x = x; this.y = y; }
  len() { return Math.sqrt(square(this.x) + square(this.y)); }
  add(o) { return new Vec2(this.x + o.x, this.y + o.y); }
  static zero() { return new Vec2(0, 0); }
}
module.exports = Vec2;
