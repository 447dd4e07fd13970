// Callable proxies: typeof, call/apply/bind, new with new.target, Reflect.construct, and
// how console.log shows proxies (their targets, without running traps).
function Point(x, y) { this.x = x; this.y = y; }
Point.prototype.sum = function () { return this.x + this.y; };
const log = [];
const P = new Proxy(Point, {
  apply(t, self, args) { log.push('apply ' + args.length); return Reflect.apply(t, self, args); },
  construct(t, args, nt) { log.push('construct ' + (nt === P)); return Reflect.construct(t, args, nt); },
});
console.log(typeof P, typeof new Proxy({}, {}), typeof new Proxy(class {}, {}));
const o = {};
P.call(o, 1, 2);
console.log(o.x, o.y);
P.apply(o, [3, 4]);
console.log(o.x, o.y);
console.log(new P(5, 6).sum());
const B = P.bind(null, 7);
console.log(B.name, B.length, new B(8).sum());
class Sub extends P { constructor() { super(1, 1); } }
console.log(new Sub().sum(), new Sub() instanceof Point, new Sub() instanceof Sub);
console.log(Reflect.construct(P, [2, 3], Array) instanceof Array);
console.log(log.join('; '));
const arrow = new Proxy(() => 42, {});
console.log(arrow());
try { new arrow(); } catch (e) { console.log(e.constructor.name); }
try { new Proxy({}, {})(); } catch (e) { console.log(e.constructor.name); }
console.log([1, 2, 3].map(new Proxy((x) => x * 10, {})).join());
console.log(Function.prototype.toString.call(new Proxy(function f() {}, {})).length > 0);
console.log(Object.prototype.toString.call(new Proxy([], {})), Object.prototype.toString.call(P));
console.log(new Proxy({ a: 1 }, { get() { throw new Error('no trap may run'); } }));
console.log(new Proxy([1, 2], {}), new Proxy(function f() {}, {}), new Proxy(class A {}, {}));
console.log({ nested: new Proxy(new Proxy({ b: 2 }, {}), {}) });
console.log(Array.isArray(new Proxy([], {})), Array.isArray(new Proxy(new Proxy([], {}), {})), Array.isArray(new Proxy({}, {})));
console.log(JSON.stringify({ p: new Proxy([1, { q: new Proxy({ r: 3 }, {}) }], {}) }));
