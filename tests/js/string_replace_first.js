console.log("a-b-c".replace("-", "+"), "aaa".replace("a", ""), "abc".replace("", "_"), "abc".replace("abc", ""), "abc".replace("x", "y"));
console.log("hello world".replace("o", "0"), "$5".replace("$", "USD "), "path/to/x".replace("/", "\\"));
function replaceAll(s, from, to) { return s.split(from).join(to); }
console.log(replaceAll("a.b.c.d", ".", "::"), replaceAll("aaaa", "aa", "b"), replaceAll("none", "x", "y"), replaceAll("", "a", "b"));
function escapeHtml(s) { return replaceAll(replaceAll(replaceAll(replaceAll(s, "&", "&amp;"), "<", "&lt;"), ">", "&gt;"), '"', "&quot;"); }
console.log(escapeHtml('<a href="x">Tom & Jerry</a>'));
let s = "x1x2x3";
let n = 0; while (s.includes("x")) { s = s.replace("x", String.fromCharCode(97 + n)); n++; }
console.log(s, n);
console.log("Mississippi".replace("ss", "SS"), "Mississippi".split("ss").length - 1, "Mississippi".lastIndexOf("ss"));
