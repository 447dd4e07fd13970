// Temporal dead zone
try { console.log(a); } catch (e) { console.log(e.name, e.message); }
let a = 1;
console.log(a);
function useBefore() { return b; }
try { useBefore(); } catch (e) { console.log(e instanceof ReferenceError, e.message); }
const b = 2;
console.log(useBefore());
{
  try { x = 5; } catch (e) { console.log("assign in TDZ:", e.name, e.message); }
  let x;
  console.log(x);
}
try { let y = y + 1; } catch (e) { console.log("self-ref:", e.name, e.message); }
try { typeof z; let z; } catch (e) { console.log("typeof in TDZ:", e.name); }
let shadow = "outer";
{
  try { console.log(shadow); } catch (e) { console.log("shadow TDZ:", e.message); }
  let shadow = "inner";
  console.log(shadow);
}
function defaults(p = q, q = 1) { return [p, q]; }
try { defaults(); } catch (e) { console.log("param TDZ:", e.name); }
console.log(defaults(5));
try { new K(); } catch (e) { console.log("class TDZ:", e.name, e.message); }
class K {}
console.log(typeof new K());
for (let i = 0; i < 2; i++) {
  try { console.log(k); } catch (e) { console.log("loop TDZ", i, e.name); }
  let k = i;
}
