// With parameter expressions, the arguments object exists even when the body declares a
// function named arguments (ES2025 10.2.11 step 18).
var args;
var f = function (x = args = arguments) { function arguments() {} return typeof arguments; };
console.log(f(), typeof args, args.length);
console.log((function (a) { function arguments() {} return typeof arguments; })(1));
console.log((function ({a}) { function arguments() {} return typeof arguments; })({}));
console.log((function (a, b = 2) { let c = arguments.length; return [c, typeof arguments]; })(1));
