// new Map(iterable) / new Set(iterable) go through the collection's own set/add and close
// the iterator when that throws (an infinite iterator ends there instead of hanging).
const orig = Map.prototype.set;
Map.prototype.set = function () { throw new Error('no'); };
let closed = false;
const it = { [Symbol.iterator]() { return { next() { return { value: [1, 2], done: false }; }, return() { closed = true; return {}; } }; } };
try { new Map(it); } catch (e) { console.log(e.message, closed); }
Map.prototype.set = orig;
console.log(new Map([[1, 2], [3, 4]]), new Set([1, 2, 2, 3]), new Set('abca'));
class M2 extends Map { set(k, v) { console.log('set', k, v); return super.set(k, v); } }
new M2([[1, 'a']]);
try { new Map([1]); } catch (e) { console.log(e.message); }
const S = Set.prototype.add; Set.prototype.add = undefined; try { new Set([1]); } catch (e) { console.log(e.message); } Set.prototype.add = S;
