// A module with state shared by everybody who requires it (cached)
let count = 0;
exports.increment = function () { return ++count; };
exports.current = () => count;
exports.name = "counter";
