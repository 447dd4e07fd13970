function permutations(arr) { if (arr.length <= 1) return [arr.slice()]; const out = []; arr.forEach((x, i) => { for (const p of permutations([...arr.slice(0, i), ...arr.slice(i + 1)])) out.push([x, ...p]); }); return out; }
console.log(permutations([1, 2, 3]).map(p => p.join("")), permutations([]).length, permutations("abcd".split("")).length);
function subsets(arr) { return arr.reduce((acc, x) => acc.concat(acc.map(s => [...s, x])), [[]]); }
console.log(subsets(["a", "b", "c"]).map(s => s.join("") || "∅"));
function combinations(arr, k) { if (k === 0) return [[]]; if (arr.length < k) return []; const [h, ...t] = arr; return combinations(t, k - 1).map(c => [h, ...c]).concat(combinations(t, k)); }
console.log(combinations([1, 2, 3, 4, 5], 3).length, combinations([1, 2, 3, 4], 2).map(c => c.join("")).join(" "));
function partitionsOf(n, max = n) { if (n === 0) return [[]]; const out = []; for (let k = Math.min(n, max); k >= 1; k--) for (const p of partitionsOf(n - k, k)) out.push([k, ...p]); return out; }
console.log(partitionsOf(5).map(p => p.join("+")));
function parens(n) { const out = []; (function go(s, open, close) { if (s.length === 2 * n) { out.push(s); return; } if (open < n) go(s + "(", open + 1, close); if (close < open) go(s + ")", open, close + 1); })("", 0, 0); return out; }
console.log(parens(3), parens(5).length);
