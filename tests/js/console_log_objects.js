class Foo { constructor() { this.a = 1; } }
class Bar extends Foo { constructor() { super(); this.b = [1, 2]; } }
console.log(new Foo(), new Bar(), [new Foo()], { foo: new Foo() });
console.log(function named() {}, () => {}, function () {}, class Klass {}, class {}, Math.max, [function f() {}]);
console.log({ f() {}, g: function () {}, h: () => 1 });
console.log(Object.create(null), (() => { const o = Object.create(null); o.x = 1; return o; })());
console.log(Object.create({ inherited: 1 }));
console.log(true, false, [true, false], { t: true });
console.log(null, undefined, [null, undefined], { n: null, u: undefined });
const longObj = {};
for (let i = 0; i < 30; i++) longObj["key" + i] = i;
console.log(longObj);
const medium = { name: "medium object", values: [1, 2, 3], nested: { flag: true, label: "x" } };
console.log(medium);
console.log({ a: "short" }, { b: "x".repeat(80) });
console.log([{ id: 1, name: "one", tags: ["a", "b"] }, { id: 2, name: "two", tags: [] }]);
console.log(Math.PI, -5, 1e21, [1e-7], 0x10);
class Empty {}
console.log(new Empty(), [new Empty()], Empty);
