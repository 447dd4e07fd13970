// An invalid regular expression literal is an early SyntaxError: nothing runs.
console.log("before");
const ok = /fine/;
const bad = /a(b/;
console.log(ok, bad);
