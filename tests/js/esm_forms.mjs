// Import and export forms: default, named, renamed, namespace, re-exports.
import greet, { answer, counter as count, increment, Point, visible, "string name" as sn } from "./esm/forms_lib.mjs";
import * as ns from "./esm/forms_lib.mjs";
import doubled, { lib, greetAgain, theAnswer, v1, v2, destructA, destructB } from "./esm/forms_reexport.mjs";
import * as re from "./esm/forms_reexport.mjs";
import anon from "./esm/default_anon_fn.mjs";
import AnonClass from "./esm/default_anon_class.mjs";
import "./esm/default_expr.mjs";

console.log(greet("world"), greet.name, answer, count, visible, sn);
increment();
increment();
console.log("live:", count, ns.counter, lib.counter, re.counter);
console.log(new Point(1, 2), Point.name);
console.log(doubled, greetAgain === greet, theAnswer, v1, v2, destructA, destructB);
console.log(anon(), anon.name, new AnonClass().hi(), AnonClass.name);
console.log(Object.keys(ns));
console.log(Object.keys(re));
console.log(ns[Symbol.toStringTag], Object.getPrototypeOf(ns), Object.isExtensible(ns), Object.isSealed(ns));
console.log(lib === ns, re.lib === ns);
console.log(ns);
try {
  ns.answer = 1;
} catch (e) {
  console.log(e instanceof TypeError);
}
try {
  count = 5;
} catch (e) {
  console.log(e.constructor.name, e.message);
}
console.log(typeof this, (function () { return typeof this; })());
