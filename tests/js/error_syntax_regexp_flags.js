// A repeated flag in a regular expression literal is an early SyntaxError.
console.log("before");
const bad = /a/gg;
console.log(bad);
