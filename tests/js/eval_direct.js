// Direct eval: the caller's variables, parameters, this and arguments; assignments to
// them; const assignment errors; closures made by eval code; a shadowed eval is an ordinary
// call; indirect eval sees only globals; completion values; syntax errors.
function f(a) {
  var x = 'local x';
  let y = 'local y';
  const z = 'const z';
  console.log(eval('x + " " + y + " " + a'), eval('this === o'));
  eval('x = "changed"; var fresh = 1; fresh');
  console.log(x);
  try { eval('z = 1'); } catch (e) { console.log(e.constructor.name); }
  const g = eval('(function () { return y + "!"; })');
  console.log(g(), eval('arguments.length'));
  return eval('let inner = 5; inner * a');
}
const o = { f };
console.log(o.f(3));
const e = eval;
var gvar = 'global var';
function shadow() { var gvar = 'shadow'; return [eval('gvar'), e('typeof gvar')]; }
console.log(shadow());
function nested() { let v = 1; return () => eval('v + 1'); }
console.log(nested()());
console.log(eval('1; 2; 3'), eval(''), eval('var q = 9'), eval('{}'));
function strictFn() { 'use strict'; var s = 1; eval('var s2 = 2; s = s + s2'); return s; }
console.log(strictFn());
(function () { var eval = (s) => 'shadowed ' + s; console.log(eval('x')); })();
try { eval('a b'); } catch (err) { console.log(err.constructor.name); }
