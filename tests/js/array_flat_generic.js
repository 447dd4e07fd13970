// Array.prototype.flat and flatMap (ES2025 23.1.3.13-14): generic over array-likes, species,
// CreateDataPropertyOrThrow into the target.
console.log([1, [2, [3, [4]]], , 5].flat(), [1, [2, [3, [4]]]].flat(Infinity), [1, [2]].flat(-1), [[1, 2], [3]].flatMap((x, i) => [x, i]));
console.log(Array.prototype.flat.call({ length: 2, 0: [1, 2], 1: 3 }), Array.prototype.flatMap.call('ab', (c) => [c, c]));
try { [1].flatMap(5) } catch (e) { console.log(e.constructor.name) }
class MyArr extends Array {}
console.log(new MyArr(1, [2]).flat() instanceof MyArr);
const a = [1, [2]]; a.constructor = { [Symbol.species]: function () { return Object.preventExtensions([]); } };
try { a.flat(); console.log('no throw') } catch (e) { console.log(e.constructor.name) }
console.log([[1, , 3]].flat(), [1, 2, 3].flatMap((x) => x % 2 ? [] : [[x]]));
