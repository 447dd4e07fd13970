class A {} class B extends A {} function F() {}
let a = new A(), b = new B(), f = new F();
console.log(a instanceof A, a instanceof B, b instanceof A, b instanceof B, b instanceof Object);
console.log(f instanceof F, f instanceof Object, [] instanceof Array, [] instanceof Object, ({}) instanceof Array);
console.log(typeof F, typeof A, (() => 1) instanceof Object, "s" instanceof String, 5 instanceof Number);
console.log(new Error("x") instanceof Error, new TypeError("t") instanceof Error, new RangeError() instanceof TypeError);
let o = { x: 1, y: undefined };
console.log("x" in o, "y" in o, "z" in o, "toString" in o, "hasOwnProperty" in o);
let arr = [10, , 30];
console.log(0 in arr, 1 in arr, 2 in arr, 3 in arr, "length" in arr, "2" in arr);
console.log("v" in { v: 0 }, "constructor" in a, "x" in Object.create(o));
try { "x" in 5; } catch (e) { console.log(e instanceof TypeError); }
try { ({}) instanceof 5; } catch (e) { console.log(e instanceof TypeError); }
let proto = { greet() { return "hi"; } };
let child = Object.create(proto);
console.log(Object.getPrototypeOf(child) === proto, child.greet(), "greet" in child, child.hasOwnProperty("greet"));
console.log(typeof a, typeof A, typeof null, typeof [], typeof NaN);
let nullProto = Object.create(null);
console.log(typeof nullProto, nullProto instanceof Object, Object.getPrototypeOf(nullProto));
