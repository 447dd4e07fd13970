// import() returns a promise for the namespace; the module is evaluated once.
const p = import("./esm/dyn_target.mjs");
console.log("after import() call", p instanceof Promise);
const ns = await p;
console.log(ns.value, ns.default, Object.keys(ns));
const again = await import("./esm/dyn_target.mjs");
console.log("same namespace:", again === ns);
try {
  await import("./esm/does_not_exist.mjs");
} catch (e) {
  console.log(e.constructor.name, e.code);
}
const spec = "./esm/" + "dyn_target.mjs";
console.log((await import(spec)).value);
