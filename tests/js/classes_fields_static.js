class Config {
  static defaults = { debug: false, level: 1 };
  static instances = 0;
  name = "unnamed";
  tags = [];
  id = ++Config.instances;
  computed = this.name + "#" + this.id;
  constructor(name) { if (name) this.name = name; }
  static reset() { Config.instances = 0; return this; }
  static describe() { return `${this.name} with ${this.instances} instances`; }
}
const a = new Config(), b = new Config("custom");
console.log(a, b);
console.log(a.tags === b.tags, Config.defaults, Config.describe());
Config.reset();
console.log(Config.instances, new Config().id);
class Derived extends Config {
  extra = "derived field";
  static kind = "D";
  constructor() { super("derived"); this.after = this.extra.length; }
}
const d = new Derived();
console.log(d, Derived.kind, Derived.defaults === Config.defaults, Derived.describe());
class Arrows {
  value = 7;
  get = () => this.value;
  static make = () => new Arrows();
}
const ar = Arrows.make(); const g = ar.get;
console.log(g(), ar);
class Uninit { x; y = undefined; }
console.log(new Uninit(), Object.keys(new Uninit()));
class Order { a = (console.log("field a"), 1); constructor() { console.log("ctor body"); } b = (console.log("field b"), 2); }
new Order();
class StaticThis { static base = 10; static doubled = StaticThis.base * 2; static ["comp" + "uted"] = "yes"; }
console.log(StaticThis.doubled, StaticThis.computed);
