let a = 10;
a += 5; console.log(a); a -= 3; console.log(a); a *= 4; console.log(a); a /= 8; console.log(a);
a %= 4; console.log(a); a **= 3; console.log(a); a <<= 2; console.log(a); a >>= 1; console.log(a);
a = -100; a >>>= 28; console.log(a); a &= 6; console.log(a); a |= 9; console.log(a); a ^= 5; console.log(a);
const o = { n: 1, s: "x" };
o.n += 1; o.n *= 10; o.s += o.n; o["n"] -= 5; o.n **= 2; o.n %= 7;
console.log(o);
const arr = [1, 2, 3];
let i = 0;
arr[i++] += 10; arr[i++] *= 10; arr[i] <<= 3;
console.log(arr, i);
let calls = [];
const obj = { get_() { calls.push("obj"); return this; }, v: 1 };
function key() { calls.push("key"); return "v"; }
function val() { calls.push("val"); return 5; }
obj.get_()[key()] += val();
console.log(obj.v, calls);
let s = "a"; s += 1 + 2; s += [3, 4]; console.log(s);
let u; u += 1; console.log(u);
let nl = null; nl += 1; console.log(nl);
let big = 2147483647; big += 1; console.log(big); big |= 0; console.log(big);
let x = 5; x += x += x; console.log(x);
let y = 1; y = y++ + ++y; console.log(y);
let z = [0]; z[0] ||= 7; z[0] &&= z[0] + 1; z[1] ??= "filled"; console.log(z);
