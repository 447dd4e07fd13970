const s = "the cat sat on the mat with the hat";
console.log(s.indexOf("the"), s.indexOf("the", 1), s.lastIndexOf("the"), s.lastIndexOf("the", 20), s.indexOf("dog"));
let positions = [], p = -1;
while ((p = s.indexOf("at", p + 1)) !== -1) positions.push(p);
console.log(positions);
console.log(s.includes("sat"), s.includes("sat", 10), s.startsWith("the"), s.startsWith("cat", 4), s.endsWith("hat"), s.endsWith("cat", 7));
console.log(s.indexOf(""), s.indexOf("", 5), s.indexOf("", 100), s.lastIndexOf("", 3), s.indexOf("t", -5));
console.log("aaaa".indexOf("aa", 1), "aaaa".lastIndexOf("aa"), "abcabc".lastIndexOf("c", 4));
function countOccurrences(str, sub) { let n = 0, i = 0; while ((i = str.indexOf(sub, i)) !== -1) { n++; i += sub.length; } return n; }
console.log(countOccurrences(s, "the"), countOccurrences("aaaa", "aa"), countOccurrences("abc", "d"));
console.log(s.replace("the", "THE"), s.replace("xyz", "!"), "aXbXc".replace("X", "-").replace("X", "+"));
console.log("a.b.c".split(".").join("/"), s.split("the").length - 1);
console.log("Hello".charAt(0).toLowerCase() + "Hello".slice(1), "title case words".split(" ").map(w => w[0].toUpperCase() + w.slice(1)).join(" "));
