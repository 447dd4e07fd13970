function rpn(expr) {
  const st = [];
  const bin = { "+": (a, b) => a + b, "-": (a, b) => a - b, "*": (a, b) => a * b, "/": (a, b) => a / b, "^": (a, b) => a ** b, "%": (a, b) => a % b };
  for (const tok of expr.split(" ").filter(x => x)) {
    if (tok in bin) { if (st.length < 2) throw new SyntaxError(`stack underflow at '${tok}'`); const b = st.pop(), a = st.pop(); st.push(bin[tok](a, b)); }
    else if (tok === "dup") st.push(st[st.length - 1]);
    else if (tok === "swap") st.push(st.pop(), st.pop());
    else if (tok === "neg") st.push(-st.pop());
    else { const n = Number(tok); if (Number.isNaN(n)) throw new SyntaxError(`bad token '${tok}'`); st.push(n); }
  }
  if (st.length !== 1) throw new SyntaxError(`leftover stack [${st}]`);
  return st[0];
}
function toRpn(infix) {
  const prec = { "+": 1, "-": 1, "*": 2, "/": 2, "%": 2, "^": 3 }, out = [], ops = [];
  const toks = infix.split("(").join(" ( ").split(")").join(" ) ").split(" ").filter(x => x);
  for (const t of toks) {
    if (t in prec) { while (ops.length && ops[ops.length - 1] in prec && (prec[ops[ops.length - 1]] > prec[t] || (prec[ops[ops.length - 1]] === prec[t] && t !== "^"))) out.push(ops.pop()); ops.push(t); }
    else if (t === "(") ops.push(t);
    else if (t === ")") { while (ops[ops.length - 1] !== "(") out.push(ops.pop()); ops.pop(); }
    else out.push(t);
  }
  while (ops.length) out.push(ops.pop());
  return out.join(" ");
}
for (const e of ["3 4 + 2 *", "5 1 2 + 4 * + 3 -", "2 3 ^ dup *", "1 2 swap -", "7 neg 2 %", "1 +", "1 2", "2 x +"]) {
  try { console.log(e.padEnd(20), "=", rpn(e)); } catch (err) { console.log(e.padEnd(20), "!", err.message); }
}
for (const inf of ["3 + 4 * 2 / ( 1 - 5 ) ^ 2 ^ 3", "( 1 + 2 ) * ( 3 + 4 )", "10 % 4 - 1"]) { const r = toRpn(inf); console.log(inf, "=>", r, "=>", rpn(r)); }
