const obj = {
  name: "obj",
  regular() { return this.name; },
  nested() { const inner = () => this.name; return inner(); },
  delayed() { const self = this; return [1, 2].map(function (v) { return self.name + v; }); },
  delayedArrow() { return [1, 2].map(() => this.name); },
};
console.log(obj.regular(), obj.nested(), obj.delayed(), obj.delayedArrow());
const other = { name: "other", regular: obj.regular };
console.log(other.regular(), obj.regular.call({ name: "called" }));
function Counter() { this.n = 0; this.tick = () => { this.n++; return this; }; }
const ctr = new Counter();
const t = ctr.tick; t(); t();
console.log(ctr.n);
const sq = x => x * x;
const mk = (a, b) => ({ a, b });
const blk = x => { return x + 1; };
console.log(sq(7), mk(1, 2), blk(1), (() => {})(), (x => y => x - y)(10)(3));
const arr = [3, 1, 2];
console.log(arr.map((v, i) => v * i), arr.filter(v => v > 1), arr.reduce((a, b) => a + b));
function outer(a) { return () => () => a + this.k; }
console.log(outer.call({ k: "!" }, "arg0")()());
