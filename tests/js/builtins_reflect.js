// Reflect: the object internal methods as functions.
function attempt(label, f) {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, e.constructor.name);
  }
}
var sym = Symbol('s');
var o = { b: 1, a: 2, 1: 'one', [sym]: 3 };
console.log(Reflect.ownKeys(o), Reflect.has(o, 'a'), Reflect.has(o, 'toString'), Reflect.has(o, 'zz'));
console.log(Reflect.get(o, 'a'), Reflect.get({ get x() { return this.y; } }, 'x', { y: 'receiver' }));
console.log(Reflect.set(o, 'c', 5), o.c, Reflect.set(Object.freeze({ q: 1 }), 'q', 2));
var target = { set v(x) { this.seen = x; } };
var recv = {};
console.log(Reflect.set(target, 'v', 7, recv), recv.seen, target.seen);
console.log(Reflect.defineProperty(o, 'd', { value: 1 }), Reflect.defineProperty(o, 'd', { value: 2 }));
console.log(Reflect.deleteProperty(o, 'a'), Reflect.deleteProperty(o, 'd'), 'a' in o);
console.log(Reflect.getOwnPropertyDescriptor(o, 'b'), Reflect.getOwnPropertyDescriptor(o, 'nope'));
console.log(Reflect.getPrototypeOf([]) === Array.prototype, Reflect.setPrototypeOf(o, null), Reflect.getPrototypeOf(o));
var x = {};
var y = Object.create(x);
console.log(Reflect.setPrototypeOf(x, y), Reflect.setPrototypeOf(Object.preventExtensions({}), {}));
console.log(Reflect.isExtensible(o), Reflect.preventExtensions(o), Reflect.isExtensible(o));
console.log(Reflect.apply(Math.max, null, [1, 3, 2]), Reflect.apply(function () { return this; }, 'T', []) == 'T');
class K { constructor(a) { this.a = a; } }
class L {}
var k = Reflect.construct(K, [5], L);
console.log(k.a, k instanceof L, k instanceof K);
attempt('apply non-callable', () => Reflect.apply(1, null, []));
attempt('apply bad args', () => Reflect.apply(Math.max, null, 1));
attempt('construct non-ctor', () => Reflect.construct(() => {}, []));
attempt('get on primitive', () => Reflect.get(1, 'x'));
attempt('ownKeys on primitive', () => Reflect.ownKeys('s'));
console.log(String(Reflect), Object.keys(Reflect).length, Reflect.defineProperty.length, Reflect.construct.name);
