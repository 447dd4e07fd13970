class Trie {
  constructor() { this.root = { children: {}, end: false }; this.size = 0; }
  insert(w) { let n = this.root; for (const c of w) n = n.children[c] || (n.children[c] = { children: {}, end: false }); if (!n.end) { n.end = true; this.size++; } }
  has(w) { const n = this.find(w); return n !== null && n.end; }
  find(p) { let n = this.root; for (const c of p) { n = n.children[c]; if (!n) return null; } return n; }
  withPrefix(p) { const out = []; const n = this.find(p); const walk = (node, acc) => { if (node.end) out.push(acc); for (const c of Object.keys(node.children).sort()) walk(node.children[c], acc + c); }; if (n) walk(n, p); return out; }
}
const t = new Trie();
for (const w of ["car", "card", "care", "cart", "cat", "dog", "do", "dot", "car"]) t.insert(w);
console.log(t.size, t.has("car"), t.has("ca"), t.withPrefix("car"), t.withPrefix("do"), t.withPrefix("x"));
class HashMap {
  constructor(cap = 8) { this.buckets = new Array(cap).fill(null).map(() => []); this.count = 0; }
  hash(k) { let h = 0; for (let i = 0; i < k.length; i++) h = (h * 31 + k.charCodeAt(i)) | 0; return h >>> 0; }
  set(k, v) { const b = this.buckets[this.hash(k) % this.buckets.length]; for (const e of b) if (e[0] === k) { e[1] = v; return; } b.push([k, v]); if (++this.count > this.buckets.length * 0.75) this.resize(); }
  get(k) { for (const [kk, v] of this.buckets[this.hash(k) % this.buckets.length]) if (kk === k) return v; return undefined; }
  resize() { const old = this.buckets; this.buckets = new Array(old.length * 2).fill(null).map(() => []); this.count = 0; for (const b of old) for (const [k, v] of b) this.set(k, v); }
}
const m = new HashMap();
for (let i = 0; i < 1000; i++) m.set("key" + i, i * i);
m.set("key5", "five");
console.log(m.count, m.buckets.length, m.get("key999"), m.get("key5"), m.get("nope"), m.hash("hello"), m.hash(""));
const lens = m.buckets.map(b => b.length);
console.log(Math.max(...lens), lens.filter(l => l === 0).length);
