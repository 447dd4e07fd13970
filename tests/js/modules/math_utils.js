// A CommonJS module: exports via module.exports
let loadCount = 0;
loadCount++;
const secret = "module-private";
function square(x) { return x * x; }
function cube(x) { return x * x * x; }
module.exports = { square, cube, loadCount: () => loadCount, PI2: Math.PI * 2 };
