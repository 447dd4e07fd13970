console.log(1 && 2, 0 && 2, 1 || 2, 0 || 2, "" || "dflt", null && x, undefined || null);
console.log(null ?? "a", undefined ?? "b", 0 ?? "c", "" ?? "d", false ?? "e", NaN ?? "f");
let calls = [];
function t(v) { calls.push(v); return v; }
t(0) && t(1); t(1) || t(2); t(null) ?? t(3); t(4) ?? t(5);
console.log(calls);
let a = null; a ??= 10; a ??= 20; console.log(a);
let b = 0; b ||= 7; b ||= 8; console.log(b);
let c = 1; c &&= 9; console.log(c); c = 0; c &&= 9; console.log(c);
let o = { x: 0, y: null };
o.x ||= 5; o.y ??= 6; o.z ??= 7; o.x &&= o.x * 2;
console.log(o);
console.log((null || undefined) ?? "both", (0 || null) ?? "q");
console.log(true ? "yes" : "no", 0 ? "yes" : "no", null ? 1 : undefined ? 2 : 3);
let n = 15;
console.log(n % 15 === 0 ? "FizzBuzz" : n % 5 === 0 ? "Buzz" : n % 3 === 0 ? "Fizz" : n);
console.log(!(1 && 0), !1 || !0, (1, 2, 3));
let k = 0; let r = (k++, k++, k); console.log(r, k);
