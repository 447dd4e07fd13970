// Private names are private: per class evaluation, invisible to reflection, brand-checked,
// and not affected by freezing; class elements are defined in the spec's order.
class A { #x = 1; static has(o){ return #x in o; } get(){ return this.#x; } inc(){ this.#x++; this.#x += 2; return this.#x; }
  #m() { return 'm' + this.#x; } callm(){ return this.#m(); }
  get #g() { return 'g'; } set #g(v) { this.#x = v; } useg(){ this.#g = 40; return this.#g + this.#x; }
  static #s = 5; static #sm() { return A.#s; } static s(){ return A.#sm(); }
  static self = this; static [('comp' + 'uted')] = 7; ['k' + 1] = 8;
}
const a = new A();
console.log(a.get(), A.has(a), A.has({}), Object.keys(a), a["#x"], a.inc(), a.callm(), a.useg(), A.s(), A.self === A, A.computed, a.k1);
console.log(a, Object.getOwnPropertyNames(a), Object.getOwnPropertySymbols(a), JSON.stringify(a));
try { A.prototype.get.call({}); } catch (e) { console.log(e.message); }
try { a.callm.call({}); } catch (e) { console.log(e.message); }
class B { #m(){} f(){ this.#m = 1; } } try { new B().f(); } catch (e) { console.log(e.message); }
class Base { constructor(o) { return o; } }
class D extends Base { #f = 1; static g(o) { return o.#f; } }
const o = {}; new D(o); console.log(D.g(o)); try { new D(o); } catch (e) { console.log(e.message); }
Object.freeze(o); 
class E extends Base { #z = 3; static g(o) { o.#z = 4; return o.#z; } }
new E(o); console.log(E.g(o));
try { 1 in 2; } catch (e) { console.log(e.message); }
try { A.has(1); } catch (e) { console.log(e.message); }
class F { static #x = 1; static #y = F.#x + 1; static y() { return F.#y; } } console.log(F.y());
class G { #a = 1; m() { return eval('this.#a'); } } console.log(new G().m());
class H { #p = 1; static t(o) { return o?.#p; } } console.log(H.t(null), H.t(new H()));
class A2 { #m(){} get #g(){return 1} set #s(v){} static #sm(){} 
 static t(o){ try { o.#m(); } catch(e) { console.log(e.message); } try { o.#g; } catch(e) { console.log(e.message); } try { o.#s = 1; } catch(e) { console.log(e.message); } try { o.#sm(); } catch(e) { console.log(e.message); } try { o.#m = 1; } catch(e) { console.log(e.message); } } }
A2.t({});
const B2 = class { #m(){} static t(o){ try { o.#m(); } catch(e) { console.log(e.message); } } }; B2.t({});
const C2 = (() => class { #m(){} static t(o){ try { o.#m(); } catch(e) { console.log(e.message); } } })(); C2.t({});

// Each evaluation of a class body makes new private names.
function make() { return class { #v = 1; static read(o) { return o.#v; } }; }
const K1 = make(), K2 = make();
try { K2.read(new K1()); } catch (e) { console.log("K2 on K1:", e.message); }
console.log(K1.read(new K1()));

// Escaped private identifiers name the same element.
class Esc { #\u0061b = 'escaped'; get() { return this.#ab; } }
console.log(new Esc().get());

// A nested class sees (and may shadow) the outer private names.
class Outer {
  #p = 'outer';
  static Inner = class { #p = 'inner'; read(o) { return o.#p; } };
  static viaArrow(o) { const f = () => o.#p; return f(); }
}
const inner = new Outer.Inner();
console.log(inner.read(inner), Outer.viaArrow(new Outer()));
try { inner.read(new Outer()); } catch (e) { console.log(e.message); }

// Order: static fields run after every method is defined; instance fields exist when a
// static initializer constructs; computed keys are evaluated once, at definition.
let keyCalls = 0;
const key = { toString() { keyCalls++; return 'dyn'; } };
class Order {
  static made = new Order();
  static viaLater = Order.later();
  [key] = 'computed';
  field = 'field';
  static later() { return 'later'; }
}
console.log(Order.made.field, Order.made.dyn, Order.viaLater, new Order().dyn, keyCalls);

// Public fields are defined, not assigned: a setter on the prototype is not called, and a
// frozen receiver (from a base constructor's return) throws.
class Setter { set x(v) { console.log('setter called'); } }
class Field extends Setter { x = 1; }
console.log(Object.getOwnPropertyDescriptor(new Field(), 'x'));
class Ret { constructor(o) { return o; } }
class Pub extends Ret { y = 1; }
try { new Pub(Object.freeze({})); } catch (e) { console.log(e.constructor.name, e.message); }
try { class S { static ['prototype'] = 1; } } catch (e) { console.log(e.constructor.name, e.message); }

// `this` and `super` in static fields and blocks are the class and its parent.
class P0 { static who() { return 'P0'; } }
class P1 extends P0 { static self = this; static up = super.who(); static { console.log(this === P1, super.who()); } }
console.log(P1.self === P1, P1.up);
