function gcd(a, b) { a = Math.abs(a); b = Math.abs(b); while (b) [a, b] = [b, a % b]; return a; }
class Fraction {
  constructor(n, d = 1) { if (d === 0) throw new RangeError("zero denominator"); const g = gcd(n, d) || 1; const s = d < 0 ? -1 : 1; this.n = (s * n) / g; this.d = (s * d) / g; }
  add(o) { return new Fraction(this.n * o.d + o.n * this.d, this.d * o.d); }
  sub(o) { return new Fraction(this.n * o.d - o.n * this.d, this.d * o.d); }
  mul(o) { return new Fraction(this.n * o.n, this.d * o.d); }
  div(o) { return new Fraction(this.n * o.d, this.d * o.n); }
  equals(o) { return this.n === o.n && this.d === o.d; }
  valueOf() { return this.n / this.d; }
  toString() { return this.d === 1 ? `${this.n}` : `${this.n}/${this.d}`; }
}
let h = new Fraction(0);
for (let i = 1; i <= 10; i++) h = h.add(new Fraction(1, i));
console.log(`H10 = ${h}`, +h, h > 2.9);
console.log(String(new Fraction(6, -8)), String(new Fraction(1, 3).mul(new Fraction(3))), String(new Fraction(1, 2).div(new Fraction(1, 4))), new Fraction(2, 4).equals(new Fraction(1, 2)));
try { new Fraction(1, 0); } catch (e) { console.log(e.name, e.message); }
let egypt = new Fraction(5, 121), parts = [];
while (egypt.n !== 0 && parts.length < 5) { const c = Math.ceil(egypt.d / egypt.n); parts.push(`1/${c}`); egypt = egypt.sub(new Fraction(1, c)); }
console.log(parts.join(" + "));
class Complex {
  constructor(re, im) { this.re = re; this.im = im; }
  add(o) { return new Complex(this.re + o.re, this.im + o.im); }
  mul(o) { return new Complex(this.re * o.re - this.im * o.im, this.re * o.im + this.im * o.re); }
  abs() { return Math.hypot(this.re, this.im); }
  toString() { return `${this.re}${this.im < 0 || Object.is(this.im, -0) ? "-" : "+"}${Math.abs(this.im)}i`; }
}
const i = new Complex(0, 1);
console.log(String(i.mul(i)), String(new Complex(1, 2).mul(new Complex(3, -4))), new Complex(3, 4).abs());
let z = new Complex(1, 0); const w = new Complex(Math.cos(Math.PI / 6), Math.sin(Math.PI / 6));
for (let k = 0; k < 12; k++) z = z.mul(w);
console.log(z.re.toFixed(10), z.im.toFixed(10));
