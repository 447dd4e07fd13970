const table = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
function toRoman(n) { let out = ""; for (const [v, s] of table) while (n >= v) { out += s; n -= v; } return out; }
function fromRoman(s) {
  const val = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const cur = val[s[i]], next = val[s[i + 1]] || 0;
    total += cur < next ? -cur : cur;
  }
  return total;
}
const samples = [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999];
console.log(samples.map(toRoman));
let ok = true;
for (let i = 1; i < 4000; i++) if (fromRoman(toRoman(i)) !== i) ok = false;
console.log("round trip 1..3999:", ok);
let longest = 0, which = 0;
for (let i = 1; i < 4000; i++) { const l = toRoman(i).length; if (l > longest) { longest = l; which = i; } }
console.log(which, toRoman(which), longest);
