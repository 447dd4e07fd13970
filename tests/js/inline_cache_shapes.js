// Same property names in different orders / shapes: lookups must stay correct
function getX(o) { return o.x; }
const objs = [{ x: 1 }, { y: 2, x: 3 }, { z: 0, y: 0, x: 5 }, { x: 7, w: 1 }, Object.create({ x: 11 }), { a: 1, b: 2, c: 3, d: 4, x: 13 }];
let s = 0;
for (let i = 0; i < 1000; i++) s += getX(objs[i % objs.length]);
console.log(s);
function setY(o, v) { o.y = v; return o; }
const made = [];
for (let i = 0; i < 6; i++) { const o = i % 2 ? { a: i } : { b: i, c: i }; setY(o, i * 10); made.push(o); }
console.log(made);
class A { constructor() { this.p = 1; } get() { return this.p; } }
class B { constructor() { this.q = 0; this.p = 2; } get() { return this.p * 10; } }
class C extends A { constructor() { super(); this.p = 3; } }
const mixed = [new A(), new B(), new C(), { p: 4, get() { return this.p * 100; } }];
let t = 0;
for (let i = 0; i < 400; i++) t += mixed[i % 4].get();
console.log(t);
const grow = {};
for (let i = 0; i < 50; i++) grow["k" + i] = i;
let gs = 0;
for (const k in grow) gs += grow[k];
console.log(gs, Object.keys(grow).length, grow.k49, grow.k0);
const del = { a: 1, b: 2, c: 3 };
delete del.b; del.d = 4; del.b = 5;
console.log(del, Object.keys(del));
function readAll(o) { return [o.a, o.b, o.c, o.d]; }
console.log(readAll(del), readAll({ d: 1 }), readAll({ c: 1, a: 2 }));
const arrLike = [{ length: 3 }, [1, 2, 3], "abc", { length: "x" }];
console.log(arrLike.map(v => v.length));
