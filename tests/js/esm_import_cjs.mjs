// ESM importing CommonJS: the default export is module.exports.
import lib from "./esm/cjs_lib.cjs";
import plain from "./esm/cjs_plain.js";
import * as ns from "./esm/cjs_lib.cjs";
console.log(lib.kind, lib.add(2, 3), plain.name);
console.log(ns.default === lib);
