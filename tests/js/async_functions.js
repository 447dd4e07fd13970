// Async functions, arrows and methods: the body runs to the first await; await of values,
// promises, rejections (thrown at the await) and thenables; return and throw settle the
// promise; try/catch/finally around awaits; printing.
async function f(x) { console.log('f start', x); const y = await x; console.log('f got', y); return y * 2; }
const p = f(21);
console.log('after call', p);
p.then(v => console.log('resolved', v));
async function thrower() { await null; throw new Error('bad'); }
thrower().catch(e => console.log('caught', e.message));
async function early() { throw new TypeError('sync throw'); }
early().catch(e => console.log('early', e.constructor.name));
const arrow = async (a, b = 2) => a + b + await Promise.resolve(3);
arrow(1).then(v => console.log('arrow', v));
class C { async m() { return this.v; } constructor() { this.v = 'method'; } static async s() { return 's'; } }
new C().m().then(console.log); C.s().then(console.log);
async function tryAwait() { try { await Promise.reject(new Error('rej')); } catch (e) { return 'handled ' + e.message; } finally { console.log('finally'); } }
tryAwait().then(console.log);
async function order(n) { console.log('o' + n + ' a'); await undefined; console.log('o' + n + ' b'); await undefined; console.log('o' + n + ' c'); }
order(1); order(2);
Promise.resolve().then(() => console.log('then 1')).then(() => console.log('then 2'));
setTimeout(() => console.log('timeout'), 0);
console.log(f, async () => {}, Object.prototype.toString.call(f));
async function loop() { let s = 0; for (let i = 0; i < 5; i++) s += await i; return s; }
loop().then(v => console.log('loop', v));
async function thenable() { return await { then(r) { r('thenable!'); } }; }
thenable().then(console.log);
console.log('sync end');
