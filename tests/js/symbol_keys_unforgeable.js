// A string key never names a symbol-keyed property (symbols have keys no string interns to).
const o = {};
const s = Symbol("a");
o[s] = 1;
const hits = [];
for (let i = 0; i < 64; i++) if (o["@@symbol " + i] !== undefined) hits.push(i);
console.log(hits, o[s], Object.getOwnPropertySymbols(o).length, Object.keys(o));
