const a = [1, 2, NaN, 0, -0, "1", null, undefined, 2];
console.log(a.indexOf(2), a.indexOf(2, 2), a.indexOf(2, -1), a.indexOf(2, -100), a.indexOf(2, 100), a.indexOf(NaN), a.indexOf(-0), a.indexOf(0), a.indexOf("1"), a.indexOf(null), a.indexOf(undefined));
console.log(a.includes(NaN), a.includes(-0), a.includes(0, 4), a.includes(0, 5), a.includes(undefined), a.includes(2, -1), a.includes("2"));
console.log([].indexOf(undefined), [].includes(undefined), [, ,].includes(undefined), [, ,].indexOf(undefined));
const o = { k: 1 };
console.log([o, { k: 1 }].indexOf(o), [o].indexOf({ k: 1 }), [[1]].includes([1]), ["a", "b"].indexOf("b", 1.5));
console.log("abcabc".indexOf("c", -5), "abcabc".includes("a", 4), "abc".includes(""), "".includes(""));
