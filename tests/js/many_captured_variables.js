// A scope with more captured variables than a byte can count (context slots are 16-bit):
// 300 and 5000 `let`s read by a closure, and a closure that assigns some of them.
function make(n) {
  const decls = Array.from({ length: n }, (_, i) => `let v${i} = ${i};`).join("\n");
  const all = Array.from({ length: n }, (_, i) => `v${i}`).join(", ");
  return new Function(`${decls}
return {
  sum: () => [${all}].reduce((a, b) => a + b, 0),
  bump: () => { v0 += 1; v${n - 1} += 1000; return v0 + v${n - 1}; },
};`)();
}
for (const n of [300, 5000]) {
  const o = make(n);
  console.log(n, o.sum(), o.bump(), o.sum());
}
