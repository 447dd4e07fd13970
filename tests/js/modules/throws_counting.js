globalThis.throwsCountingRuns = (globalThis.throwsCountingRuns || 0) + 1;
exports.run = globalThis.throwsCountingRuns;
if (globalThis.throwsCountingRuns < 3) throw new Error('load ' + globalThis.throwsCountingRuns + ' failed');
