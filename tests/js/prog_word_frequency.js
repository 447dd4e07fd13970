const text = `It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair.`;
function words(t) {
  const out = [];
  let cur = "";
  for (const ch of t.toLowerCase()) {
    if (ch >= "a" && ch <= "z") cur += ch;
    else if (cur) { out.push(cur); cur = ""; }
  }
  if (cur) out.push(cur);
  return out;
}
const ws = words(text);
const freq = {};
for (const w of ws) freq[w] = (freq[w] || 0) + 1;
const ranked = Object.entries(freq).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
console.log(ws.length, Object.keys(freq).length);
for (const [w, c] of ranked.slice(0, 8)) console.log(w.padEnd(12, "."), String(c).padStart(3));
const longest = ws.reduce((a, b) => (b.length > a.length ? b : a));
console.log("longest:", longest, "avg length:", (ws.join("").length / ws.length).toFixed(3));
const byLen = {};
for (const w of Object.keys(freq)) (byLen[w.length] = byLen[w.length] || []).push(w);
console.log(byLen);
