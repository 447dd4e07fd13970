// Object.defineProperty / defineProperties / getOwnPropertyDescriptor(s): descriptor
// validation, attribute updates, non-configurable redefinition, frozen and sealed objects.
function attempt(label, f) {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, e.constructor.name, e.message.split(', #<Object>')[0]);
  }
}
var o = {};
Object.defineProperty(o, 'x', { value: 1 });
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(o, 'x')));
attempt('redefine value', () => Object.defineProperty(o, 'x', { value: 2 }));
attempt('same value ok', () => Object.defineProperty(o, 'x', { value: 1 }).x);
attempt('make configurable', () => Object.defineProperty(o, 'x', { configurable: true }));
attempt('make enumerable', () => Object.defineProperty(o, 'x', { enumerable: true }));
attempt('to accessor', () => Object.defineProperty(o, 'x', { get() { return 3; } }));
attempt('get: 5', () => Object.defineProperty(o, 'y', { get: 5 }));
attempt('set: []', () => Object.defineProperty(o, 'y', { set: [] }));
attempt('get and value', () => Object.defineProperty(o, 'y', { get() {}, value: 3 }));
attempt('writable and set', () => Object.defineProperty(o, 'y', { set(v) {}, writable: true }));
attempt('not an object', () => Object.defineProperty(o, 'y', 7));
attempt('target not object', () => Object.defineProperty(1, 'y', {}));

// Writable non-configurable: value and writable may still change (writable only to false).
var w = {};
Object.defineProperty(w, 'p', { value: 1, writable: true });
Object.defineProperty(w, 'p', { value: 2 });
Object.defineProperty(w, 'p', { writable: false });
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(w, 'p')));
attempt('writable again', () => Object.defineProperty(w, 'p', { writable: true }));

// Configurable accessor <-> data conversion keeps enumerable/configurable.
var c = {};
Object.defineProperty(c, 'q', { get() { return 1; }, enumerable: true, configurable: true });
Object.defineProperty(c, 'q', { value: 5 });
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(c, 'q')));
var d = Object.getOwnPropertyDescriptor(Object.defineProperty({}, 'g', { set(v) {}, configurable: true }), 'g');
console.log(typeof d.get, typeof d.set, d.enumerable, d.configurable);

// Partial redefinition keeps the unspecified attributes.
var e = { v: 1 };
Object.defineProperty(e, 'v', { enumerable: false });
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(e, 'v')), Object.keys(e));

// defineProperties reads every descriptor before defining any.
var order = [];
var props = {
  get a() { order.push('a'); return { value: 1 }; },
  get b() { order.push('b'); return { get: 5 }; },
};
var t = {};
attempt('defineProperties', () => Object.defineProperties(t, props));
console.log(order, Object.keys(t), 'a' in t);
console.log(Object.getOwnPropertyDescriptors({ k: 1, get m() { return 2; } }));

// Frozen, sealed, non-extensible.
var fr = Object.freeze({ a: 1 });
attempt('define on frozen', () => Object.defineProperty(fr, 'b', { value: 1 }));
attempt('redefine frozen', () => Object.defineProperty(fr, 'a', { value: 2 }));
fr.a = 5;
console.log(fr.a, Object.isFrozen(fr), Object.isSealed(fr), Object.isExtensible(fr));
var se = Object.seal({ s: 1 });
se.s = 2;
console.log(se.s, delete se.s, se.s, Object.isSealed(se), Object.isFrozen(se));
console.log(Object.isFrozen(Object.preventExtensions({})), Object.isSealed(Object.preventExtensions({ z: 1 })));
console.log(Object.isFrozen(1), Object.isSealed('s'), Object.isFrozen({}));
(function () {
  'use strict';
  attempt('strict delete sealed', () => delete se.s);
  attempt('strict write frozen', () => { fr.a = 2; });
})();
