// Completion values of eval code: if, loops, switch, try and with give undefined when their
// body leaves no value (UpdateEmpty(..., undefined)); a finally block's value is not kept.
const cases = ['1; do { break; } while (false)', '2; do { 3; break; } while (false)', '1; if (true) {}', '1; if (false) 2;', '1; if (true) 2; else 3',
  '1; while (false) 2', '1; for (;false;) 2', '1; for (var x in {}) 2', '1; for (var x of [1]) {}', '1; for (var x of [1]) 5', '1; switch (1) {}', '1; switch (1) { case 1: 2 }',
  '1; try { 2 } finally { 3 }', '1; try { throw 0 } catch (e) {}', '1; try { 4; throw 0 } catch (e) {}', '1; try {} catch (e) { 5 }', '1; with ({}) {}', '1; {}', '1; l: { 2; break l; }',
  '1; var z = 2', '1; while (true) { 2; if (true) break; }', '1; try { 6 } catch (e) {} finally { 7 }'];
for (const c of cases) console.log(JSON.stringify(c), '=>', eval(c));
