// Proxy invariant checks (ECMA-262 §10.5.1–10.5.13): each case is a trap result the target
// forbids; every line prints the TypeError (or the allowed result).
const t = (name, f) => {
  try {
    console.log(name, 'ok', f());
  } catch (e) {
    console.log(name, e.constructor.name + ': ' + e.message);
  }
};
const frozen = Object.freeze({ x: 1 });
const nonConfig = Object.defineProperty({}, 'x', { value: 1 });
const nonExt = Object.preventExtensions({ a: 1 });
const cases = [
  ['getPrototypeOf non-object', () => Object.getPrototypeOf(new Proxy({}, { getPrototypeOf: () => 1 }))],
  ['getPrototypeOf non-extensible', () => Object.getPrototypeOf(new Proxy(Object.preventExtensions({}), { getPrototypeOf: () => Array.prototype }))],
  ['getPrototypeOf non-extensible same', () => Object.getPrototypeOf(new Proxy(Object.preventExtensions({}), { getPrototypeOf: () => Object.prototype })) === Object.prototype],
  ['setPrototypeOf false', () => Object.setPrototypeOf(new Proxy({}, { setPrototypeOf: () => false }), null)],
  ['Reflect.setPrototypeOf false', () => Reflect.setPrototypeOf(new Proxy({}, { setPrototypeOf: () => false }), null)],
  ['setPrototypeOf non-extensible', () => Reflect.setPrototypeOf(new Proxy(Object.preventExtensions({}), { setPrototypeOf: () => true }), null)],
  ['isExtensible mismatch', () => Object.isExtensible(new Proxy({}, { isExtensible: () => false }))],
  ['preventExtensions true but extensible', () => Object.preventExtensions(new Proxy({}, { preventExtensions: () => true }))],
  ['preventExtensions false', () => Object.preventExtensions(new Proxy({}, { preventExtensions: () => false }))],
  ['Reflect.preventExtensions false', () => Reflect.preventExtensions(new Proxy({}, { preventExtensions: () => false }))],
  ['gOPD non-object', () => Object.getOwnPropertyDescriptor(new Proxy({}, { getOwnPropertyDescriptor: () => 1 }), 'x')],
  ['gOPD undefined for non-configurable', () => Object.getOwnPropertyDescriptor(new Proxy(nonConfig, { getOwnPropertyDescriptor: () => undefined }), 'x')],
  ['gOPD undefined on non-extensible', () => Object.getOwnPropertyDescriptor(new Proxy(nonExt, { getOwnPropertyDescriptor: () => undefined }), 'a')],
  ['gOPD non-configurable invented', () => Object.getOwnPropertyDescriptor(new Proxy({}, { getOwnPropertyDescriptor: () => ({ value: 1 }) }), 'x')],
  ['gOPD new on non-extensible', () => Object.getOwnPropertyDescriptor(new Proxy(Object.preventExtensions({}), { getOwnPropertyDescriptor: () => ({ value: 1, configurable: true }) }), 'x')],
  ['gOPD allowed', () => JSON.stringify(Object.getOwnPropertyDescriptor(new Proxy({}, { getOwnPropertyDescriptor: () => ({ value: 7, configurable: true }) }), 'x'))],
  ['defineProperty false', () => Object.defineProperty(new Proxy({}, { defineProperty: () => false }), 'x', { value: 1 })],
  ['Reflect.defineProperty false', () => Reflect.defineProperty(new Proxy({}, { defineProperty: () => false }), 'x', { value: 1 })],
  ['defineProperty non-configurable invented', () => Object.defineProperty(new Proxy({}, { defineProperty: () => true }), 'x', { value: 1, configurable: false })],
  ['defineProperty non-extensible', () => Object.defineProperty(new Proxy(Object.preventExtensions({}), { defineProperty: () => true }), 'x', { value: 1 })],
  ['has hides non-configurable', () => 'x' in new Proxy(nonConfig, { has: () => false })],
  ['has hides on non-extensible', () => 'a' in new Proxy(nonExt, { has: () => false })],
  ['has hides configurable', () => 'a' in new Proxy({ a: 1 }, { has: () => false })],
  ['get wrong value', () => new Proxy(frozen, { get: () => 2 }).x],
  ['get same value', () => new Proxy(frozen, { get: () => 1 }).x],
  ['get no getter', () => new Proxy(Object.defineProperty({}, 'x', { set() {} }), { get: () => 2 }).x],
  ['set false sloppy', () => { new Proxy({}, { set: () => false }).x = 1; return 'silent'; }],
  ['set false strict', () => { 'use strict'; new Proxy({}, { set: () => false }).x = 1; }],
  ['Reflect.set false', () => Reflect.set(new Proxy({}, { set: () => false }), 'x', 1)],
  ['set changes frozen', () => { new Proxy(frozen, { set: () => true }).x = 2; }],
  ['set no setter', () => { new Proxy(Object.defineProperty({}, 'x', { get() {} }), { set: () => true }).x = 2; }],
  ['delete false sloppy', () => delete new Proxy({}, { deleteProperty: () => false }).x],
  ['delete false strict', () => { 'use strict'; delete new Proxy({}, { deleteProperty: () => false }).x; }],
  ['delete non-configurable', () => delete new Proxy(nonConfig, { deleteProperty: () => true }).x],
  ['delete on non-extensible', () => delete new Proxy(nonExt, { deleteProperty: () => true }).a],
  ['ownKeys non-object', () => Reflect.ownKeys(new Proxy({}, { ownKeys: () => 1 }))],
  ['ownKeys duplicates', () => Reflect.ownKeys(new Proxy({}, { ownKeys: () => ['a', 'a'] }))],
  ['ownKeys number', () => Reflect.ownKeys(new Proxy({}, { ownKeys: () => [1] }))],
  ['ownKeys array-like', () => Reflect.ownKeys(new Proxy({}, { ownKeys: () => ({ length: 2, 0: 'p', 1: 'q' }) })).join()],
  ['ownKeys misses non-configurable', () => Reflect.ownKeys(new Proxy(nonConfig, { ownKeys: () => [] }))],
  ['ownKeys misses on non-extensible', () => Reflect.ownKeys(new Proxy(nonExt, { ownKeys: () => [] }))],
  ['ownKeys extra on non-extensible', () => Reflect.ownKeys(new Proxy(nonExt, { ownKeys: () => ['a', 'b'] }))],
  ['ownKeys exact on non-extensible', () => Reflect.ownKeys(new Proxy(nonExt, { ownKeys: () => ['a'] })).join()],
  ['ownKeys symbols', () => Reflect.ownKeys(new Proxy({}, { ownKeys: () => [Symbol.iterator, 'z'] })).map(String).join()],
  ['Object.keys filters', () => Object.keys(new Proxy({ a: 1 }, { ownKeys: () => ['a', 'b'] })).join()],
  ['construct non-object', () => new (new Proxy(function () {}, { construct: () => 1 }))()],
  ['construct object', () => new (new Proxy(function () {}, { construct: () => ({ made: true }) }))().made],
  ['apply', () => new Proxy(function () {}, { apply: (t, self, args) => args.length })(1, 2, 3)],
  ['trap not callable', () => new Proxy({}, { get: 1 }).x],
  ['trap null', () => new Proxy({ x: 5 }, { get: null }).x],
  ['handler getter trap', () => new Proxy({}, { get get() { return () => 'from getter'; } }).x],
];
for (const [name, f] of cases) t(name, f);
