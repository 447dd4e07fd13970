// A handler that throws with nobody catching the derived promise.
Promise.resolve(1).then((v) => {
  console.log('handler', v);
  throw new RangeError('thrown in then');
});
