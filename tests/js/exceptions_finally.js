function f1() { try { return "try"; } finally { console.log("finally runs"); } }
console.log(f1());
function f2() { try { return "try"; } finally { return "finally"; } }
console.log(f2());
function f3() { try { throw new Error("x"); } catch (e) { return "catch"; } finally { console.log("f3 finally"); } }
console.log(f3());
function f4() { try { throw new Error("lost"); } finally { return "finally swallows"; } }
console.log(f4());
function f5() { let x = 1; try { return x; } finally { x = 2; } }
console.log(f5());
function f6() { const o = { v: 1 }; try { return o; } finally { o.v = 2; } }
console.log(f6());
function f7() { for (let i = 0; i < 5; i++) { try { if (i === 2) break; } finally { console.log("loop finally", i); } } return "after"; }
console.log(f7());
function f8() { for (let i = 0; i < 3; i++) { try { continue; } finally { console.log("continue finally", i); } } }
f8();
function f9() { try { try { throw new Error("in"); } finally { console.log("inner finally"); } } catch (e) { return "outer caught " + e.message; } }
console.log(f9());
function f10() { try { return "a"; } finally { try { throw 1; } catch (e) { console.log("caught inside finally"); } } }
console.log(f10());
function f11() { try { throw new Error("first"); } finally { throw new Error("second"); } }
try { f11(); } catch (e) { console.log(e.message); }
function f12() { let log = []; try { try { log.push("t"); return log; } finally { log.push("f1"); } } finally { log.push("f2"); } }
console.log(f12());
function f13() { outer: for (;;) { try { break outer; } finally { console.log("labelled break finally"); } } return 13; }
console.log(f13());
let count = 0;
function f14() { try { count++; return count; } finally { count += 10; } }
console.log(f14(), count);
function f15(n) { try { if (n > 0) return f15(n - 1) + 1; return 0; } finally { count++; } }
console.log(f15(5), count);
