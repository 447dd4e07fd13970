// Builtin and user functions: name/length are configurable, non-writable, non-enumerable
// and can be deleted; constructors' prototype is fixed.
function show(o, k) {
  var d = Object.getOwnPropertyDescriptor(o, k);
  console.log(k, d && JSON.stringify([d.value === undefined ? 'u' : typeof d.value, d.writable, d.enumerable, d.configurable]));
}
show(Array.prototype.fill, 'name');
show(Array.prototype.fill, 'length');
show(Number, 'prototype');
show(Object, 'prototype');
function user(a, b) {}
show(user, 'length');
show(user, 'prototype');
console.log(delete user.length, user.hasOwnProperty('length'), user.length);
console.log(delete Math.max.name, Math.max.hasOwnProperty('name'), JSON.stringify(Math.max.name));
Object.defineProperty(user, 'name', { value: 'renamed' });
console.log(user.name);
console.log(delete Number.prototype, typeof Number.prototype);
Array.prototype.map.name = 'x';
console.log(Array.prototype.map.name, Function.prototype.length, JSON.stringify(Function.prototype.name));
console.log(Object.isFrozen(Object.freeze(function q() {})));
