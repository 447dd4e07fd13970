import { a, fromA } from "./cycle_a.mjs";
export const b = "b";
export function fromB() {
  return "fromB";
}
console.log("b runs; fromA is hoisted:", typeof fromA);
try {
  console.log(a);
} catch (e) {
  console.log(e.constructor.name + ": " + e.message);
}
