function level1(a) {
  return function level2(b) {
    return function level3(c) {
      return function level4(d) {
        return function level5(e) { a++; return [a, b, c, d, e].join(""); };
      };
    };
  };
}
const f5 = level1(1)(2)(3)(4);
console.log(f5(5), f5(6), f5(7));
function counterFactory() {
  let total = 0;
  return function make(step) {
    let local = 0;
    return () => { local += step; total += step; return [local, total]; };
  };
}
const make = counterFactory();
const byOne = make(1), byTen = make(10);
console.log(byOne(), byTen(), byOne(), byTen());
let fns = [];
for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) { const k = i * 3 + j; fns.push(() => [i, j, k]); }
console.log(fns.map(f => f().join("")).join(" "));
function loopCapture() { const out = []; let x = 0; while (x < 3) { const y = x; out.push(() => y * 10 + x); x++; } return out.map(f => f()); }
console.log(loopCapture());
function recursiveClosures(n) { if (n === 0) return []; const rest = recursiveClosures(n - 1); rest.push(() => n); return rest; }
console.log(recursiveClosures(5).map(f => f()));
const blocks = [];
{ let v = "block1"; blocks.push(() => v); }
{ let v = "block2"; blocks.push(() => v); }
console.log(blocks.map(f => f()));
function switchCapture(k) { switch (k) { case 1: { let v = "one"; return () => v; } default: { let v = "other"; return () => v; } } }
console.log(switchCapture(1)(), switchCapture(2)());
try { throw 5; } catch (err) { blocks.push(() => err * 2); }
console.log(blocks[2]());
