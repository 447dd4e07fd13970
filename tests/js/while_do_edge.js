let i = 0;
while (i < 3) i++;
console.log(i);
let j = 10;
do j++; while (j < 5);
console.log(j);
let n = 0;
while (n++ < 5);
console.log(n);
let k = 0, out = [];
do { out.push(k); k += 3; } while (k < 10);
console.log(out);
let str = "abcde", rev = "", p = str.length;
while (p--) rev += str[p];
console.log(rev, p);
let a = 1, b = 1, steps = 0;
while (b < 1000) { [a, b] = [b, a + b]; steps++; }
console.log(a, b, steps);
let guard = 0;
do { if (guard === 2) { guard += 10; continue; } guard++; } while (guard < 5);
console.log(guard);
let x = 100;
while (true) { x = Math.floor(x / 3); if (x < 5) break; }
console.log(x);
