import { slow } from "./tla_slow.mjs";
console.log("dep: sees", slow);
export const dep = slow + "!";
