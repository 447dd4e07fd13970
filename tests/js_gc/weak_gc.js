// WeakMap/WeakSet/WeakRef/FinalizationRegistry with the collector: run with `--expose-gc`
// (kiln and node alike); weak_gc.expected is `node --expose-gc tests/js_gc/weak_gc.js`.
// Each step runs in its own macrotask, so that the WeakRef targets it made are no longer
// kept alive by KeepDuringJob (ES2025 9.9.3) when the next step collects. When cleanup
// callbacks run relative to timers depends on timing (and on when collections happen under
// --gc-stress), so what they report is printed once all have run.
const log = (...a) => console.log(...a);
const finalized = [];
let stepsDone = false;
function finish() {
  if (stepsDone && finalized.length === 2) log('finalized', finalized.sort());
}
const registry = new FinalizationRegistry((held) => {
  finalized.push(held);
  finish();
});
const wm = new WeakMap();
const ws = new WeakSet();
let refs = {};
let keep;

function step1() {
  let a = { name: 'a' };
  let b = { name: 'b' };
  keep = { name: 'kept' };
  refs.a = new WeakRef(a);
  refs.kept = new WeakRef(keep);
  // The value refers back to its key: an ephemeron cycle that must not keep the key alive.
  wm.set(a, { back: a });
  wm.set(keep, { v: 1 });
  ws.add(b);
  registry.register(a, 'held a');
  registry.register(b, 'held b', b);
  const token = {};
  registry.register({}, 'unregistered', token);
  log('unregister', registry.unregister(token), registry.unregister(token));
  // Within the job, a WeakRef's target stays alive even after a collection.
  a = null;
  gc();
  log('same job', refs.a.deref() !== undefined);
}

function step2() {
  gc();
  log('a collected', refs.a.deref());
  log('kept alive', refs.kept.deref().name, wm.get(keep).v, wm.has(keep));
}

function step3() {
  // A value reachable only through a live key survives; a chain of keys via values too.
  const k1 = {};
  const k2 = {};
  keep = k1;
  wm.set(k1, k2);
  wm.set(k2, { deep: true });
  refs.k2 = new WeakRef(k2);
}

function step4() {
  gc();
  log('chain', refs.k2.deref() !== undefined, wm.get(wm.get(keep)).deep);
  keep = null;
}

function step5() {
  gc();
  log('chain collected', refs.k2.deref(), refs.kept.deref());
  stepsDone = true;
  finish();
}

const steps = [step1, step2, step3, step4, step5];
let i = 0;
function next() {
  if (i < steps.length) {
    steps[i++]();
    setTimeout(next, 10);
  }
}
next();
