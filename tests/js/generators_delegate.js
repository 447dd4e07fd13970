// yield*: delegation to generators, arrays, strings and hand-written iterators, with next
// arguments, throw() and return() forwarded, and the inner return value.
function* inner() {
  const r = yield 1;
  console.log('inner got', r);
  yield 2;
  return 'inner-done';
}
function* outer() {
  const r = yield* inner();
  console.log('r', r);
  yield* [10, 20];
  yield* 'ab';
}
const o = outer();
for (let i = 0; i < 8; i++) console.log(o.next(i === 1 ? 'A' : undefined));

function* g() {
  try {
    yield 1;
    yield 2;
  } finally {
    console.log('inner finally');
  }
}
function* deleg() {
  try {
    yield* g();
  } finally {
    console.log('outer finally');
  }
}
const d = deleg();
d.next();
console.log(d.return(7));
const d2 = deleg();
d2.next();
try {
  d2.throw(new Error('zz'));
} catch (e) {
  console.log('out', e.message);
}

// A hand-written iterator sees every protocol call.
function logger(name) {
  let i = 0;
  return {
    [Symbol.iterator]() { return this; },
    next(v) { console.log(name, 'next', v); return { value: i++, done: i > 3 }; },
    return(v) { console.log(name, 'return', v); return { value: 'ret', done: true }; },
    throw(e) { console.log(name, 'throw', e); return { value: 'caught', done: false }; },
  };
}
function* viaLogger() {
  const r = yield* logger('L');
  console.log('result', r);
}
const v = viaLogger();
console.log(v.next('first'), v.next('second'), v.throw('boom'), v.return('bye'));
const v2 = viaLogger();
console.log([...v2]);

// An iterator without throw(): yield* closes it and throws a TypeError.
function* noThrow() {
  yield* {
    [Symbol.iterator]() { return this; },
    next() { return { value: 1, done: false }; },
    return() { console.log('closed'); return {}; },
  };
}
const nt = noThrow();
nt.next();
try {
  nt.throw(new Error('x'));
} catch (e) {
  console.log(e.constructor.name);
}

// Recursive delegation: an in-order tree walk.
function* walk(t) {
  if (!t) return;
  yield* walk(t.l);
  yield t.v;
  yield* walk(t.r);
}
const tree = { v: 4, l: { v: 2, l: { v: 1 }, r: { v: 3 } }, r: { v: 6, l: { v: 5 }, r: { v: 7 } } };
console.log([...walk(tree)].join(' '));
