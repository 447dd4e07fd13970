// Subclasses of Object and Function get NewTarget's prototype; native functions' source text
// is NativeFunction syntax even for names that are not identifiers.
const Subclass = class extends Object {};
const sub = new Subclass();
console.log(sub instanceof Subclass, sub instanceof Object, Object.getPrototypeOf(sub) === Subclass.prototype);
class F extends Function {}
const f = new F('return 7');
console.log(f instanceof F, f instanceof Function, f());
class O2 extends Object { constructor() { super(5); } }
console.log(new O2() instanceof O2);
console.log(Object.getOwnPropertyDescriptor(RegExp, "$1").get.toString(), Math.max.toString(), Array.prototype[Symbol.iterator].toString());
console.log(Reflect.construct(Object, [1], Array) instanceof Array, typeof Reflect.construct(Function, ["return 1"], Array));
