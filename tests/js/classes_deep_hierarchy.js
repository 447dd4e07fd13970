class L0 { constructor() { this.levels = ["L0"]; } who() { return "L0"; } chain() { return "0"; } static depth() { return 0; } }
class L1 extends L0 { constructor() { super(); this.levels.push("L1"); } chain() { return super.chain() + "1"; } static depth() { return super.depth() + 1; } }
class L2 extends L1 { constructor() { super(); this.levels.push("L2"); } chain() { return super.chain() + "2"; } static depth() { return super.depth() + 1; } }
class L3 extends L2 { chain() { return super.chain() + "3"; } static depth() { return super.depth() + 1; } }
class L4 extends L3 { constructor() { super(); this.levels.push("L4"); } who() { return "L4:" + super.who(); } chain() { return super.chain() + "4"; } static depth() { return super.depth() + 1; } }
class L5 extends L4 { chain() { return super.chain() + "5"; } static depth() { return super.depth() + 1; } }
class L6 extends L5 { constructor() { super(); this.levels.push("L6"); } chain() { return super.chain() + "6"; } static depth() { return super.depth() + 1; } }
const x = new L6();
console.log(x.levels, x.chain(), x.who(), L6.depth(), L3.depth());
const ctors = [L0, L1, L2, L3, L4, L5, L6];
console.log(ctors.map(C => ctors.filter(D => new C() instanceof D).length));
let p = Object.getPrototypeOf(x), names = [];
while (p !== Object.prototype) { names.push(p.constructor.name); p = Object.getPrototypeOf(p); }
console.log(names.join(" < "));
let total = 0;
for (let i = 0; i < 2000; i++) total += new ctors[i % 7]().chain().length;
console.log(total);
