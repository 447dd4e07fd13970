// Proxy construction and revocation: every operation on a revoked proxy is a TypeError.
const t = (name, f) => {
  try {
    console.log(name, 'ok', f());
  } catch (e) {
    console.log(name, e.constructor.name + ': ' + e.message);
  }
};
t('call without new', () => Proxy({}, {}));
t('non-object target', () => new Proxy(1, {}));
t('non-object handler', () => new Proxy({}, null));
t('symbol target', () => new Proxy(Symbol(), {}));
t('Proxy.length', () => Proxy.length);
t('Proxy.name', () => Proxy.name);
t('no prototype', () => Object.prototype.hasOwnProperty.call(Proxy, 'prototype'));
t('revocable keys', () => Object.keys(Proxy.revocable({}, {})).join());
const r = Proxy.revocable({ a: 1 }, {});
t('before revoke', () => r.proxy.a);
t('revoke returns', () => r.revoke());
t('revoke twice', () => r.revoke());
const p = r.proxy;
const ops = [
  ['get', () => p.a],
  ['set', () => { p.a = 1; }],
  ['has', () => 'a' in p],
  ['delete', () => delete p.a],
  ['keys', () => Object.keys(p)],
  ['getPrototypeOf', () => Object.getPrototypeOf(p)],
  ['setPrototypeOf', () => Object.setPrototypeOf(p, null)],
  ['isExtensible', () => Object.isExtensible(p)],
  ['preventExtensions', () => Object.preventExtensions(p)],
  ['gOPD', () => Object.getOwnPropertyDescriptor(p, 'a')],
  ['defineProperty', () => Object.defineProperty(p, 'a', { value: 1 })],
  ['Array.isArray', () => Array.isArray(p)],
  ['for-in', () => { for (const k in p) return k; }],
  ['instanceof', () => p instanceof Object],
  ['typeof', () => typeof p],
  ['as target', () => typeof new Proxy(p, {})],
  ['in proto chain', () => Object.create(p).x],
];
for (const [name, f] of ops) t(name, f);
const rf = Proxy.revocable(function f() { return 1; }, {});
t('callable before', () => rf.proxy());
rf.revoke();
t('call revoked', () => rf.proxy());
t('construct revoked', () => new rf.proxy());
t('typeof revoked fn', () => typeof rf.proxy);
console.log(p, [p]);
// Revoking from inside a trap.
const r2 = Proxy.revocable({}, { get(t, k) { r2.revoke(); return k; } });
t('revoke in trap', () => r2.proxy.first);
t('after in-trap revoke', () => r2.proxy.second);
