const edges = [["A", "B", 4], ["A", "C", 2], ["B", "C", 5], ["B", "D", 10], ["C", "E", 3], ["E", "D", 4], ["D", "F", 11], ["E", "F", 20], ["G", "H", 1]];
const graph = {};
for (const [u, v, w] of edges) { (graph[u] = graph[u] || []).push([v, w]); (graph[v] = graph[v] || []).push([u, w]); }
function bfs(start) { const seen = { [start]: 0 }, order = [start], q = [start]; while (q.length) { const u = q.shift(); for (const [v] of graph[u]) if (!(v in seen)) { seen[v] = seen[u] + 1; order.push(v); q.push(v); } } return { order, seen }; }
console.log(bfs("A"));
function dfs(u, seen = {}, out = []) { seen[u] = true; out.push(u); for (const [v] of graph[u].slice().sort()) if (!seen[v]) dfs(v, seen, out); return out; }
console.log(dfs("A").join("->"));
function dijkstra(src) {
  const dist = {}, prev = {}, done = {};
  for (const k in graph) dist[k] = Infinity;
  dist[src] = 0;
  for (;;) {
    let u = null;
    for (const k in dist) if (!done[k] && dist[k] < Infinity && (u === null || dist[k] < dist[u])) u = k;
    if (u === null) break;
    done[u] = true;
    for (const [v, w] of graph[u]) if (dist[u] + w < dist[v]) { dist[v] = dist[u] + w; prev[v] = u; }
  }
  return { dist, prev };
}
const { dist, prev } = dijkstra("A");
console.log(dist);
const path = []; for (let n = "F"; n; n = prev[n]) path.unshift(n);
console.log(path.join(" -> "));
function components() { const seen = {}, comps = []; for (const k of Object.keys(graph).sort()) if (!seen[k]) { const c = dfs(k, seen, []); comps.push(c.sort().join("")); } return comps; }
console.log(components());
const deps = { app: ["lib", "util"], lib: ["core"], util: ["core"], core: [], test: ["app"] };
function topo(d) { const out = [], state = {}; const visit = n => { if (state[n] === 2) return; if (state[n] === 1) throw new Error("cycle at " + n); state[n] = 1; for (const m of d[n]) visit(m); state[n] = 2; out.push(n); }; for (const n of Object.keys(d)) visit(n); return out; }
console.log(topo(deps));
try { topo({ a: ["b"], b: ["a"] }); } catch (e) { console.log(e.message); }
class UnionFind { constructor(n) { this.p = Array.from({ length: n }, (_, i) => i); } find(x) { while (this.p[x] !== x) { this.p[x] = this.p[this.p[x]]; x = this.p[x]; } return x; } union(a, b) { this.p[this.find(a)] = this.find(b); } }
const uf = new UnionFind(10); [[0, 1], [2, 3], [1, 3], [5, 6], [7, 7]].forEach(([a, b]) => uf.union(a, b));
console.log(uf.find(0) === uf.find(2), uf.find(5) === uf.find(0));
