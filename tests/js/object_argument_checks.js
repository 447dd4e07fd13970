// Object.create/defineProperty/fromEntries argument checks, JSON.stringify's Number/String
// object spaces, Object.entries rechecking enumerability as it goes.
const t = (name, f) => { try { const r = f(); console.log(name, 'no throw', typeof r) } catch (e) { console.log(name, e.constructor.name) } };
t('create-null-props', () => Object.create({}, null));
t('create-str-props', () => Object.create({}, 'ab'));
t('apply-nonobj', () => Function.prototype.apply.call(function () {}, null, 1));
t('map-nonobj-items', () => new Map([1]));
t('fromEntries-str', () => Object.fromEntries(['ab']));
t('err-tostring', () => Error.prototype.toString.call(1));
t('defprop-sym-desc', () => Object.defineProperty({}, 'x', Symbol()));
console.log(JSON.stringify({ a: [1] }, null, 2.9), JSON.stringify({ a: 1 }, null, new Number(1)));
const o = { a: 1, get b() { Object.defineProperty(o, 'c', { enumerable: false }); return 2 }, c: 3 };
console.log(Object.entries(o));
