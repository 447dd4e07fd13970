function build(depth, label = "r") { return depth === 0 ? { label } : { label, children: [build(depth - 1, label + "0"), build(depth - 1, label + "1")] }; }
const tree = build(4);
function count(t) { return 1 + (t.children ? t.children.reduce((s, c) => s + count(c), 0) : 0); }
function leaves(t) { return t.children ? t.children.reduce((a, c) => a.concat(leaves(c)), []) : [t.label]; }
function height(t) { return t.children ? 1 + Math.max(...t.children.map(height)) : 0; }
console.log(count(tree), height(tree), leaves(tree).length, leaves(tree).slice(0, 4));
function serialize(t) { return t.children ? `(${t.label} ${t.children.map(serialize).join(" ")})` : t.label; }
console.log(serialize(build(2)));
class BST {
  constructor() { this.root = null; this.size = 0; }
  insert(v) { const node = { v, l: null, r: null }; this.size++; if (!this.root) { this.root = node; return; } let n = this.root; for (;;) { if (v < n.v) { if (!n.l) { n.l = node; return; } n = n.l; } else { if (!n.r) { n.r = node; return; } n = n.r; } } }
  inorder(n = this.root, out = []) { if (n) { this.inorder(n.l, out); out.push(n.v); this.inorder(n.r, out); } return out; }
  height(n = this.root) { return n ? 1 + Math.max(this.height(n.l), this.height(n.r)) : 0; }
  has(v) { let n = this.root; while (n) { if (v === n.v) return true; n = v < n.v ? n.l : n.r; } return false; }
}
const bst = new BST();
let seed = 99; for (let i = 0; i < 200; i++) { seed = (seed * 69069 + 1) % 4294967296; bst.insert(seed % 1000); }
const sortedVals = bst.inorder();
console.log(bst.size, bst.height(), sortedVals.slice(0, 8), sortedVals.every((v, i) => i === 0 || sortedVals[i - 1] <= v), bst.has(sortedVals[50]), bst.has(-1));
