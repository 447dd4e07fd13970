function usesLocalMath() { const Math = { max: () => "local max" }; return Math.max(1, 2); }
console.log(usesLocalMath(), Math.max(1, 2));
function paramNamedUndefined(undefined) { return undefined; }
console.log(paramNamedUndefined(5), undefined);
{ const JSON = "not json"; console.log(JSON); }
console.log(typeof JSON.stringify);
const log = console.log;
log("aliased console.log", [1]);
let parseInt = s => "custom:" + s;
console.log(parseInt("10"), Number("10"));
function Array2() { return "not an array"; }
const Object2 = { keys: () => ["fake"] };
console.log(Array2(), Object2.keys({ a: 1 }), Object.keys({ a: 1 }));
class Error2 extends Error {}
const err = new Error2("sub");
console.log(err instanceof Error, err.message);
let NaN2 = NaN, Infinity2 = -Infinity;
console.log(NaN2, Infinity2);
const console2 = { log: (...a) => console.log("wrapped:", ...a) };
console2.log("hi", 1);
