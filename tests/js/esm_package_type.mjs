// A package.json with "type": "module" makes .js files ES modules.
import { fromPkg, isStrict } from "./esm/pkg/lib.js";
console.log(fromPkg, isStrict);
