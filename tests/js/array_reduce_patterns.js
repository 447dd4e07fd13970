const nums = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
console.log(nums.reduce((a, b) => a + b), nums.reduce((a, b) => Math.max(a, b)), nums.reduce((a, b) => (a < b ? a : b)));
const counts = nums.reduce((m, n) => { m[n] = (m[n] || 0) + 1; return m; }, {});
console.log(counts);
const unique = nums.reduce((u, n) => (u.includes(n) ? u : [...u, n]), []);
console.log(unique);
const flattened = [[1, 2], [3], [], [4, [5]]].reduce((a, b) => a.concat(b), []);
console.log(flattened);
const pipeline = [x => x + 1, x => x * 2, x => x - 3].reduce((f, g) => x => g(f(x)));
console.log(pipeline(5));
const partition = nums.reduce(([even, odd], n) => (n % 2 ? [even, [...odd, n]] : [[...even, n], odd]), [[], []]);
console.log(partition);
const running = nums.reduce((acc, n) => { acc.push((acc[acc.length - 1] || 0) + n); return acc; }, []);
console.log(running);
const obj = Object.entries({ a: 1, b: 2, c: 3 }).reduce((o, [k, v]) => ({ ...o, [k.toUpperCase()]: v * 10 }), {});
console.log(obj);
try { [].reduce((a, b) => a); } catch (e) { console.log(e.name); }
console.log([5].reduce((a, b) => a * b), [].reduce((a, b) => a, "seed"), [[0, 1], [2, 3]].reduce((acc, [a, b]) => acc + a * b, 0));
