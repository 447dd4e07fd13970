const a = ["a", "b", "c", "d", "e"];
const removed = a.splice(1, 2, "X", "Y", "Z");
console.log(removed, a);
function insertAt(arr, i, ...items) { arr.splice(i, 0, ...items); return arr; }
console.log(insertAt([1, 2, 5], 2, 3, 4), insertAt([], 0, "only"), insertAt([1], 5, "end"), insertAt([1, 2], -1, "before last"));
function removeAll(arr, v) { let i; while ((i = arr.indexOf(v)) !== -1) arr.splice(i, 1); return arr; }
console.log(removeAll([1, 2, 1, 3, 1], 1), removeAll([], 1));
function move(arr, from, to) { const [item] = arr.splice(from, 1); arr.splice(to, 0, item); return arr; }
console.log(move(["a", "b", "c", "d"], 0, 2), move(["a", "b", "c", "d"], 3, 0));
const big = Array.from({ length: 20 }, (_, i) => i);
const chunks = [];
while (big.length) chunks.push(big.splice(0, 6));
console.log(chunks, big.length);
const s = [1, 2, 3];
console.log(s.splice(-1, 1), s, s.splice(0, 0), s.splice(1, Infinity), s, s.splice(NaN, 1), s);
