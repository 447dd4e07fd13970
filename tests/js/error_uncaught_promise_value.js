// An unhandled rejection of a non-error value: node's UnhandledPromiseRejection message.
const p = Promise.reject(42);
setTimeout(() => p.catch(() => console.log('too late')), 0);
console.log('sync end');
