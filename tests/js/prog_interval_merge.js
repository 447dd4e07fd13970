function merge(intervals) {
  const sorted = intervals.map(i => i.slice()).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out = [];
  for (const iv of sorted) { const last = out[out.length - 1]; if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]); else out.push(iv); }
  return out;
}
console.log(merge([[1, 3], [2, 6], [8, 10], [15, 18]]), merge([[1, 4], [4, 5]]), merge([]), merge([[5, 7], [1, 2], [2, 3], [6, 9]]));
function insert(ivs, n) { return merge([...ivs, n]); }
console.log(insert([[1, 2], [3, 5], [6, 7], [8, 10], [12, 16]], [4, 8]));
function freeSlots(busy, start, end) { const m = merge(busy); const out = []; let t = start; for (const [a, b] of m) { if (a > t) out.push([t, Math.min(a, end)]); t = Math.max(t, b); } if (t < end) out.push([t, end]); return out.filter(([a, b]) => a < b); }
console.log(freeSlots([[9, 10.5], [12, 13], [10, 11], [16, 18]], 8, 17));
function twoSum(nums, target) { const seen = {}; for (let i = 0; i < nums.length; i++) { const need = target - nums[i]; if (need in seen) return [seen[need], i]; seen[nums[i]] = i; } return null; }
console.log(twoSum([2, 7, 11, 15], 9), twoSum([3, 2, 4], 6), twoSum([1, 2], 7));
function maxSubarray(a) { let best = -Infinity, cur = 0, s = 0, range = [0, 0]; for (let i = 0; i < a.length; i++) { if (cur <= 0) { cur = a[i]; s = i; } else cur += a[i]; if (cur > best) { best = cur; range = [s, i]; } } return { best, range }; }
console.log(maxSubarray([-2, 1, -3, 4, -1, 2, 1, -5, 4]), maxSubarray([-3, -1, -2]));
