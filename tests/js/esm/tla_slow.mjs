console.log("slow: start");
await new Promise((r) => setTimeout(r, 20));
console.log("slow: after timer");
export const slow = "slow value";
