const inventory = { apples: 5, pears: 0, plums: 12 };
console.log(Object.keys(inventory), Object.values(inventory), Object.entries(inventory));
const total = Object.values(inventory).reduce((a, b) => a + b, 0);
const inStock = Object.entries(inventory).filter(([, n]) => n > 0).map(([k]) => k);
console.log(total, inStock);
const inverted = {};
for (const [k, v] of Object.entries({ a: "x", b: "y", c: "x" })) (inverted[v] = inverted[v] || []).push(k);
console.log(inverted);
console.log(Object.keys([]), Object.values([7, , 9]), Object.entries("ab"), Object.keys(function f(a) {}));
class C { constructor() { this.x = 1; } m() {} }
console.log(Object.keys(new C()), Object.values(new C()), Object.entries(C.prototype));
const doubled = {};
Object.keys(inventory).forEach(k => { doubled[k] = inventory[k] * 2; });
console.log(doubled, Object.keys(doubled).length === Object.keys(inventory).length);
