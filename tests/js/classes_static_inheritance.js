class Registry {
  static items = [];
  static register(x) { this.items.push(x); return this; }
  static count() { return this.items.length; }
  static create(...args) { return new this(...args); }
}
class Sub extends Registry { constructor(name) { super(); this.name = name; } static describe() { return `Sub with ${this.count()} (${super.count()})`; } }
Registry.register("a").register("b");
Sub.register("c");
console.log(Registry.count(), Sub.count(), Sub.items === Registry.items, Sub.describe());
const s = Sub.create("made");
console.log(s, s instanceof Sub, s instanceof Registry);
class Own extends Registry { static items = ["own"]; }
Own.register("x");
console.log(Own.items, Registry.items);
class Temperature {
  constructor(c) { this.c = c; }
  static fromF(f) { return new Temperature(((f - 32) * 5) / 9); }
  static compare(a, b) { return a.c - b.c; }
  toString() { return `${this.c.toFixed(1)}C`; }
}
const temps = [new Temperature(20), Temperature.fromF(212), Temperature.fromF(-40), new Temperature(-3.5)];
console.log(temps.sort(Temperature.compare).map(String));
console.log(typeof Temperature.fromF, Object.keys(Temperature), Temperature.name);
