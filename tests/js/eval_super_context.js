// `super` inside direct eval: allowed where the caller's nearest non-arrow function allows
// it (a method for super.x, a derived constructor's... not tested: super() in eval), a
// SyntaxError thrown by eval otherwise (also for indirect eval), before anything runs.
function kind(f) {
  try {
    return String(f());
  } catch (e) {
    return e.constructor.name;
  }
}
const base = { greet() { return "base " + this.name; }, tag: 262 };
const obj = {
  name: "obj",
  method() { return eval("super.tag"); },
  call() { return eval("super.greet()"); },
  arrow() { return (() => eval("super['tag']"))(); },
  nested() { return eval("eval('super.tag')"); },
  indirect() { return (0, eval)("super.tag"); },
  superCall() { return eval("super()"); },
};
Object.setPrototypeOf(obj, base);
let touched = false;
const rows = [
  ["method", () => obj.method()],
  ["call keeps this", () => obj.call()],
  ["arrow in method", () => obj.arrow()],
  ["eval in eval", () => obj.nested()],
  ["indirect", () => obj.indirect()],
  ["super() in method", () => obj.superCall()],
  ["plain function", function () { return eval("super.x"); }],
  ["plain function, args not run", function () { return eval("super[touched = true]"); }],
  ["top-level arrow", () => eval("super.x")],
  ["super() in function", function () { return eval("super()"); }],
];
for (const [name, f] of rows) console.log(name + ":", kind(f));
console.log("touched:", touched);
class A { constructor() { this.fromA = 1; } m() { return "A.m"; } }
class B extends A {
  m() { return eval("super.m()") + "/B"; }
  static s() { return eval("typeof super.constructor"); }
}
console.log(new B().m(), B.s());
Object.setPrototypeOf(obj, { tag: "changed" });
console.log("after setPrototypeOf:", obj.method());
