function parseAge(s) {
  const n = Number(s);
  if (s === "" || Number.isNaN(n)) throw new TypeError(`not a number: "${s}"`);
  if (n < 0 || n > 150) throw new RangeError(`out of range: ${n}`);
  return n;
}
function safeParse(s) {
  try { return parseAge(s); }
  catch (e) { if (e instanceof RangeError) return -1; throw e; }
}
for (const s of ["42", "200", "abc", ""]) {
  try { console.log(JSON.stringify(s), safeParse(s)); }
  catch (e) { console.log(JSON.stringify(s), "propagated", e.name, e.message); }
}
function wrap(fn) { try { return fn(); } catch (cause) { const e = new Error("wrapped: " + cause.message); e.cause = cause; throw e; } }
try { wrap(() => null.prop); } catch (e) { console.log(e.message.startsWith("wrapped: Cannot read properties of null"), e.cause instanceof TypeError); }
const thrown = [1, "str", null, undefined, { o: 1 }, [2], true, 3.5];
for (const t of thrown) { try { throw t; } catch (e) { console.log(typeof e, e === t); } }
try { try { throw new Error("a"); } finally { console.log("cleanup a"); } } catch (e) { console.log("outer got", e.message); }
