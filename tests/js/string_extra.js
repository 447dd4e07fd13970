// String methods beyond the core subset: concat
console.log("abc".concat("def", 1, null), "".concat(), "a".concat([1, 2], {}));
const s = "hello";
console.log(s.concat("!!"), s, ("a" + "b").concat("c") === "abc");
