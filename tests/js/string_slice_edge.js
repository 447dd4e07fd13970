const s = "0123456789";
const args = [[], [3], [-3], [3, 7], [7, 3], [-7, -3], [-3, -7], [NaN], [NaN, 5], [2.7, 5.9], [100], [-100], [0, -1], [Infinity], [-Infinity, 2], ["2", "4"], [undefined, 3]];
for (const a of args) console.log(JSON.stringify(a).padEnd(16), JSON.stringify(s.slice(...a)).padEnd(13), JSON.stringify(s.substring(...a)));
console.log("abc".slice(-1), "abc".charAt(-1) === "", "abc"[-1]);
