const o = {};
o[1] = "a"; o["1"] = "b"; o[1.0] = "c"; o["1.0"] = "d"; o[0.1 + 0.2] = "e"; o[-0] = "f"; o[1e21] = "g"; o[NaN] = "h";
console.log(o, Object.keys(o));
const arr = ["x", "y"];
console.log(arr["0"], arr[0.0], arr["00"], arr[" 0"], arr["+0"]);
const counts = {};
for (const n of [1, 1.0, "1", 2, 2.5, "2.50"]) counts[n] = (counts[n] || 0) + 1;
console.log(counts);
console.log(String(1e21) in { "1e+21": 1 }, String(-0), (-0).toString() in { 0: 1 });
