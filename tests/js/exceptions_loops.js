let out = [];
for (let i = 0; i < 6; i++) {
  try {
    if (i === 1) continue;
    if (i === 4) break;
    if (i === 2) throw new Error("two");
    out.push("body" + i);
  } catch (e) { out.push("catch:" + e.message); }
  finally { out.push("fin" + i); }
}
console.log(out.join(" "));
let n = 0;
while (true) { try { n++; if (n > 3) break; } finally { if (n === 4) console.log("finally on break, n =", n); } }
let m = 0;
do { try { m++; if (m < 3) continue; } finally { console.log("do-while finally", m); } } while (m < 3);
function findFirstNegative(rows) {
  outer: for (const row of rows) {
    for (const v of row) {
      try { if (v < 0) return v; } finally { if (v < 0) console.log("returning through finally"); }
      if (v === 0) continue outer;
    }
  }
  return null;
}
console.log(findFirstNegative([[1, 2], [0, -9], [3, -4]]), findFirstNegative([[1]]));
let errs = 0;
for (let i = 0; i < 1000; i++) { try { if (i % 7 === 0) throw i; } catch (e) { errs++; } }
console.log(errs);
