// Referring to a private name no enclosing class declares is an early SyntaxError, even in
// code that never runs.
console.log("not printed");
class C {
  #a = 1;
  m(o) { return o.#b; }
}
