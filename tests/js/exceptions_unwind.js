// exceptions unwinding through many frames
const log = [];
function level(n) {
  try {
    if (n === 0) throw new Error("bottom");
    return level(n - 1);
  } finally {
    if (n % 10 === 0) log.push(n);
  }
}
try { level(50); } catch (e) { console.log("caught", e.message, log); }
function deep(n) { if (n === 0) { const o = null; return o.prop; } return deep(n - 1) + 1; }
try { deep(200); } catch (e) { console.log(e instanceof TypeError); }
function rethrowChain(n) { try { if (n === 0) throw new Error("e0"); rethrowChain(n - 1); } catch (e) { throw new Error(e.message + "," + n); } }
try { rethrowChain(5); } catch (e) { console.log(e.message); }
class Walker { constructor(n) { this.n = n; } walk() { if (this.n === 0) throw new RangeError("done walking"); return new Walker(this.n - 1).walk(); } }
try { new Walker(30).walk(); } catch (e) { console.log(e.name, e.message); }
const arr = [1, 2, 3, 4, 5];
try { arr.forEach(x => { if (x === 3) throw new Error("stop at " + x); }); } catch (e) { console.log(e.message); }
try { arr.map(x => [x].map(y => { if (y === 4) throw y; return y; })); } catch (e) { console.log("thrown through map:", e); }
try { [3, 1, 2].sort((a, b) => { throw new Error("cmp"); }); } catch (e) { console.log(e.message); }
function catchesSome(n) { try { return mid(n); } catch (e) { if (e === "keep") return "handled at top"; throw e; } }
function mid(n) { return low(n); }
function low(n) { if (n === 1) throw "keep"; if (n === 2) throw "pass"; return "ok"; }
console.log(catchesSome(0), catchesSome(1));
try { catchesSome(2); } catch (e) { console.log("passed:", e); }
let state = 0;
function guard() { state++; try { return helper(); } finally { state--; } }
function helper() { if (state < 20) return guard(); throw new Error("limit"); }
try { guard(); } catch (e) { console.log(e.message, "state restored:", state); }
