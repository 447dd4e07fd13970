// Global `var` and function declarations made by (indirect) eval code are own properties of
// the global object that can be deleted (configurable), unlike a Script's; every name is
// checked first: a function name that cannot be redefined, or a new name on a
// non-extensible global object, is a TypeError.
const show = (name) => {
  const d = Object.getOwnPropertyDescriptor(globalThis, name);
  if (!d) return name + ": absent";
  return name + ": " + ["writable", "enumerable", "configurable"].map((k) => k + "=" + d[k]).join(" ") +
    " typeof value=" + typeof d.value;
};
(0, eval)("var evalVar = 1; function evalFn() { return 2; }");
console.log(show("evalVar"));
console.log(show("evalFn"), evalFn());
console.log("delete evalVar:", delete globalThis.evalVar, show("evalVar"));
Object.defineProperty(globalThis, "fixedFn", { value: 0, writable: true, enumerable: false, configurable: false });
try {
  (0, eval)("function fixedFn() {}");
  console.log("no error");
} catch (e) {
  console.log(e.constructor.name, show("fixedFn"));
}
Object.defineProperty(globalThis, "oldFn", { value: 0, writable: false, enumerable: false, configurable: true });
(0, eval)("function oldFn() { return 'new'; }");
console.log(show("oldFn"), oldFn());
Object.preventExtensions(globalThis);
try {
  (0, eval)("var notMade;");
  console.log("no error");
} catch (e) {
  console.log(e.constructor.name, show("notMade"));
}
(0, eval)("var evalFn;");
console.log("existing names still fine:", typeof evalFn);
