// exec and test: lastIndex with and without the global and sticky flags.
const g = /o(\w)/g;
const s = "foo boa bow";
let m;
while ((m = g.exec(s)) !== null) {
  console.log(m[0], m[1], m.index, g.lastIndex);
}
console.log(g.lastIndex);
const plain = /o/;
plain.lastIndex = 5;
console.log(plain.exec("xxo").index, plain.lastIndex);
const y = /a/y;
console.log(y.test("aab"), y.lastIndex, y.test("aab"), y.lastIndex, y.test("aab"), y.lastIndex);
y.lastIndex = 1;
console.log(y.exec("ba"), y.lastIndex);
const y2 = /b/y;
console.log(y2.exec("ab"), y2.lastIndex);
const t = /x*/g;
console.log(t.exec("aaa"), t.lastIndex);
g.lastIndex = 100;
console.log(g.exec(s), g.lastIndex);
console.log(/a.c/s.test("a\nc"), /a.c/.test("a\nc"), /^b$/m.test("a\nb\nc"), /^b$/.test("a\nb"));
console.log(/ABC/i.exec("xabcx"));
console.log(/(a)|(b)/.exec("b"));
const u = /./gu;
console.log("😀x".match(u), "😀x".match(/./g).length);
console.log(/\u{1F600}/u.test("😀"), /^.$/u.test("😀"), /^.$/.test("😀"));
const li = /a/g;
li.lastIndex = "1";
console.log(li.exec("aba").index, li.lastIndex);
