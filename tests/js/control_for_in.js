const o = { b: 1, a: 2, 10: "ten", 2: "two", z: 3 };
const keys = [];
for (const k in o) keys.push(k);
console.log(keys);
const proto = { inherited: 1 };
const child = Object.create(proto);
child.own = 2;
const ck = [];
for (const k in child) ck.push(k + (child.hasOwnProperty(k) ? "(own)" : "(inh)"));
console.log(ck);
const arr = ["x", , "z"];
arr.extra = "e";
const ak = [];
for (const i in arr) ak.push(i + ":" + typeof i);
console.log(ak);
const strKeys = [];
for (const i in "abc") strKeys.push(i);
console.log(strKeys);
let cnt = 0;
for (const k in null) cnt++;
for (const k in undefined) cnt++;
console.log(cnt);
const del = { a: 1, b: 2, c: 3 };
const seen = [];
for (const k in del) { seen.push(k); delete del.c; }
console.log(seen);
class P { constructor() { this.x = 1; this.y = 2; } method() {} }
const pk = []; for (const k in new P()) pk.push(k);
console.log(pk);
var v; for (v in { first: 1 }) {}
console.log(v);
let sum = 0; const nums = { a: 1, b: 2, c: 3 };
for (const k in nums) sum += nums[k];
console.log(sum);
