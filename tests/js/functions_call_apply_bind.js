function greet(greeting, punct) { return `${greeting}, ${this.name}${punct}`; }
const alice = { name: "Alice" }, bob = { name: "Bob" };
console.log(greet.call(alice, "Hello", "!"), greet.apply(bob, ["Hi", "?"]), greet.apply(alice, ["Yo"]));
const boundAlice = greet.bind(alice);
console.log(boundAlice("Hey", "."), boundAlice.call(bob, "Still", " (bound wins)"));
const partial = greet.bind(bob, "Howdy");
console.log(partial("!!"), partial.length, greet.length, typeof partial);
function sum() { let s = 0; for (let i = 0; i < this.items.length; i++) s += this.items[i]; return s; }
console.log(sum.call({ items: [1, 2, 3] }));
console.log(Math.max.apply(null, [1, 9, 3]), Math.min.call(null, 4, 2, 8));
console.log(Array.prototype.slice.call([1, 2, 3], 1), Array.prototype.join.call(["a", "b"], "+"));
const arrow = () => typeof this;
console.log(arrow.call({ x: 1 }) === arrow(), (() => 42).apply(null, []));
function Point(x, y) { this.x = x; this.y = y; }
const BoundPoint = Point.bind(null, 10);
const bp = new BoundPoint(20);
console.log(bp.x, bp.y, bp instanceof Point);
const counter = { n: 0, inc() { this.n++; return this.n; } };
const incs = [1, 2, 3].map(counter.inc.bind(counter));
console.log(incs, counter.n);
const add = (a, b, c) => a + b + c;
const add1 = add.bind(null, 1), add12 = add1.bind(null, 2);
console.log(add12(3), add12.length, add1.length);
console.log(greet.bind(alice).name, Point.bind(null).name);
