const a = require("./modules/cycle_a");
const b = require("./modules/cycle_b");
console.log(a.name, a.seenB, a.done, b.sawA);
