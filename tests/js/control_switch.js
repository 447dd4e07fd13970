function day(n) {
  switch (n) {
    case 0: return "Sun";
    case 1: return "Mon";
    case 6: return "Sat";
    default: return "weekday";
  }
}
console.log([0, 1, 3, 6, "0"].map(day));
function fall(x) {
  const out = [];
  switch (x) {
    case 1: out.push("one");
    case 2: out.push("two");
    case 3: out.push("three"); break;
    case 4: { out.push("four"); break; }
    default: out.push("default");
    case 5: out.push("five");
  }
  return out.join("+");
}
console.log([1, 2, 3, 4, 5, 6].map(fall));
function strSwitch(s) {
  switch (s.toLowerCase()) {
    case "a": case "e": case "i": case "o": case "u": return "vowel";
    case "": return "empty";
    default: return "consonant";
  }
}
console.log(["A", "b", "", "U"].map(strSwitch));
let evalOrder = [];
function k(v) { evalOrder.push(v); return v; }
switch (k(3)) { case k(1): break; case k(2): break; case k(3): evalOrder.push("hit"); break; case k(4): break; }
console.log(evalOrder);
function sw(v) { switch (true) { case v < 0: return "neg"; case v < 10: return "digit"; default: return "big"; } }
console.log(sw(-1), sw(5), sw(50));
for (let i = 0; i < 4; i++) {
  switch (i) { case 1: continue; case 2: break; }
  console.log("loop", i);
}
switch (1) { case 1: { let scoped = "block in case"; console.log(scoped); } }
switch (0) { default: console.log("only default"); }
const o = {}; switch (o) { case {}: console.log("no"); break; case o: console.log("identity"); }
