const o = {};
o.b = 1; o.a = 2; o[2] = "two"; o[1] = "one"; o["-1"] = "neg"; o["01"] = "lead"; o[4294967294] = "maxidx"; o[4294967295] = "notidx"; o.c = 3;
console.log(Object.keys(o));
console.log(JSON.stringify(o));
const keys = []; for (const k in o) keys.push(k); console.log(keys.join(","));
delete o.a; o.a = "again";
console.log(Object.keys(o).slice(-2), Object.values(o).slice(0, 3));
const merged = Object.assign({ z: 1, y: 2 }, { x: 3, z: 4 });
console.log(Object.keys(merged), merged);
const spread = { ...{ b: 1, a: 2 }, c: 3, b: 4 };
console.log(Object.entries(spread));
class P { constructor() { this.z = 1; this.a = 2; } }
console.log(Object.keys(new P()), JSON.stringify(new P()));
const arr = ["a", "b"]; arr.extra = true; arr[5] = "f";
console.log(Object.keys(arr));
console.log(Object.keys({ 10: 1, 9: 1, 1.5: 1, 2: 1, a: 1, 0: 1 }));
