// A cycle: b runs first; a's function is hoisted, its const is in the TDZ.
import { a, fromA } from "./esm/cycle_a.mjs";
console.log("main", a, fromA());
