// The Symbol.match/replace/search/split/matchAll protocols with custom objects and subclasses.
const matcher = {
  [Symbol.match](s) { return ["custom match of " + s]; },
  [Symbol.replace](s, r) { return `replace(${s}, ${r})`; },
  [Symbol.search](s) { return s.length; },
  [Symbol.split](s, lim) { return ["split", s, lim]; },
};
console.log("abc".match(matcher), "abc".replace(matcher, "X"), "abc".search(matcher));
console.log("abc".split(matcher, 3));
// replaceAll checks the flags of a regexp-like argument (it has Symbol.match) first.
try {
  "abc".replaceAll(matcher, "Y");
} catch (e) {
  console.log(e.name);
}
const flagged = { [Symbol.match]: true, flags: "g", [Symbol.replace]: matcher[Symbol.replace] };
console.log("abc".replaceAll(flagged, "Y"));
const allish = { [Symbol.matchAll](s) { return "all:" + s; } };
console.log("xyz".matchAll(allish));
// A RegExp with its own exec is used by the protocols (RegExpExec).
const r = /./g;
let calls = 0;
r.exec = function (s) {
  calls++;
  return calls > 2 ? null : Object.assign(["z" + calls], { index: calls - 1, input: s });
};
console.log("abc".replace(r, "_"), calls);
calls = 0;
console.log(r.test("q"), calls);
// Subclasses and Symbol.species.
class MyRE extends RegExp {
  exec(s) {
    const m = super.exec(s);
    if (m) m[0] = m[0].toUpperCase();
    return m;
  }
}
const my = new MyRE("b+", "g");
console.log(my instanceof RegExp, my instanceof MyRE, my.flags, "abbcb".match(my));
console.log("a1b2".split(new MyRE("\\d")), "abbcb".replace(my, "[$&]"));
// Disabling the protocol with Symbol.match = false makes a regexp a plain pattern.
const notRe = /a/;
notRe[Symbol.match] = false;
console.log("/a/".startsWith(notRe), "x/a/".includes(notRe));
// RegExp() with a regexp-like object.
const like = { [Symbol.match]: true, source: "l+", flags: "g", constructor: RegExp };
console.log(RegExp(like) === like, new RegExp(like), String(RegExp.prototype[Symbol.split]));
console.log(RegExp.prototype[Symbol.replace].name, RegExp.prototype[Symbol.matchAll].length);
// flags is generic over the flag properties.
const fake = { global: true, sticky: 1, hasIndices: "", unicode: [] };
console.log(Object.getOwnPropertyDescriptor(RegExp.prototype, "flags").get.call(fake));
