const [a, b, c] = [1, 2, 3];
console.log(a, b, c);
const [x, , z = "dz", w = "dw"] = [10, 20, undefined];
console.log(x, z, w);
const [head, ...tail] = [1, 2, 3, 4];
console.log(head, tail);
const [[n1, n2], [n3, [n4]]] = [[1, 2], [3, [4]]];
console.log(n1, n2, n3, n4);
let p = 1, q = 2;
[p, q] = [q, p];
console.log(p, q);
const [s1, s2, ...srest] = "hello";
console.log(s1, s2, srest);
const [e1, e2] = [];
console.log(e1, e2);
let arr = [0, 0, 0];
[arr[2], arr[0]] = ["two", "zero"];
console.log(arr);
const obj = {};
[obj.first, obj.second = "def"] = ["f"];
console.log(obj);
let count = 0;
const [d1 = ++count, d2 = ++count] = [5];
console.log(d1, d2, count);
const [h1, h2] = [, "second"];
console.log(h1, h2);
function swapSort(v) { for (let i = 0; i < v.length; i++) for (let j = 0; j < v.length - 1 - i; j++) if (v[j] > v[j + 1]) [v[j], v[j + 1]] = [v[j + 1], v[j]]; return v; }
console.log(swapSort([5, 3, 8, 1, 9, 2]));
const [[deflt] = ["nested default"]] = [];
console.log(deflt);
try { const [bad] = null; } catch (e) { console.log(e instanceof TypeError); }
try { const [bad2] = {}; } catch (e) { console.log(e instanceof TypeError); }
