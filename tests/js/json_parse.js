const text = '{"name":"kiln","version":1.5,"tags":["js","vm"],"nested":{"ok":true,"nothing":null},"n":-12e-1}';
const v = JSON.parse(text);
console.log(v, v.tags.length, v.nested.ok, typeof v.version);
console.log(JSON.parse("1"), JSON.parse('"s"'), JSON.parse("true"), JSON.parse("null"), JSON.parse("[]"), JSON.parse("{}"));
console.log(JSON.parse(' [1, 2 , 3 ] '), JSON.parse('"\\u0041\\n\\t\\"\\\\\\/"'), JSON.parse("-0"), 1 / JSON.parse("-0"));
console.log(JSON.parse("1e400"), JSON.parse("123456789012345678901234567890"), JSON.parse("0.1"));
const bad = ["{a:1}", "[1,]", "'s'", "01", "", "{\"a\":1,}", "tru", "[1 2]", "NaN", "\"unterminated"];
for (const b of bad) {
  try { JSON.parse(b); console.log("parsed?!", b); } catch (e) { console.log(JSON.stringify(b), e.name, e instanceof SyntaxError); }
}
const round = { s: "x\ny", arr: [1, [2, [3]]], o: { deep: { deeper: "yes" } }, f: 1.25, neg: -3 };
console.log(JSON.stringify(JSON.parse(JSON.stringify(round))) === JSON.stringify(round));
console.log(Object.keys(JSON.parse('{"b":1,"a":2,"1":3}')));
console.log(JSON.parse('"\\ud83d\\ude00"').length);
