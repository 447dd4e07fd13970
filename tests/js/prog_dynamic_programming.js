function lcs(a, b) {
  const dp = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) dp[i][j] = a[i - 1] === b[j - 1] ? dp[i - 1][j - 1] + 1 : Math.max(dp[i - 1][j], dp[i][j - 1]);
  let i = a.length, j = b.length, out = "";
  while (i > 0 && j > 0) { if (a[i - 1] === b[j - 1]) { out = a[i - 1] + out; i--; j--; } else if (dp[i - 1][j] >= dp[i][j - 1]) i--; else j--; }
  return out;
}
console.log(lcs("AGGTAB", "GXTXAYB"), lcs("ABCBDAB", "BDCABA"), JSON.stringify(lcs("", "abc")));
function editDistance(a, b) { let prev = Array.from({ length: b.length + 1 }, (_, j) => j); for (let i = 1; i <= a.length; i++) { const cur = [i]; for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))); prev = cur; } return prev[b.length]; }
console.log(editDistance("kitten", "sitting"), editDistance("flaw", "lawn"), editDistance("", "abc"), editDistance("same", "same"));
function knapsack(items, cap) { const dp = new Array(cap + 1).fill(0); for (const [w, v] of items) for (let c = cap; c >= w; c--) dp[c] = Math.max(dp[c], dp[c - w] + v); return dp[cap]; }
console.log(knapsack([[1, 1], [3, 4], [4, 5], [5, 7]], 7), knapsack([[10, 60], [20, 100], [30, 120]], 50));
function coinWays(coins, amount) { const ways = new Array(amount + 1).fill(0); ways[0] = 1; for (const c of coins) for (let a = c; a <= amount; a++) ways[a] += ways[a - c]; return ways[amount]; }
console.log(coinWays([1, 2, 5], 5), coinWays([1, 5, 10, 25, 50], 100), coinWays([2], 3), coinWays([1, 2, 5, 10, 20, 50, 100, 200], 200));
function lis(a) { const tails = []; for (const x of a) { let lo = 0, hi = tails.length; while (lo < hi) { const m = (lo + hi) >> 1; if (tails[m] < x) lo = m + 1; else hi = m; } tails[lo] = x; } return tails.length; }
console.log(lis([10, 9, 2, 5, 3, 7, 101, 18]), lis([0, 1, 0, 3, 2, 3]), lis([]));
const memo = {};
function partitions(n, k) { if (n === 0) return 1; if (n < 0 || k === 0) return 0; const key = n + "," + k; if (key in memo) return memo[key]; return (memo[key] = partitions(n - k, k) + partitions(n, k - 1)); }
console.log([1, 5, 10, 50, 100].map(n => partitions(n, n)));
function catalan(n) { const c = [1]; for (let i = 1; i <= n; i++) { c[i] = 0; for (let j = 0; j < i; j++) c[i] += c[j] * c[i - 1 - j]; } return c; }
console.log(catalan(15));
