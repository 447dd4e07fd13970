class Animal {
  constructor(name) { this.name = name; this.sound = "..."; }
  speak() { return `${this.name} says ${this.sound}`; }
  describe() { return `${this.constructor.name}(${this.name})`; }
  static create(name) { return new this(name); }
}
class Dog extends Animal {
  constructor(name) { super(name); this.sound = "woof"; }
  speak() { return super.speak() + "!"; }
}
class Puppy extends Dog {
  constructor(name) { super(name + " jr"); this.sound = "yip"; }
  speak() { return "(small) " + super.speak(); }
}
const animals = [new Animal("generic"), new Dog("rex"), new Puppy("rex"), Dog.create("fido"), Puppy.create("p")];
for (const a of animals) console.log(a.speak(), "|", a.describe(), a instanceof Dog);
console.log(animals[2]);
console.log(Object.getPrototypeOf(Puppy) === Dog, Object.getPrototypeOf(Dog.prototype) === Animal.prototype);
class NoCtor extends Animal { extra() { return this.name.toUpperCase(); } }
const nc = new NoCtor("implicit");
console.log(nc.extra(), nc.speak());
class Base { constructor() { this.kind = this.getKind(); } getKind() { return "base"; } }
class Derived extends Base { getKind() { return "derived"; } }
console.log(new Derived().kind, new Base().kind);
class A { constructor() { this.a = 1; } }
class B extends A { constructor() { try { this.b = 2; } catch (e) { console.log("this before super:", e.name); } super(); this.b = 2; } }
console.log(new B());
class Shape { area() { return 0; } toString() { return `${this.constructor.name} area=${this.area().toFixed(2)}`; } }
class Circle extends Shape { constructor(r) { super(); this.r = r; } area() { return Math.PI * this.r ** 2; } }
class Sq extends Shape { constructor(s) { super(); this.s = s; } area() { return this.s * this.s; } }
console.log([new Circle(1), new Sq(2), new Shape()].map(String));
class ExtArr extends Array {}
class Counter { static count = 0; constructor() { Counter.count++; } }
class SubCounter extends Counter { constructor() { super(); SubCounter.subs = (SubCounter.subs || 0) + 1; } }
new Counter(); new SubCounter(); new SubCounter();
console.log(Counter.count, SubCounter.subs, SubCounter.count);
