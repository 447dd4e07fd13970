// A `finally` block's abrupt completion replaces a pending `return` in async functions as in
// others: a throw rejects the promise, a return resolves it with the new value.
const log = [];
const report = (name, p) =>
  p.then((v) => log.push(name + " resolved " + v), (e) => log.push(name + " rejected " + e));
async function throwOver() { try { return "early"; } finally { throw "override"; } }
async function returnOver() { try { return "early"; } finally { return "late"; } }
async function rejectOver() { try { return "early"; } finally { await Promise.reject("rejected"); } }
async function awaitThenThrow() { try { return "early"; } finally { await null; throw "after await"; } }
async function nested() {
  try {
    try { return "inner"; } finally { log.push("inner finally"); }
  } finally {
    throw "outer";
  }
}
async function caught() {
  try {
    try { return "inner"; } finally { throw "thrown"; }
  } catch (e) {
    return "caught " + e;
  }
}
const arrow = async () => { try { return 1; } finally { throw "arrow"; } };
async function plain() { try { return "kept"; } finally { log.push("plain finally"); } }
function sync() { try { return "early"; } finally { throw "sync override"; } }
try { sync(); } catch (e) { log.push("sync threw " + e); }
Promise.all([
  report("throwOver", throwOver()),
  report("returnOver", returnOver()),
  report("rejectOver", rejectOver()),
  report("awaitThenThrow", awaitThenThrow()),
  report("nested", nested()),
  report("caught", caught()),
  report("arrow", arrow()),
  report("plain", plain()),
]).then(() => console.log(log.join("\n")));
