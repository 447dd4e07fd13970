const e = new Error("original");
console.log(e.message, e.name, Object.keys(e), "message" in e, e.hasOwnProperty("message"), e.hasOwnProperty("name"));
e.message = "changed"; e.code = "E42"; e.details = { retry: true };
console.log(e.message, e.code, e.details, String(e), Object.keys(e));
const t = new TypeError();
console.log(JSON.stringify(t.message), t.name, String(t), t.hasOwnProperty("message"));
class CodedError extends Error {
  constructor(code, message) { super(message); this.name = "CodedError"; this.code = code; }
  toString() { return `${this.name}[${this.code}]: ${this.message}`; }
}
const ce = new CodedError(500, "server");
console.log(String(ce), `${ce}`, ce + "", ce.code, Object.keys(ce));
function fail() { throw new CodedError(404, "not found"); }
try { fail(); } catch (err) { console.log(err.code, err.message, err instanceof CodedError, err.constructor.name); }
const errors = [new Error("a"), new RangeError("b"), new CodedError(1, "c")];
console.log(errors.map(x => `${x.name}:${x.message}`).join(", "));
console.log(JSON.stringify(new Error("not serialized")), JSON.stringify({ ...new CodedError(7, "spread") }));
