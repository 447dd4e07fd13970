// node's rule for arrays with more than six items
for (let n = 5; n <= 30; n += 1) {
  const a = [];
  for (let i = 0; i < n; i++) a.push(i * (n % 3 === 0 ? 1 : 37));
  console.log(a);
}
const words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"];
console.log(words);
console.log(words.map(w => w.length));
console.log([1.5, 2.25, -3, 100000, 7, 8, 9]);
console.log(["a", 1, "bb", 22, "ccc", 333, true, null]);
console.log([-1, -2, -3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
const longs = []; for (let i = 0; i < 8; i++) longs.push("x".repeat(i * 3));
console.log(longs);
const big = []; for (let i = 0; i < 120; i++) big.push(i);
console.log(big);
const veryLong = []; for (let i = 0; i < 7; i++) veryLong.push("word number " + i + " is long enough");
console.log(veryLong);
console.log([[1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 11, 12, 13, 14]]);
console.log({ data: [1, 2, 3, 4, 5, 6, 7, 8, 9] });
const objs = []; for (let i = 0; i < 7; i++) objs.push({ i });
console.log(objs);
