import { b, fromB } from "./cycle_b.mjs";
export const a = "a";
export function fromA() {
  return "fromA sees " + b;
}
console.log("a runs; b is", b, fromB());
