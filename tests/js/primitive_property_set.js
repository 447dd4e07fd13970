// [[Set]] with a primitive receiver: setters on the prototype chain run with the primitive
// as this; any other store is ignored in sloppy code and a TypeError in strict code.
Object.defineProperty(Number.prototype, 'px', { set(v) { console.log('setter', typeof this, v); }, configurable: true });
(5).px = 1;
(function () { 'use strict'; (5).px = 2; })();
Object.defineProperty(Number.prototype, 'ro', { value: 1, writable: false });
try { (function () { 'use strict'; (5).ro = 2; })(); } catch (e) { console.log(e.message); }
(5).ro = 3; 'abc'.length = 1; 'abc'[0] = 'x'; true.y = 1;
console.log('sloppy ok');
try { (function () { 'use strict'; 'abc'.length = 1; })(); } catch (e) { console.log(e.message); }
try { (function () { 'use strict'; Symbol.iterator.description = 1; })(); } catch (e) { console.log(e.message); }
(function () {
  for (const v of [1, 's', true, 1n, Symbol()]) {
    try { v.x = 1; console.log('no throw', typeof v); } catch (e) { console.log(e.constructor.name, e.message); }
    try { v[0] = 1; console.log('no throw', typeof v); } catch (e) { console.log(e.constructor.name, e.message); }
  }
  try { 's'.length = 3 } catch (e) { console.log(e.message) }
  'use strict';
})();
(function () {
  'use strict';
  for (const v of [1, 's', true, 1n, Symbol()]) {
    try { v.x = 1; console.log('no throw', typeof v); } catch (e) { console.log(e.constructor.name, e.message); }
    try { v[0] = 1; console.log('no throw', typeof v); } catch (e) { console.log(e.constructor.name, e.message); }
  }
  try { 's'.length = 3 } catch (e) { console.log(e.message) }
})();
