// A module that throws while loading is not cached: each require runs it again, until a
// load succeeds; from then on the cached exports are returned.
for (let i = 0; i < 4; i++) {
  try {
    const m = require('./modules/throws_counting.js');
    console.log('loaded', m.run);
  } catch (e) {
    console.log('caught', e.message);
  }
}
console.log(globalThis.throwsCountingRuns);
