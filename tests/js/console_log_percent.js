// console.log formats its first argument only when more arguments follow (as node's
// util.format does): a lone string with "%%" or "%s" is printed as it is.
console.log("100%% sure, %s and %d stay");
console.log("%%");
console.log("a%%b", "c");
console.log("%s%%", "x");
console.log("%d%% of %s", 42, "all", "extra");
console.log("%i", 3.7);
console.log("%%%s%%", "y");
console.log("no args: %o %j %c");
let row = "";
for (let i = 0; i < 8; i++) row += i % 3 ? "%" : "#";
console.log(row);
console.log(row, row);
