// console.log of promises in every state.
const pending = new Promise(() => {});
const fulfilled = Promise.resolve(1);
const rejected = Promise.reject(42);
rejected.catch(() => {});
console.log(pending);
console.log(fulfilled);
console.log(rejected);
console.log(Promise.resolve('str'), Promise.resolve({ a: 1, b: [1, 2] }));
console.log([Promise.resolve(2)], { p: Promise.resolve(undefined) });
const withProp = Promise.resolve(3);
withProp.extra = true;
console.log(withProp);
const later = new Promise((r) => setTimeout(() => r('done'), 1));
console.log(later);
later.then(() => console.log(later));
