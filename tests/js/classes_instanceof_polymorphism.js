class Expr { eval() { throw new Error("abstract"); } }
class Num extends Expr { constructor(v) { super(); this.v = v; } eval() { return this.v; } toString() { return String(this.v); } }
class Add extends Expr { constructor(a, b) { super(); this.a = a; this.b = b; } eval() { return this.a.eval() + this.b.eval(); } toString() { return `(${this.a} + ${this.b})`; } }
class Mul extends Expr { constructor(a, b) { super(); this.a = a; this.b = b; } eval() { return this.a.eval() * this.b.eval(); } toString() { return `${this.a} * ${this.b}`; } }
class Neg extends Expr { constructor(a) { super(); this.a = a; } eval() { return -this.a.eval(); } toString() { return `-${this.a}`; } }
const e = new Add(new Mul(new Num(3), new Num(4)), new Neg(new Add(new Num(1), new Num(2))));
console.log(String(e), "=", e.eval());
function simplify(x) {
  if (x instanceof Add) { const a = simplify(x.a), b = simplify(x.b); if (a instanceof Num && b instanceof Num) return new Num(a.v + b.v); return new Add(a, b); }
  if (x instanceof Mul) { const a = simplify(x.a), b = simplify(x.b); if (a instanceof Num && a.v === 0) return new Num(0); if (a instanceof Num && b instanceof Num) return new Num(a.v * b.v); return new Mul(a, b); }
  if (x instanceof Neg) { const a = simplify(x.a); return a instanceof Num ? new Num(-a.v) : new Neg(a); }
  return x;
}
console.log(String(simplify(e)), simplify(e) instanceof Num);
try { new Expr().eval(); } catch (err) { console.log(err.message); }
const kinds = [new Num(1), new Add(new Num(1), new Num(1)), new Neg(new Num(0)), new Mul(new Num(0), new Num(5))];
console.log(kinds.map(k => k.constructor.name + ":" + k.eval()));
console.log(kinds.map(k => [k instanceof Expr, k instanceof Num, k instanceof Add]));
