// Function.prototype is a function; %ThrowTypeError% guards `caller`/`arguments` of strict,
// arrow and method functions and `callee` of unmapped arguments objects; sloppy functions
// have their own null `caller`/`arguments`; Function.prototype[Symbol.hasInstance].
console.log(Function.prototype, typeof Function.prototype, Function.prototype(1, 2));
function strict() { 'use strict'; return arguments; }
function sloppy(a) { return arguments; }
function withDefault(a = 1) { return arguments; }
console.log(Object.getOwnPropertyNames(strict(1)), sloppy(1).callee === sloppy);
console.log(Object.getOwnPropertyNames(sloppy), Object.getOwnPropertyNames(strict), sloppy.caller, sloppy.arguments);
for (const [what, f] of [['strict callee', () => strict().callee], ['default-param callee', () => withDefault().callee],
  ['strict caller', () => strict.caller], ['arrow arguments', () => (() => 1).arguments],
  ['method caller', () => ({ m() {} }).m.caller]]) {
  try { f(); console.log(what, 'no error'); } catch (e) { console.log(what, e.constructor.name); }
}
const d = Object.getOwnPropertyDescriptor(Function.prototype, 'caller');
const tte = d.get;
console.log(d.get === d.set, d.configurable, Object.isFrozen(tte), tte.length, JSON.stringify(tte.name));
console.log(Object.getOwnPropertyDescriptor(withDefault(), 'callee').get === tte, delete sloppy.caller);
console.log([...sloppy(1, 2, 3)], sloppy()[Symbol.iterator] === Array.prototype.values, sloppy(1, 'x'));
console.log(Function.prototype[Symbol.hasInstance].call(Array, []), Object[Symbol.hasInstance]({}),
  Function.prototype[Symbol.hasInstance].call({}, {}), Function.prototype[Symbol.hasInstance].length);
const f = function () {};
f.prototype = 3;
try { f[Symbol.hasInstance]({}); } catch (e) { console.log(e.constructor.name); }
console.log(f[Symbol.hasInstance](1));
