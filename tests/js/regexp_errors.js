// Errors: bad patterns and flags at run time, wrong receivers, non-global replaceAll/matchAll.
const tries = [
  () => new RegExp("("),
  () => new RegExp("a", "gg"),
  () => new RegExp("a", "uv"),
  () => new RegExp("a", "x"),
  () => RegExp("[b-a]"),
  () => new RegExp("\\p{Nope}", "u"),
  () => RegExp.prototype.exec.call({}, "a"),
  () => RegExp.prototype.test.call(1, "a"),
  () => Object.getOwnPropertyDescriptor(RegExp.prototype, "global").get.call({}),
  () => "a".replaceAll(/a/, ""),
  () => "a".matchAll(/a/y),
  () => RegExp.prototype[Symbol.match].call(1, "a"),
  () => String.prototype.match.call(null, /a/),
  () => { const r = /a/g; Object.freeze(r); r.exec("a"); },
];
for (const t of tries) {
  try {
    t();
    console.log("no error");
  } catch (e) {
    console.log(e.constructor.name);
  }
}
// Messages name the pattern and flags, as node's do.
for (const [p, f] of [["(", ""], ["a)", "g"], ["*", ""], ["[b-a]", ""], ["[", "u"], ["a{2,1}", ""], ["\\p{Nope}", "u"], ["(?<a>x)(?<a>y)", ""]]) {
  try {
    new RegExp(p, f);
  } catch (e) {
    console.log(e.message);
  }
}
