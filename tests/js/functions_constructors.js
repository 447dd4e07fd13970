function Animal(name) { this.name = name; this.legs = 4; }
Animal.prototype.describe = function () { return `${this.name} has ${this.legs} legs`; };
Animal.prototype.kind = "animal";
Animal.create = function (n) { return new Animal(n); };
const a = new Animal("cat");
console.log(a.describe(), a.kind, a.hasOwnProperty("kind"), Object.keys(a), a instanceof Animal, a.constructor === Animal);
function Bird(name) { Animal.call(this, name); this.legs = 2; }
Bird.prototype = Object.create(Animal.prototype);
Bird.prototype.constructor = Bird;
Bird.prototype.fly = function () { return this.name + " flies"; };
const b = new Bird("robin");
console.log(b.describe(), b.fly(), b instanceof Bird, b instanceof Animal, Object.getPrototypeOf(Object.getPrototypeOf(b)) === Animal.prototype);
console.log(Animal.create("dog").describe());
function ReturnsObject() { this.ignored = true; return { replaced: 1 }; }
function ReturnsPrimitive() { this.kept = true; return 5; }
console.log(new ReturnsObject(), new ReturnsPrimitive());
Animal.prototype.describe = function () { return "changed: " + this.name; };
console.log(a.describe(), b.describe());
a.describe = function () { return "own method"; };
console.log(a.describe(), new Animal("x").describe());
delete a.describe;
console.log(a.describe());
function Counter() { if (!(this instanceof Counter)) return new Counter(); this.n = 0; }
console.log(Counter() instanceof Counter, new Counter().n);
const arrowCtor = () => {};
try { new arrowCtor(); } catch (e) { console.log(e instanceof TypeError); }
try { new Math.max(); } catch (e) { console.log(e instanceof TypeError); }
console.log(typeof Animal.prototype, Animal.prototype.constructor === Animal, Object.keys(Animal.prototype));
