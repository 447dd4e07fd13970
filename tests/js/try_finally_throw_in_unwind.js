// A `return`, `break` or `continue` that leaves a try/finally runs the finally block inline;
// an exception thrown there is caught by the try statements still around it.
function ret() { try { try { return 1; } finally { throw "from finally"; } } catch (e) { return "caught " + e; } }
function brk() {
  for (;;) {
    try { try { break; } finally { throw "break"; } } catch (e) { return "caught " + e; }
  }
  return "fell out";
}
function cont() {
  const seen = [];
  for (let i = 0; i < 3; i++) {
    try {
      try { continue; } finally { if (i === 1) throw "at " + i; }
    } catch (e) {
      seen.push(e);
    }
  }
  return seen.join();
}
function outerFinally() {
  const log = [];
  try {
    try {
      try { return "value"; } finally { log.push("inner"); throw "boom"; }
    } finally {
      log.push("outer");
    }
  } catch (e) {
    log.push("caught " + e);
  }
  return log.join(" > ");
}
function iterClose() {
  const it = {
    [Symbol.iterator]() { return this; },
    next() { return { value: 1, done: false }; },
    return() { throw "from return()"; },
  };
  try {
    for (const x of it) return x;
  } catch (e) {
    return "caught " + e;
  }
}
for (const f of [ret, brk, cont, outerFinally, iterClose]) console.log(f.name + ":", f());
