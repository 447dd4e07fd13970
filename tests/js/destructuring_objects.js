const person = { name: "Ada", age: 36, address: { city: "London", zip: "N1" }, langs: ["en", "fr"] };
const { name, age } = person;
console.log(name, age);
const { name: fullName, missing = "default", age: years = 0 } = person;
console.log(fullName, missing, years);
const { address: { city, country = "UK" }, langs: [firstLang] } = person;
console.log(city, country, firstLang);
const { name: _n, ...rest } = person;
console.log(rest);
const key = "age";
const { [key]: computedAge } = person;
console.log(computedAge);
let a, b;
({ a, b = 5 } = { a: 1 });
console.log(a, b);
function greet({ name, greeting = "Hello" } = {}) { return `${greeting}, ${name}`; }
console.log(greet({ name: "Bob" }), greet({ name: "Eve", greeting: "Hi" }), greet());
const { length } = "hello";
console.log(length);
const { x: { y: { z: deepZ } } } = { x: { y: { z: "deep" } } };
console.log(deepZ);
try { const { p } = null; } catch (e) { console.log(e instanceof TypeError); }
try { const { q: { r } } = {}; } catch (e) { console.log(e instanceof TypeError); }
const list = [{ id: 1, v: "a" }, { id: 2, v: "b" }];
for (const { id, v } of list) console.log(id, v);
console.log(list.map(({ id }) => id * 10));
const { toString: ts } = {};
console.log(typeof ts);
const target = {};
({ a: target.alpha, b: target["beta"] } = { a: "A", b: "B" });
console.log(target);
const { 0: zero, 1: one, length: len } = ["z", "o"];
console.log(zero, one, len);
