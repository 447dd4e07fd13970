class ValidationError extends Error {
  constructor(field, msg) { super(msg); this.name = "ValidationError"; this.field = field; }
}
class NotFound extends ValidationError {
  constructor(what) { super(what, `${what} not found`); this.name = "NotFound"; }
  describe() { return `[${this.name}] ${this.message}`; }
}
const v = new ValidationError("email", "bad email");
console.log(v.name, v.message, v.field, v instanceof ValidationError, v instanceof Error, String(v));
const nf = new NotFound("user");
console.log(nf.describe(), nf instanceof NotFound, nf instanceof ValidationError, nf instanceof Error, nf.field);
function check(x) { if (typeof x !== "number") throw new ValidationError("x", "not a number: " + x); return x; }
for (const val of [1, "two"]) {
  try { console.log(check(val)); } catch (e) { console.log(e.name + ": " + e.message, e.field); }
}
class HttpError extends Error {
  constructor(status, ...rest) { super(...rest); this.status = status; }
}
const h = new HttpError(404, "missing");
console.log(h.status, h.message, h.name, h.constructor.name, Object.keys(h));
class SilentError extends TypeError {}
const s = new SilentError("quiet");
console.log(s.name, s instanceof TypeError, s.constructor === SilentError, String(s));
try { throw new NotFound("page"); } catch (e) { if (e instanceof ValidationError) console.log("caught subclass via base:", e.message); }
