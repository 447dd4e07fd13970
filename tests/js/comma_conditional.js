let a = (1, 2, 3);
console.log(a);
let i, j;
for (i = 0, j = 10; i < j; i += 3, j -= 2) console.log(i, j);
function sign(x) { return x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : NaN; }
console.log(sign(5), sign(-3), sign(0), sign(NaN));
let r = true ? false ? 1 : 2 : 3;
console.log(r);
let x = 5, y = (x++, x * 2);
console.log(x, y);
let grade = s => s >= 90 ? "A" : s >= 80 ? "B" : s >= 70 ? "C" : "F";
console.log([95, 85, 72, 10].map(grade).join(""));
const obj = { v: 0 };
const out = (obj.v += 1, obj.v += 1, obj);
console.log(out);
