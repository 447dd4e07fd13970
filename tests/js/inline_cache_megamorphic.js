// One property-access site sees many shapes (megamorphic), and one call
// site sees many targets.
const objs = [];
for (let i = 0; i < 24; i++) {
  const o = {};
  for (let j = 0; j < i % 8; j++) o["pad" + j] = j;
  if (i % 3 === 0) o.extra = i;
  o.value = i;
  objs.push(o);
}
function readValue(o) { return o.value; }
function writeValue(o, v) { o.value = v; }
let sum = 0;
for (let r = 0; r < 200; r++) for (const o of objs) sum += readValue(o);
console.log(sum);
for (const o of objs) writeValue(o, o.value * 2);
console.log(objs.map(readValue).join(","));
class A { f() { return 1; } } class B { f() { return 2; } } class C extends A { f() { return 3; } }
const callees = [new A(), new B(), new C(), { f: () => 4 }, { f() { return 5; } }, Object.create(new B()), new (class extends C {})()];
let calls = 0;
for (let r = 0; r < 500; r++) for (const c of callees) calls += c.f();
console.log(calls, callees.map(c => c.f()));
const fns = [Math.abs, x => -x, function (x) { return x * 2; }, Math.floor, String, x => [x]];
console.log(fns.map(fn => fn(-2.5)));
const keys = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
const dict = {};
for (let i = 0; i < 1000; i++) { const k = keys[i % keys.length]; dict[k] = (dict[k] || 0) + i; }
console.log(dict);
