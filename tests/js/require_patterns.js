const Vec2 = require("./modules/geometry");
const v = new Vec2(3, 4).add(Vec2.zero());
console.log(v, v.len(), v instanceof Vec2, typeof Vec2);
function lazyLoad() { return require("./modules/lazy")("Hello"); }
const a = lazyLoad(), b = lazyLoad();
console.log(a.greet("kiln"), b.times(), require("./modules/lazy") === require("./modules/lazy.js"));
const cfg = require("./modules/config.json.js");
cfg.retries++;
console.log(require("./modules/config.json.js").retries, cfg.features);
const { cube, PI2: tau } = require("./modules/math_utils");
console.log(cube(4), tau.toFixed(4));
const names = ["math_utils", "counter", "shape"].map(n => Object.keys(require("./modules/" + n)).length);
console.log(names);
