// Resuming generators abruptly: throw() and return() at every state, try/catch/finally
// around yields, a generator that is already running, and errors thrown out of a body.
function* g() {
  try {
    yield 1;
    yield 2;
  } finally {
    console.log('cleanup');
  }
}
const a = g();
console.log(a.next(), a.return(9), a.next());
const b = g();
console.log(b.return('early'), b.next());
const t0 = g();
try {
  t0.throw(new Error('before start'));
} catch (e) {
  console.log('thrown out:', e.message);
}
console.log(t0.next());

function* h() {
  try {
    yield 1;
  } finally {
    yield 2;
    console.log('after inner yield');
  }
}
const it = h();
it.next();
console.log(it.return(5));
console.log(it.next());
console.log(it.next());

function* tc() {
  while (true) {
    try {
      yield 'x';
    } catch (e) {
      console.log('caught', e);
    }
  }
}
const t = tc();
t.next();
console.log(t.throw('E1'));
console.log(t.throw('E2'));
console.log(t.return('R'));

function* re() {
  try {
    it2.next();
  } catch (e) {
    console.log(e.constructor.name, e.message);
  }
  yield 1;
}
const it2 = re();
it2.next();

function* thrower() {
  yield 1;
  throw new TypeError('inside');
}
const th = thrower();
th.next();
try {
  th.next();
} catch (e) {
  console.log(e.constructor.name, e.message);
}
console.log(th.next());

// return() skips catch blocks but runs every finally, innermost first.
function* nested() {
  try {
    try {
      yield 'deep';
    } catch (e) {
      console.log('not run');
    } finally {
      console.log('inner finally');
    }
  } finally {
    console.log('outer finally');
  }
}
const n = nested();
n.next();
console.log(n.return('done'));

// A return inside finally overrides the return() value.
function* override() {
  try {
    yield 1;
  } finally {
    return 'from finally';
  }
}
const o = override();
o.next();
console.log(o.return('ignored'));
