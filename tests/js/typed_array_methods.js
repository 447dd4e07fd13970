// %TypedArray%.prototype methods, from/of and species.
const t = new Int16Array([5, -3, 9, 0, -3, 12]);
console.log(t.at(-1), t.at(10), t.includes(-3), t.includes(-3, 5), t.indexOf(-3), t.lastIndexOf(-3), t.indexOf(7));
console.log(t.join(), t.join(" | "), t.toString(), t.toLocaleString());
console.log(t.every(x => x > -5), t.some(x => x > 10), t.find(x => x < 0), t.findIndex(x => x < 0),
  t.findLast(x => x < 0), t.findLastIndex(x => x < 0), t.find(x => x > 100));
console.log(t.reduce((a, b) => a + b), t.reduceRight((a, b) => a + "," + b, "start"));
console.log(t.map(x => x * 1000).join(), t.filter(x => x > 0).join());
const seen = []; t.forEach((x, i, arr) => seen.push(i + ":" + x + ":" + (arr === t))); console.log(seen.join(" "));
console.log(t.slice(1, 4).join(), t.slice(-2).join(), t.subarray(2, 4).join(), t.subarray(-3).byteOffset);
console.log(t.toReversed().join(), t.toSorted().join(), t.toSorted((a, b) => b - a).join(), t.with(0, 100).join(), t.join());
console.log(new Float64Array([3, NaN, -0, 0, -Infinity, 1]).sort().join(), Object.is(new Float64Array([0, -0]).sort()[0], -0));
const c = new Uint8Array([1, 2, 3, 4, 5]);
console.log(c.copyWithin(0, 3).join(), c.copyWithin(1, 0, 3).join(), c.fill(9, 1, 3).join(), c.fill(7).join());
console.log(new Int8Array([1, 2, 3]).reverse().join(), new Float32Array([1.5, 2.5]).reverse().join());
const dst = new Uint8Array(6);
dst.set([1, 2, 3], 2); console.log(dst.join());
dst.set(new Int16Array([-1, 256]), 0); console.log(dst.join());
const shared = new Uint8Array([1, 2, 3, 4, 5, 6]);
shared.set(shared.subarray(0, 4), 2); console.log(shared.join());
try { dst.set([1, 2], 5); } catch (e) { console.log(e.constructor.name); }
try { dst.with(9, 1); } catch (e) { console.log(e.constructor.name); }
console.log(Uint8Array.from([1, 2, 3], function (x, i) { return x * this.k + i; }, { k: 10 }).join(),
  Float32Array.from({ length: 2, 0: 0.5 }).join(), Int8Array.of(1, -1, 300).join(), Uint16Array.from("123").join());
console.log([...t.keys()].join(), [...t.values()].join(), JSON.stringify([...new Uint8Array([7, 8]).entries()]));
// Species: subclass results.
class Mine extends Uint8Array {}
const m = new Mine([1, 2, 3]);
console.log(m.map(x => x * 2) instanceof Mine, m.filter(x => x > 1) instanceof Mine, m.slice(1) instanceof Mine,
  m.subarray(1) instanceof Mine, m.toReversed() instanceof Mine, m.toSorted() instanceof Uint8Array);
class Other extends Uint8Array { static get [Symbol.species]() { return Float64Array; } }
console.log(new Other([1, 2]).map(x => x / 4).join(), new Other([1, 2]).slice(0, 1).constructor.name);
// Errors.
for (const bad of [() => Int8Array.prototype.join.call([1, 2]), () => t.map(1),
  () => t.sort("x"), () => new Int8Array(0).reduce((a, b) => a), () => Int8Array.from.call({}, [])]) {
  try { bad(); console.log("no error"); } catch (e) { console.log(e.constructor.name); }
}
console.log(Int8Array.prototype.toString === Array.prototype.toString, Int8Array.prototype[Symbol.iterator] === Int8Array.prototype.values);
const lengths = ["at", "copyWithin", "entries", "every", "fill", "filter", "find", "includes", "indexOf", "join",
  "map", "reduce", "set", "slice", "sort", "subarray", "with"].map(n => n + "/" + Object.getPrototypeOf(Int8Array).prototype[n].length);
console.log(lengths.join(" "));
