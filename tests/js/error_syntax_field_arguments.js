// `arguments` in a class field initializer (or an arrow inside one) is an early SyntaxError.
console.log("not printed");
class C {
  f = () => arguments;
}
