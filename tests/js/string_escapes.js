console.log("tab\there", "nl\\n", 'single \'quoted\'', "double \"quoted\"", `back\`tick`);
console.log("\x41\u0042\u{43}", "\0".length, "a\
b");
console.log(["it's", 'say "hi"', "both ' and \"", "back\\slash", "new\nline", "tab\t", ""]);
console.log({ s: "it's", t: 'a"b', u: "x\ny" });
console.log([`tpl ${1 + 1}`], "\u00e9\u00e8", ["\u00e9"], "\u0001".length, ["\u0001"]);
console.log(JSON.stringify("quote\" back\\ nl\n tab\t ctl\u0001 uni\u00e9"));
console.log("multi\nline\nstring");
console.log(['a\'b"c']);
