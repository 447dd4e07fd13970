exports.name = "a";
exports.early = true;
const b = require("./cycle_b");
exports.seenB = b.name + ":" + b.sawA;
exports.done = true;
