class Strict { constructor(v) { if (typeof v !== "number") throw new TypeError("need number, got " + typeof v); this.v = v; } }
for (const v of [1, "s", null]) { try { console.log(new Strict(v).v); } catch (e) { console.log(e.name, e.message); } }
class Base { constructor() { this.ok = true; throw new Error("base failed"); } }
class Derived extends Base { constructor() { super(); this.never = true; } }
try { new Derived(); } catch (e) { console.log("derived:", e.message); }
class FieldThrows { x = (() => { throw new RangeError("field init"); })(); }
try { new FieldThrows(); } catch (e) { console.log(e.name, e.message); }
class NoSuper extends Base { constructor() { } }
try { new NoSuper(); } catch (e) { console.log(e instanceof ReferenceError); }
let attempts = 0;
class Retry { constructor() { attempts++; if (attempts < 3) throw new Error("try again"); this.n = attempts; } }
let r = null;
while (r === null) { try { r = new Retry(); } catch (e) { console.log(e.message, attempts); } }
console.log(r.n);
function Legacy(x) { if (x < 0) throw new RangeError("negative"); this.x = x; }
try { new Legacy(-1); } catch (e) { console.log(e.name); }
console.log(new Legacy(2).x);
