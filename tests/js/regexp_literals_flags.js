// RegExp literals and the constructor: flags, source, accessors, toString, console.log.
const r = /ab+c/gi;
console.log(r);
console.log(r.source, r.flags, r.global, r.ignoreCase, r.multiline, r.sticky);
console.log(r.dotAll, r.unicode, r.unicodeSets, r.hasIndices, r.lastIndex);
console.log(String(r), r.toString(), `${/x\/y/m}`);
console.log(/[/]/.source, new RegExp("a/b").source, new RegExp("").source, String(new RegExp("\n")));
console.log(new RegExp("ab", "ysmgid").flags, new RegExp("\\d", "v").flags);
const copy = new RegExp(r);
console.log(copy, copy === r, RegExp(r) === r, new RegExp(r, "y"));
console.log(typeof r, r instanceof RegExp, Object.prototype.toString.call(r));
console.log(RegExp.prototype.source, RegExp.prototype.global, RegExp.prototype.flags);
console.log(RegExp.prototype.toString.call({ source: "a", flags: "q" }));
// Each evaluation of a literal makes a new object.
const made = [];
for (let i = 0; i < 2; i++) made.push(/x/g);
console.log(made[0] === made[1], made);
console.log(Object.getOwnPropertyNames(r), Object.keys(r));
const d = Object.getOwnPropertyDescriptor(r, "lastIndex");
console.log(d);
console.log({ re: /a|b/, list: [/1/, /2/y] });
console.log(RegExp.length, RegExp.name, RegExp[Symbol.species] === RegExp);
// A regexp with properties of its own prints them after the literal, as node does.
const tagged = Object.assign(/t/g, { tag: 1 });
console.log(tagged, [Object.assign(/u/, { list: [1, 2] })]);
const selfRef = /s/;
selfRef.me = selfRef;
console.log(selfRef);
