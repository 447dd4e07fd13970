const ctors = [Error, TypeError, RangeError, ReferenceError, SyntaxError];
for (const C of ctors) {
  const e = new C("msg");
  console.log(e.name, e.message, e instanceof Error, e instanceof C, Object.getPrototypeOf(e) === C.prototype, String(e));
}
const noNew = Error("without new");
console.log(noNew instanceof Error, noNew.message);
const t = TypeError("tt"); console.log(t.name, t instanceof TypeError);
console.log(new Error().message === "", new Error(undefined).message, new Error(42).message, typeof new Error(42).message);
const e = new Error("x"); e.name = "Custom"; console.log(String(e));
e.message = ""; console.log(String(e));
try { JSON.parse("{bad"); } catch (err) { console.log(err.name, err instanceof SyntaxError); }
try { null.f(); } catch (err) { console.log(err.name, err instanceof TypeError); }
try { undefinedThing; } catch (err) { console.log(err.name); }
try { (1).toString(1); } catch (err) { console.log(err.name); }
try { "x".repeat(-1); } catch (err) { console.log(err.name); }
