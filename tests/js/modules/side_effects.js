console.log("side_effects module body runs once");
var topLevelVar = "not global";
module.exports.value = 42;
module.exports.typeofTopLevel = typeof topLevelVar;
