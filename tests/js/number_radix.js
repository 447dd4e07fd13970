for (const r of [2, 3, 8, 10, 16, 36]) console.log(r, (255).toString(r), (-255).toString(r), (0).toString(r), (4294967296).toString(r), (0.5).toString(r));
console.log((123.456).toString(16), (1 / 3).toString(2), (0.1).toString(3), (2 ** 60).toString(2).length);
console.log((1e21).toString(36), (-0).toString(2), (NaN).toString(2), (Infinity).toString(16));
console.log(parseInt((12345).toString(7), 7), parseInt("zz", 36), (35).toString(36), (36).toString(36));
for (const bad of [0, 1, 37, 100]) { try { (5).toString(bad); } catch (e) { console.log(bad, e.name); } }
console.log((0.000001).toString(2).slice(0, 30), (1e-7).toString(16));
console.log((255).toString(undefined), (255).toString(10.9), Number("0x" + (48879).toString(16)));
