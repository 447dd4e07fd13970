// Live bindings: the importer sees every change the exporter makes.
import { counter, increment, reset } from "./esm/counter.mjs";
const seen = [counter];
for (let i = 0; i < 3; i++) {
  increment();
  seen.push(counter);
}
reset();
seen.push(counter);
console.log(seen.join(","));
function readLater() {
  return counter;
}
increment();
console.log(readLater());
