class Logger {
  constructor() { this.lines = []; }
  log(msg) { this.lines.push(msg); return this; }
  static tag() { return "LOG"; }
}
class TimestampLogger extends Logger {
  constructor() { super(); this.t = 0; }
  log(msg) { this.t++; return super.log(`[${this.t}] ${msg}`); }
  static tag() { return super.tag() + "+TS"; }
}
class PrefixLogger extends TimestampLogger {
  log(msg) { return super.log("prefix: " + msg); }
  static tag() { return "P/" + super.tag(); }
}
const pl = new PrefixLogger();
pl.log("a").log("b");
console.log(pl.lines, PrefixLogger.tag());
class Vec { constructor(x) { this.x = x; } plus(o) { return new this.constructor(this.x + o.x); } }
class Vec2 extends Vec { plus(o) { const r = super.plus(o); r.tagged = true; return r; } }
console.log(new Vec2(1).plus(new Vec2(2)));
class A { m() { return "A"; } }
class B extends A { m() { const f = () => super.m(); return f() + "B"; } }
class C extends B { m() { return super.m() + "C"; } }
console.log(new C().m());
class Acc { constructor() { this.total = 0; } add(n) { this.total += n; } }
class DoubleAcc extends Acc { add(n) { super.add(n); super.add(n); } }
const da = new DoubleAcc(); [1, 2, 3].forEach(n => da.add(n)); console.log(da.total);
