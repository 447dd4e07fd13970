// split with regexps (captures, limits, empty matches) and matchAll iterators.
console.log("a1b2c3".split(/\d/), "a1b2c3".split(/(\d)/), "a1b2c3".split(/\d/, 2));
console.log("abc".split(/(?:)/), "".split(/x/), "".split(/(?:)/), "a,b,,c".split(/,/));
console.log("one  two   three".split(/\s+/), "x".split(/(x)/), "test".split(/(t)?/));
console.log("😀a😀".split(/(?:)/u), "😀a".split(/(?:)/).length);
console.log("A<B>bold</B>and<CODE>coded</CODE>".split(/<(\/)?([^<>]+)>/));
const it = "t1e2s3t".matchAll(/[a-z](?<d>\d)/g);
console.log(typeof it.next, Object.prototype.toString.call(it), it[Symbol.iterator]() === it);
for (const m of it) console.log(m[0], m.index, m.groups.d);
console.log(it.next());
console.log([..."aXbX".matchAll(/x/gi)].map((m) => m.index));
console.log([..."abc".matchAll("b")].length, [..."a.b".matchAll(".")].length);
console.log(Array.from("ab".matchAll(/(?:)/g), (m) => m.index));
const re = /o/g;
re.lastIndex = 5;
console.log([..."foo boo".matchAll(re)].map((m) => m.index), re.lastIndex);
// Splitting a long string with rare matches stays linear.
const long = "x".repeat(100000) + ",y";
console.log(long.split(/,/).map((p) => p.length), "a,b;c".split(/[,;]/, 5));
