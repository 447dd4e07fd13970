// Arbitrary-precision integers as digit strings
function add(a, b) { let res = "", carry = 0, i = a.length - 1, j = b.length - 1; while (i >= 0 || j >= 0 || carry) { const s = (i >= 0 ? +a[i--] : 0) + (j >= 0 ? +b[j--] : 0) + carry; res = (s % 10) + res; carry = Math.floor(s / 10); } return res; }
function mul(a, b) { const out = new Array(a.length + b.length).fill(0); for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) { const p = (+a[i]) * (+b[j]) + out[i + j + 1]; out[i + j + 1] = p % 10; out[i + j] += Math.floor(p / 10); } const s = out.join(""); let k = 0; while (k < s.length - 1 && s[k] === "0") k++; return s.slice(k); }
let f = "1";
for (let i = 2; i <= 50; i++) f = mul(f, String(i));
console.log("50! =", f, f.length);
let a = "0", b = "1";
for (let i = 0; i < 200; i++) [a, b] = [b, add(a, b)];
console.log("fib(200) =", a);
let p = "1"; for (let i = 0; i < 128; i++) p = add(p, p);
console.log("2^128 =", p);
console.log(mul("99999999999999999999", "99999999999999999999"), add("999", "1"), mul("0", "12345"));
const digitSum = f.split("").reduce((s, d) => s + +d, 0);
console.log(digitSum, Number(f) === 3.0414093201713376e64);
