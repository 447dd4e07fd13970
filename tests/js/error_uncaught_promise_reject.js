// An unhandled rejection with an Error: node prints the error and exits with status 1.
console.log('before');
Promise.reject(new Error('boom'));
Promise.resolve().then(() => console.log('microtasks still run'));
setTimeout(() => console.log('timers do not'), 0);
