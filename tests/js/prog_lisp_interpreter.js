// A tiny Lisp: tokenizer, reader, environments with closures, tail calls via loop
function tokenize(s) { return s.split("(").join(" ( ").split(")").join(" ) ").split("'").join(" ' ").split("\n").join(" ").split(" ").filter(t => t.length > 0); }
function read(tokens) {
  const t = tokens.shift();
  if (t === "(") { const list = []; while (tokens[0] !== ")") { if (tokens.length === 0) throw new SyntaxError("missing )"); list.push(read(tokens)); } tokens.shift(); return list; }
  if (t === ")") throw new SyntaxError("unexpected )");
  if (t === "'") return ["quote", read(tokens)];
  const n = Number(t);
  return Number.isNaN(n) ? t : n;
}
class Env {
  constructor(params = [], args = [], outer = null) { this.vars = {}; this.outer = outer; params.forEach((p, i) => { this.vars[p] = args[i]; }); }
  find(k) { if (k in this.vars) return this; if (this.outer) return this.outer.find(k); throw new ReferenceError("unbound: " + k); }
}
const global = new Env();
Object.assign(global.vars, {
  "+": (...a) => a.reduce((x, y) => x + y, 0), "-": (a, ...b) => (b.length ? b.reduce((x, y) => x - y, a) : -a), "*": (...a) => a.reduce((x, y) => x * y, 1),
  "/": (a, b) => a / b, "<": (a, b) => a < b, "=": (a, b) => a === b, "car": l => l[0], "cdr": l => l.slice(1), "cons": (a, l) => [a, ...l],
  "list": (...a) => a, "null?": l => l.length === 0, "print": (...a) => { console.log(...a.map(show)); return null; },
});
function show(v) { return Array.isArray(v) ? "(" + v.map(show).join(" ") + ")" : v === true ? "#t" : v === false ? "#f" : v === null ? "nil" : String(v); }
function evaluate(x, env) {
  for (;;) {
    if (typeof x === "string") return env.find(x).vars[x];
    if (!Array.isArray(x)) return x;
    const [op, ...args] = x;
    switch (op) {
      case "quote": return args[0];
      case "if": x = evaluate(args[0], env) !== false ? args[1] : args[2]; continue;
      case "define": env.vars[args[0]] = evaluate(args[1], env); return null;
      case "set!": env.find(args[0]).vars[args[0]] = evaluate(args[1], env); return null;
      case "lambda": return { params: args[0], body: args[1], env };
      case "begin": for (let i = 0; i < args.length - 1; i++) evaluate(args[i], env); x = args[args.length - 1]; continue;
      default: {
        const f = evaluate(op, env), vals = args.map(a => evaluate(a, env));
        if (typeof f === "function") return f(...vals);
        x = f.body; env = new Env(f.params, vals, f.env);
      }
    }
  }
}
function run(src) { const tokens = tokenize(src); let result = null; while (tokens.length) result = evaluate(read(tokens), global); return result; }
run(`(define fact (lambda (n) (if (< n 2) 1 (* n (fact (- n 1))))))
     (define fib (lambda (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2))))))
     (define map (lambda (f l) (if (null? l) '() (cons (f (car l)) (map f (cdr l))))))
     (define count (lambda (n acc) (if (= n 0) acc (count (- n 1) (+ acc 1)))))
     (define make-counter (lambda () (begin (define c 0) (lambda () (begin (set! c (+ c 1)) c)))))
     (define ctr (make-counter))`);
run(`(print (fact 10) (fact 20) (fib 12))`);
run(`(print (map (lambda (x) (* x x)) '(1 2 3 4 5)) (list 1 '(2 3) (quote sym)))`);
run(`(print (count 3000 0))`);
run(`(begin (ctr) (ctr) (print (ctr)))`);
for (const bad of ["(print undefined-var)", "(print (+ 1 2)", ")"]) { try { run(bad); } catch (e) { console.log(e.name + ": " + e.message); } }
