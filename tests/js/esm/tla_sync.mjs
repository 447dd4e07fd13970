console.log("sync: runs");
Promise.resolve().then(() => console.log("sync: microtask"));
export const sync = "sync value";
