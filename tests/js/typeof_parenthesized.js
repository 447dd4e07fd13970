// `typeof` of an undeclared name is "undefined", with or without parentheses around it
// (parentheses keep the reference); a declared name in its TDZ still throws.
"use strict";
console.log(typeof notDeclared, typeof (notDeclared), typeof ((notDeclared)));
function inner() {
  eval("function local() {}");
  return [typeof (local), typeof (inner)];
}
console.log(inner().join(" "));
try {
  console.log(typeof (later));
} catch (e) {
  console.log(e.constructor.name);
}
let later = 1;
