// A top-level await that never settles: node warns and exits with status 13.
console.log("waiting forever");
await new Promise(() => {});
console.log("never printed");
