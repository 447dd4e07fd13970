// Fast paths of the generic Array methods (fill, splice, indexOf on dense arrays) keep the
// spec's behaviour: setters on the prototype, lengths changed by argument conversions,
// index properties on Object.prototype, frozen arrays, holes read through the prototype.
const a = new Array(5).fill(7); console.log(a);
const b = [1, 2, 3, 4, 5]; b.fill(0, 1, 3); console.log(b);
const c = [1, 2, 3]; c.fill(9, -2); console.log(c);
let seen = [];
Object.defineProperty(Array.prototype, "1", { set(v) { seen.push(v); }, configurable: true });
const d = new Array(3).fill(4);
delete Array.prototype[1];
console.log(d.length, Object.keys(d), seen);
const e = [1, 2, 3, 4, 5];
e.fill(8, { valueOf() { e.length = 1; return 0; } });
console.log(e);
Object.prototype[2] = "x";
const f = new Array(4).fill(1); console.log(f);
delete Object.prototype[2];
const g = Object.freeze([1, 2]); try { g.fill(0); } catch (err) { console.log(err instanceof TypeError); }
console.log([].fill(1), [1,2,3].fill(5, 1, 1));
const h = [1, 2, 3, 4]; console.log(h.splice(1, 2), h, h.splice(-1), h, h.splice(0, 0, 7, 8), h);
console.log([1, 2, NaN, 3].indexOf(3), [1, , 3].indexOf(undefined), [0, -0].indexOf(-0), [1,2,3].indexOf(3, -1));
