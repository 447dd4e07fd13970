// Top-level await: importers wait for awaiting modules, siblings run in order.
import { sync } from "./esm/tla_sync.mjs";
import { dep } from "./esm/tla_dep.mjs";
import { fast } from "./esm/tla_fast.mjs";
console.log("main:", sync, dep, fast);
setTimeout(() => console.log("main: timer"), 0);
const v = await new Promise((r) => setTimeout(() => r("resolved later"), 5));
console.log("main:", v);
for await (const x of [Promise.resolve(1), 2]) console.log("for await", x);
