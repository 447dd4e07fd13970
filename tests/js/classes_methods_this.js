class Counter {
  constructor() { this.count = 0; this.boundInc = this.inc.bind(this); }
  inc() { this.count++; return this.count; }
  arrowLater = () => this.count * 100;
}
const c = new Counter();
const { boundInc, arrowLater } = c;
boundInc(); boundInc();
console.log(c.count, arrowLater());
const unbound = c.inc;
console.log(typeof unbound, unbound === Counter.prototype.inc);
const other = { count: 10, inc: c.inc };
console.log(other.inc(), c.count);
class Calc {
  constructor(v = 0) { this.v = v; }
  add(n) { this.v += n; return this; }
  mul(n) { this.v *= n; return this; }
  apply(fns) { fns.forEach(f => f.call(this)); return this; }
  value() { return this.v; }
}
console.log(new Calc(2).add(3).mul(4).value(), new Calc().apply([function () { this.v = 7; }, function () { this.v *= 2; }]).value());
class Node2 { constructor(v, kids = []) { this.v = v; this.kids = kids; } sum() { return this.v + this.kids.reduce((s, k) => s + k.sum(), 0); } depth() { return 1 + Math.max(0, ...this.kids.map(k => k.depth())); } }
const tree = new Node2(1, [new Node2(2, [new Node2(4)]), new Node2(3, [new Node2(5, [new Node2(6)])])]);
console.log(tree.sum(), tree.depth());
