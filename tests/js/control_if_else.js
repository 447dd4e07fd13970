function classify(n) {
  if (n < 0) return "negative";
  else if (n === 0) return "zero";
  else if (n < 10) { return "small"; }
  else return "large";
}
console.log([-5, 0, 3, 42].map(classify));
const truthy = [0, 1, "", "a", null, undefined, NaN, [], {}, -0, "0", "false"];
console.log(truthy.map(v => (v ? "T" : "F")).join(""));
let x = 5;
if (x > 3) if (x > 10) console.log("big"); else console.log("medium");
if (x) { let x = "shadow"; console.log(x); }
if (!x) console.log("never"); else { console.log("else branch"); }
let y;
if ((y = x * 2) > 5) console.log("assigned in cond", y);
