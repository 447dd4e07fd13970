// Arrays whose element kinds change while hot loops read them
function sum(arr) { let s = 0; for (let i = 0; i < arr.length; i++) s += arr[i]; return s; }
const a = [];
for (let i = 0; i < 1000; i++) a.push(i);
let r = 0;
for (let k = 0; k < 20; k++) r += sum(a);
console.log(r);
a.push(0.5); console.log(sum(a));
a[3] = "x"; console.log(sum(a).slice(0, 20), sum(a).length);
a[3] = 3; a.length = 5; console.log(sum(a), a);
const holey = [1, 2, 3]; holey[10] = 4;
console.log(sum(holey));
const objs = [1, 2, { valueOf() { return 100; } }];
console.log(sum(objs));
function fill(arr, n, v) { for (let i = 0; i < n; i++) arr[i] = v; return arr; }
const f = [];
for (let k = 0; k < 50; k++) fill(f, 100, k);
console.log(f.length, f[99]);
fill(f, 3, "s"); fill(f, 2, null); fill(f, 1, 1.5);
console.log(f.slice(0, 4), f.length);
function last(arr) { return arr[arr.length - 1]; }
let l;
for (let i = 0; i < 2000; i++) l = last([i, i + 1]);
console.log(l, last([]), last("str"), last({ length: 1, 0: "obj" }));
const grow = [];
for (let i = 0; i < 5000; i++) grow[grow.length] = i * 0.5;
console.log(grow.length, grow[4999], sum(grow));
