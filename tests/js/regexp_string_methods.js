// String methods with regexps: match, search, replace, replaceAll with patterns and functions.
const s = "The quick brown fox jumps over the lazy dog";
console.log(s.match(/o\w/), s.match(/o\w/g), s.match(/zzz/), s.match(/zzz/g));
console.log(s.search(/fox/), s.search(/cat/), "abc".search("c"), "a.b".search("."));
console.log("aXbxc".match("x"), "1+1".match("1+"));
console.log(s.replace(/the/i, "a"), s.replace(/o/g, "0"));
console.log("john smith".replace(/(\w+)\s(\w+)/, "$2, $1"));
console.log("abc".replace(/b/, "[$&|$`|$'|$$|$0|$2]"));
console.log("abc".replace(/(b)/, "$01$1$10$11"), "abc".replace(/(?<x>b)/, "$<x>$<y>$<"));
console.log("abc".replace(/(b)/, "$<x>"));
console.log("a1b22c333".replace(/\d+/g, (m, off, str) => `(${m}@${off}/${str.length})`));
console.log("a-b".replace(/(?<l>\w)-(?<r>\w)/, (...args) => JSON.stringify(args)));
console.log("aaa".replace(/a*?/g, "-"), "abc".replace(/x*/g, "-"), "😀😀".replace(/(?:)/gu, "-"));
console.log("x.x.x".replaceAll(/x/g, "y"), "x.x.x".replaceAll(".", "!"));
try {
  "abc".replaceAll(/b/, "x");
} catch (e) {
  console.log(e.name + ": " + e.message);
}
try {
  "abc".matchAll(/b/);
} catch (e) {
  console.log(e.name + ": " + e.message);
}
const g = /a/g;
g.lastIndex = 2;
console.log("aaaa".replace(g, "b"), g.lastIndex);
const y = /a/y;
console.log("aaba".replace(y, "x"), y.lastIndex, "baaa".replace(/a/gy, "x"));
console.log("Price: 10 USD".replace(/(\d+)/, (m) => m * 2));
console.log("aBc".replace(/b/i, "$"), "abc".replace(/b/, "$"));
