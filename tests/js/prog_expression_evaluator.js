// Tokenizer + recursive-descent parser + evaluator for arithmetic
function tokenize(src) {
  const toks = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === " ") { i++; continue; }
    if ((c >= "0" && c <= "9") || c === ".") { let j = i; while (j < src.length && ((src[j] >= "0" && src[j] <= "9") || src[j] === ".")) j++; toks.push({ t: "num", v: parseFloat(src.slice(i, j)) }); i = j; continue; }
    if ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z")) { let j = i; while (j < src.length && /* ident */ ((src[j] >= "a" && src[j] <= "z") || (src[j] >= "A" && src[j] <= "Z") || (src[j] >= "0" && src[j] <= "9"))) j++; toks.push({ t: "id", v: src.slice(i, j) }); i = j; continue; }
    if ("+-*/^(),%".includes(c)) { toks.push({ t: c }); i++; continue; }
    throw new SyntaxError(`bad character '${c}' at ${i}`);
  }
  toks.push({ t: "eof" });
  return toks;
}
class Parser {
  constructor(src) { this.toks = tokenize(src); this.p = 0; }
  peek() { return this.toks[this.p].t; }
  eat(t) { const tok = this.toks[this.p]; if (tok.t !== t) throw new SyntaxError(`expected ${t} got ${tok.t}`); this.p++; return tok; }
  expr() { let l = this.term(); while (this.peek() === "+" || this.peek() === "-") { const op = this.eat(this.peek()).t; const r = this.term(); l = { op, l, r }; } return l; }
  term() { let l = this.unary(); while (["*", "/", "%"].includes(this.peek())) { const op = this.eat(this.peek()).t; const r = this.unary(); l = { op, l, r }; } return l; }
  unary() { if (this.peek() === "-") { this.eat("-"); return { op: "neg", l: this.unary() }; } return this.power(); }
  power() { const b = this.atom(); if (this.peek() === "^") { this.eat("^"); return { op: "^", l: b, r: this.unary() }; } return b; }
  atom() {
    const t = this.peek();
    if (t === "num") return { num: this.eat("num").v };
    if (t === "id") { const name = this.eat("id").v; if (this.peek() === "(") { this.eat("("); const args = [this.expr()]; while (this.peek() === ",") { this.eat(","); args.push(this.expr()); } this.eat(")"); return { call: name, args }; } return { name }; }
    if (t === "(") { this.eat("("); const e = this.expr(); this.eat(")"); return e; }
    throw new SyntaxError("unexpected " + t);
  }
}
const fns = { sqrt: Math.sqrt, max: Math.max, min: Math.min, abs: Math.abs, floor: Math.floor };
function evaluate(n, env) {
  if ("num" in n) return n.num;
  if ("name" in n) { if (!(n.name in env)) throw new ReferenceError(n.name + " is not defined"); return env[n.name]; }
  if ("call" in n) return fns[n.call](...n.args.map(a => evaluate(a, env)));
  const l = evaluate(n.l, env);
  switch (n.op) {
    case "neg": return -l;
    case "+": return l + evaluate(n.r, env);
    case "-": return l - evaluate(n.r, env);
    case "*": return l * evaluate(n.r, env);
    case "/": return l / evaluate(n.r, env);
    case "%": return l % evaluate(n.r, env);
    case "^": return l ** evaluate(n.r, env);
  }
}
function show(n) { if ("num" in n) return String(n.num); if ("name" in n) return n.name; if ("call" in n) return `${n.call}(${n.args.map(show).join(", ")})`; if (n.op === "neg") return `(-${show(n.l)})`; return `(${show(n.l)} ${n.op} ${show(n.r)})`; }
const env = { x: 3, y: 4, pi: Math.PI };
for (const src of ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "sqrt(x*x + y*y)", "max(1, x, y) - min(7, 2)", "10 % 4 + 0.5", "1 / 0", "-x - -y", "floor(pi * 100) / 100", "z + 1", "1 +", "2 $ 3"]) {
  try { const ast = new Parser(src).expr(); console.log(src.padEnd(26), show(ast).padEnd(36), evaluate(ast, env)); }
  catch (e) { console.log(src.padEnd(26), e.name + ":", e.message); }
}
