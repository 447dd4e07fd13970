const values = [undefined, null, true, 0, -0, NaN, "", "s", [], {}, function () {}, () => {}, class {}, new Error(), Math, JSON, console.log, Object, Array, String, Number, parseInt, globalThis, Object.create(null)];
console.log(values.map(v => typeof v).join(" "));
let undeclaredCheck = typeof notDeclaredAnywhere === "undefined";
console.log(undeclaredCheck, typeof typeof 1, typeof (typeof undefined));
function kind(v) { return v === null ? "null" : Array.isArray(v) ? "array" : typeof v; }
console.log([null, [], {}, 1, "x", undefined, kind].map(kind));
console.log(typeof String(1), typeof Number("1"), typeof [].length, typeof "".length, typeof {}.x);
