let o = { a: { b: { c: 42 } }, f() { return "called"; }, arr: [1, [2, 3]], n: null };
console.log(o?.a?.b?.c, o.x?.y, o.x?.y.z.w, o.n?.foo, o.arr?.[1]?.[0], o.arr?.[5]?.[0]);
console.log(o.f?.(), o.g?.(), o?.["a"]?.["b"], o.n?.[0]);
let u;
console.log(u?.x, u?.[0], u?.(), u?.x.y.z);
let fn = null;
console.log(fn?.(1, 2), typeof fn?.call);
const deep = { list: [{ name: "a" }, null, { name: "c", tags: ["x"] }] };
for (const item of deep.list) console.log(item?.name ?? "(none)", item?.tags?.[0] ?? "-", item?.tags?.length);
let count = 0;
function side() { count++; return 1; }
let nothing = null;
nothing?.[side()];
nothing?.method(side());
console.log("side effects:", count);
class P { constructor() { this.v = 3; } get2() { return this?.v * 2; } }
let p = new P();
console.log(p.get2?.(), p?.get2(), (p?.v)?.toFixed(1));
console.log("str"?.length, (5)?.toString(), [1, 2]?.map(x => x * 2));
delete o?.a?.b; console.log(o.a);
console.log(o?.a.b?.c);
