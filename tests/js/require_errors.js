try { require("./modules/throws"); } catch (e) { console.log("caught:", e.message); }
try { require("./modules/does_not_exist"); } catch (e) { console.log("missing module throws:", e instanceof Error); }
exports.mine = 1;
console.log(module.exports.mine);
module.exports = { replaced: true };
console.log(exports.mine, module.exports);
