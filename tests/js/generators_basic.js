// Generator functions, methods and objects: creation, next(), parameters evaluated at the
// call, for-of / spread / destructuring over generators, prototypes and printing.
function* g(a, b = a * 2) {
  console.log('start', a, b);
  const x = yield a;
  console.log('got', x);
  yield b;
  return 'end';
}
const it = g(1);
console.log('created');
console.log(it.next('ignored'));
console.log(it.next('X'));
console.log(it.next());
console.log(it.next());
console.log([...g(5)]);
for (const v of g(7)) console.log('v', v);
const [p, q] = g(3);
console.log(p, q);

class C {
  *[Symbol.iterator]() { yield 1; yield 2; }
  static *s() { yield 's'; }
}
console.log([...new C()], [...C.s()]);
const obj = { *m() { yield this === obj; } };
console.log(obj.m().next());
function* fib() {
  let [a, b] = [0, 1];
  for (;;) {
    yield a;
    [a, b] = [b, a + b];
  }
}
const f = [];
for (const x of fib()) {
  if (x > 100) break;
  f.push(x);
}
console.log(f.join(','));

function* args() { yield arguments.length; yield this; }
const ao = { args };
const ai = ao.args(1, 2, 3);
console.log(ai.next().value, ai.next().value === ao);

function* counter() {
  let n = 0;
  while (true) {
    const cmd = yield n;
    if (cmd === 'reset') n = 0;
    else n++;
  }
}
const c = counter();
console.log(c.next().value, c.next().value, c.next().value, c.next('reset').value, c.next().value);

// Closures over generator locals survive suspension.
function* makeAdders() {
  for (let i = 0; i < 3; i++) yield (x) => x + i;
}
console.log([...makeAdders()].map((add) => add(10)));

// Prototypes, properties and printing.
console.log(typeof g, Object.getPrototypeOf(g) === Object.getPrototypeOf(function* () {}));
console.log(Object.prototype.toString.call(g()), Object.prototype.toString.call(g));
console.log(g.hasOwnProperty('prototype'), ({ *m() {} }).m.hasOwnProperty('prototype'));
console.log(Object.getOwnPropertyNames(g.prototype));
const GP = Object.getPrototypeOf(g.prototype);
console.log(Object.getOwnPropertyNames(GP).sort());
console.log(GP === Object.getPrototypeOf(function* () {}).prototype);
const gen = g(1);
console.log(gen[Symbol.iterator]() === gen, Object.getPrototypeOf(gen) === g.prototype);
console.log(g, gen, function* () {});
try {
  new g();
} catch (e) {
  console.log(e.constructor.name, e.message);
}
try {
  new obj.m();
} catch (e) {
  console.log(e.constructor.name);
}
try {
  gen.next.call({});
} catch (e) {
  console.log(e.constructor.name, e.message);
}
