// An error thrown by a module is uncaught.
console.log("before");
export function f() {}
throw new TypeError("module failed");
