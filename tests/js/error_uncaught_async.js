// An async function that throws with nobody handling its promise: an unhandled rejection.
async function fail() {
  await null;
  throw new RangeError('async failure');
}
fail();
console.log('before the rejection is reported');
