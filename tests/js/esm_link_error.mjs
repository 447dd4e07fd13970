// A missing export is a SyntaxError at link time: nothing runs.
import { present, absent } from "./esm/missing_export_lib.mjs";
console.log("never printed", present, absent);
