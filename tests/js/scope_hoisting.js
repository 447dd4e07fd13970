console.log(typeof hoistedFn, hoistedFn(2));
function hoistedFn(x) { return x * 10; }
console.log(hoistedVar);
var hoistedVar = 5;
console.log(hoistedVar);
console.log(typeof fnExpr);
var fnExpr = function () { return "expr"; };
console.log(fnExpr());
function outer() {
  console.log(inner(), typeof later);
  function inner() { return "inner hoisted"; }
  var later = 1;
  return later;
}
console.log(outer());
function redeclared() { return 1; }
function redeclared() { return 2; }
console.log(redeclared());
var shadowed = "outer";
function g() {
  console.log(shadowed);
  var shadowed = "inner";
  console.log(shadowed);
}
g();
function counter() { count = (typeof count === "undefined" ? 0 : count) + 1; }
var count;
counter(); counter();
console.log(count);
