// Prototype cycles are refused with a TypeError (instead of hanging later); deep JSON nesting
// is a RangeError at once.
function attempt(label, f) {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, e.constructor.name, e.message);
  }
}
var a = {};
attempt('self __proto__', () => { a.__proto__ = a; });
var b = {};
var c = Object.create(b);
attempt('two-object cycle', () => Object.setPrototypeOf(b, c));
attempt('Object.prototype', () => Object.setPrototypeOf(Object.prototype, {}));
attempt('same proto', () => Object.setPrototypeOf(Object.prototype, null) === Object.prototype);
attempt('non-extensible', () => Object.setPrototypeOf(Object.preventExtensions({}), {}));
attempt('bad proto', () => Object.setPrototypeOf({}, 1));
console.log(Object.setPrototypeOf(1, null), a instanceof Object, c instanceof Object);
var deep = {};
var cur = deep;
for (var i = 0; i < 10500; i++) {
  cur.n = {};
  cur = cur.n;
}
attempt('deep JSON', () => JSON.stringify(deep));
// Loose equality with a symbol whose wrapper has no @@toPrimitive terminates.
var sy = Symbol('q');
console.log(sy == sy, sy == Object(sy), sy == 1, sy == 'Symbol(q)');
attempt('array == symbol', () => [sy] == sy);
delete Symbol.prototype[Symbol.toPrimitive];
Object.defineProperty(Symbol.prototype, 'valueOf', { get() { return () => 1; } });
console.log(Object(Symbol()) == 123);
