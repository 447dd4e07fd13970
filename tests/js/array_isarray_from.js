console.log(Array.isArray([]), Array.isArray(new Array(3)), Array.isArray({ length: 0 }), Array.isArray("abc"), Array.isArray(null));
console.log(Array.from("hello"), Array.from([1, 2, 3], x => x * x), Array.from({ length: 4 }, (_, i) => i * 2));
console.log(Array.from({ length: 3, 0: "a", 2: "c" }), Array.from([1, , 3]), Array.from({}), Array.from(""));
const copy = Array.from([[1], [2]]); copy[0].push("shared");
console.log(copy);
console.log(Array.from({ length: 5 }, () => "x").join(""), Array.from("abc", (c, i) => c.repeat(i + 1)));
const range = (a, b, step = 1) => Array.from({ length: Math.max(0, Math.ceil((b - a) / step)) }, (_, i) => a + i * step);
console.log(range(0, 5), range(1, 10, 3), range(5, 0), range(0, 1, 0.25));
console.log(new Array(3).length, new Array(3, 4).length, new Array("3").length, Array(0).length);
try { new Array(1.5); } catch (e) { console.log(e.name); }
try { new Array(-1); } catch (e) { console.log(e.name); }
