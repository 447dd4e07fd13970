// + operator coercions
console.log(1 + "2", "1" + 2, 1 + 2 + "3", "1" + 2 + 3, 1 + (2 + "3"));
console.log(true + 1, true + "1", null + 1, null + "x", undefined + 1, undefined + "x");
console.log([] + [], [] + {}, [1] + [2], [1, 2] + [3], ({}) + "", [null] + "", [undefined, 1] + "");
console.log(1 + null, 1 + undefined, "a" + NaN, NaN + "", 1 + true + false);
console.log("" + 0, "" + -0, "" + 1e21, "" + 1e-7, "" + 123456789012345680000);
let o = { valueOf() { return 42; } };
let t = { toString() { return "TS"; } };
let both = { valueOf() { return 7; }, toString() { return "str"; } };
console.log(o + 1, o + "x", t + 1, t + "", `${t}`, both + 1, both + "", `${both}`, String(both));
console.log(o * 2, o > 41, t == "TS", both == 7);
let s = "n";
s += 1; s += null; s += undefined; s += true; s += [1, 2]; s += {};
console.log(s);
let n = 1; n += "1"; console.log(n, typeof n);
console.log(typeof (1 + 1), typeof ("1" + 1), typeof (1 - "1"));
console.log([1, [2, [3, [4]]]] + "", String([1, [2, 3]]), [,].length + [, ,] + "!");
