console.log("fast: start");
await null;
console.log("fast: after await null");
export const fast = "fast value";
