// Named groups, lookbehind/lookahead, backreferences, Unicode property escapes, indices.
const date = /(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})/;
const m = date.exec("on 2024-02-29!");
console.log(m);
console.log(m.groups.year, m.groups.month, m.groups.day, Object.getPrototypeOf(m.groups));
console.log(/(?<=\$)\d+(\.\d+)?/.exec("cost: $42.50")[0]);
console.log(/(?<!\$)\b\d+/.exec("$5 or 7")[0]);
console.log(/\d+(?=%)/.exec("50% of 100")[0], /\d+(?!%)/.exec("50% of 100")[0]);
console.log(/(\w)\1/.exec("abccd")[0], /(?<c>\w)\k<c>/.exec("xyzzy").groups.c);
console.log(/\p{Lu}+/u.exec("hello WORLD")[0], /\p{Script=Greek}+/u.exec("abc αβγ")[0]);
console.log(/\P{L}+/u.exec("abc123def")[0], /[\p{N}]+/u.exec("x٣٤y")[0]);
console.log(/\p{Emoji_Presentation}/u.test("hi 😀"), /[\p{L}--[a-z]]+/v.exec("abcDEF")[0]);
const d = /(?<word>b+)(c)?/d.exec("abbd");
console.log(d.indices, d.indices.groups);
console.log(/(?:a|(b))+/.exec("ab"));
console.log("x-y_z".replace(/(?<sep>[-_])/g, "<$<sep>>"));
console.log(/(?<a>x)|(?<b>y)/.exec("y").groups);
console.log(/[^]/.exec("\n")[0] === "\n", /\bfoo\b/.test("a foo b"), /\Bo/.exec("foo").index);
console.log(/café/i.test("CAFÉ"), /\w/iu.test("ſ"), /[a-z]/i.test("K"));
