try { throw new Error("boom"); } catch (e) { console.log(e.message, e.name, e instanceof Error, typeof e); }
try { throw "a string"; } catch (e) { console.log(e, typeof e); }
try { throw 42; } catch (e) { console.log(e + 1); }
try { throw { code: 7 }; } catch (e) { console.log(e.code, e); }
try { throw null; } catch (e) { console.log(e); }
try { null.x; } catch (e) { console.log(e instanceof TypeError, e.constructor.name); }
try { undefined(); } catch (e) { console.log(e.name); }
try { notDefined + 1; } catch (e) { console.log(e.name, e.message); }
try { let o = {}; o.method(); } catch (e) { console.log(e.name, e.message); }
try { new Array(-1); } catch (e) { console.log(e.name); }
try { [].reduce((a, b) => a); } catch (e) { console.log(e.name); }
try { try { throw new Error("inner"); } catch (e) { throw new TypeError("rethrown " + e.message); } } catch (e) { console.log(e.name, e.message); }
try { } catch (e) { console.log("never"); }
try { throw 1; } catch { console.log("optional catch binding"); }
let e = "outer e";
try { throw "inner e"; } catch (e) { e = "modified"; }
console.log(e);
function thrower(kind) {
  if (kind === 1) throw new RangeError("r");
  if (kind === 2) throw new TypeError("t");
  return "none";
}
for (const k of [0, 1, 2]) {
  try { console.log(thrower(k)); }
  catch (err) {
    if (err instanceof RangeError) console.log("range", err.message);
    else if (err instanceof TypeError) console.log("type", err.message);
  }
}
const err = new Error("props");
console.log(Object.keys(err), err.message, String(err), err + "", err.toString());
console.log(String(new TypeError("tt")), String(new Error()), new Error().message === "");
