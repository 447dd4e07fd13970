var fns = [];
for (var i = 0; i < 3; i++) fns.push(function () { return i; });
console.log(fns.map(f => f()));
var fixed = [];
for (var j = 0; j < 3; j++) fixed.push((function (k) { return function () { return k; }; })(j));
console.log(fixed.map(f => f()));
var k2 = 0, out = [];
while (k2 < 3) { var captured = k2; out.push(() => captured); k2++; }
console.log(out.map(f => f()));
function varInBlocks() { if (true) { var x = 1; } { var x2 = 2; } for (var y = 0; y < 2; y++) { var z = y; } return [x, x2, y, z]; }
console.log(varInBlocks());
function shadowVar() { var v = "outer"; { let v = "inner let"; } return v; }
console.log(shadowVar());
console.log(typeof hoistMe, hoistMe);
var hoistMe = "now defined";
console.log(hoistMe);
