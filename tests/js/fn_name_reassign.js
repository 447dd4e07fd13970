// A named function expression's own name is an immutable binding inside it: assigning it is
// a TypeError in strict code and does nothing in sloppy code, also from nested arrows and
// eval code; the function keeps its name binding.
const out = [];
function attempt(label, f) {
  try {
    const r = f();
    out.push(label + ": " + (typeof r === "function" ? "still the function" : r));
  } catch (e) {
    out.push(label + ": " + e.constructor.name);
  }
}
attempt("sloppy", function f() { f = 1; return f; });
attempt("sloppy arrow", function f() { (() => { f = 1; })(); return f; });
attempt("sloppy eval", function f() { eval("f = 1"); return f; });
attempt("sloppy compound", function f() { f += 1; return f; });
attempt("strict", function f() { "use strict"; f = 1; return f; });
attempt("strict arrow", function f() { "use strict"; (() => { f = 1; })(); return f; });
attempt("strict eval", function f() { "use strict"; eval("f = 1"); return f; });
attempt("strict update", function f() { "use strict"; f++; return f; });
attempt("strict shadowed", function f() { "use strict"; let g = () => { let f = 2; f = 3; return f; }; return g(); });
const pending = [];
pending.push((async function f() { "use strict"; f = 1; })().then(
  () => out.push("async strict: resolved"),
  (e) => out.push("async strict: " + e.constructor.name),
));
pending.push((async function f() { (() => { f = 1; })(); return typeof f; })().then(
  (v) => out.push("async sloppy: " + v),
));
Promise.all(pending).then(() => console.log(out.join("\n")));
