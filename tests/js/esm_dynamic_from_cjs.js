// import() from CommonJS.
console.log("cjs start");
import("./esm/dyn_target.mjs").then((ns) => {
  console.log("loaded", ns.value, ns.default);
});
console.log("cjs end");
