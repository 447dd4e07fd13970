// Open addressing hash table with linear probing and tombstones
class OpenTable {
  constructor(cap = 8) { this.keys = new Array(cap).fill(undefined); this.vals = new Array(cap); this.size = 0; this.tomb = 0; }
  hash(k) { let h = 2166136261; for (let i = 0; i < k.length; i++) { h ^= k.charCodeAt(i); h = (h * 16777619) >>> 0; } return h; }
  slot(k) { const cap = this.keys.length; let i = this.hash(k) % cap, firstTomb = -1; for (;;) { const cur = this.keys[i]; if (cur === undefined) return firstTomb >= 0 ? firstTomb : i; if (cur === null) { if (firstTomb < 0) firstTomb = i; } else if (cur === k) return i; i = (i + 1) % cap; } }
  set(k, v) { if ((this.size + this.tomb + 1) * 4 > this.keys.length * 3) this.grow(); const i = this.slot(k); if (this.keys[i] !== k) { if (this.keys[i] === null) this.tomb--; this.keys[i] = k; this.size++; } this.vals[i] = v; }
  get(k) { const i = this.slot(k); return this.keys[i] === k ? this.vals[i] : undefined; }
  delete(k) { const i = this.slot(k); if (this.keys[i] !== k) return false; this.keys[i] = null; this.vals[i] = undefined; this.size--; this.tomb++; return true; }
  grow() { const old = this.keys, oldV = this.vals; this.keys = new Array(old.length * 2).fill(undefined); this.vals = new Array(old.length * 2); this.size = 0; this.tomb = 0; old.forEach((k, i) => { if (typeof k === "string") this.set(k, oldV[i]); }); }
}
const t = new OpenTable();
for (let i = 0; i < 500; i++) t.set("k" + i, i);
for (let i = 0; i < 500; i += 3) t.delete("k" + i);
t.set("k3", "back");
let sum = 0; for (let i = 0; i < 500; i++) { const v = t.get("k" + i); if (typeof v === "number") sum += v; }
console.log(t.size, t.keys.length, t.tomb, sum, t.get("k3"), t.get("k6"), t.delete("nope"), t.hash("kiln"));
