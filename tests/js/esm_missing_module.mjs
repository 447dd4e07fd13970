// Importing a file that does not exist fails before anything runs (ERR_MODULE_NOT_FOUND).
import { x } from "./esm/no_such_module.mjs";
console.log("never printed", x);
