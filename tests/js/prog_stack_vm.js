// A tiny stack-based VM with a compiler from a list-based language
const OP = { PUSH: 0, ADD: 1, SUB: 2, MUL: 3, LT: 4, JMP: 5, JZ: 6, LOAD: 7, STORE: 8, PRINT: 9, HALT: 10, DUP: 11, CALL: 12, RET: 13 };
const names = Object.keys(OP);
function run(code, trace) {
  const stack = [], vars = new Array(8).fill(0), frames = [], out = [];
  let pc = 0, steps = 0;
  for (;;) {
    steps++;
    const op = code[pc++];
    switch (op) {
      case OP.PUSH: stack.push(code[pc++]); break;
      case OP.ADD: { const b = stack.pop(), a = stack.pop(); stack.push(a + b); break; }
      case OP.SUB: { const b = stack.pop(), a = stack.pop(); stack.push(a - b); break; }
      case OP.MUL: { const b = stack.pop(), a = stack.pop(); stack.push(a * b); break; }
      case OP.LT: { const b = stack.pop(), a = stack.pop(); stack.push(a < b ? 1 : 0); break; }
      case OP.JMP: pc = code[pc]; break;
      case OP.JZ: { const t = code[pc++]; if (stack.pop() === 0) pc = t; break; }
      case OP.LOAD: stack.push(vars[code[pc++]]); break;
      case OP.STORE: vars[code[pc++]] = stack.pop(); break;
      case OP.DUP: stack.push(stack[stack.length - 1]); break;
      case OP.PRINT: out.push(stack.pop()); break;
      case OP.CALL: frames.push(pc + 1); pc = code[pc]; break;
      case OP.RET: pc = frames.pop(); break;
      case OP.HALT: return { out, steps };
      default: throw new Error("bad opcode " + op + " at " + (pc - 1));
    }
    if (trace && steps <= 6) console.log("  step", steps, names[op], JSON.stringify(stack));
  }
}
// i = 0; acc = 1; while (i < 10) { acc = acc * 2; i = i + 1; print acc }
const prog = [OP.PUSH, 0, OP.STORE, 0, OP.PUSH, 1, OP.STORE, 1,
  OP.LOAD, 0, OP.PUSH, 10, OP.LT, OP.JZ, 32,
  OP.LOAD, 1, OP.PUSH, 2, OP.MUL, OP.DUP, OP.STORE, 1, OP.PRINT,
  OP.LOAD, 0, OP.PUSH, 1, OP.ADD, OP.STORE, 0, OP.JMP, 8, OP.HALT];
prog[14] = prog.length - 1;
prog[prog.length - 2] = 8;
const r = run(prog, true);
console.log(r.out, r.steps);
// A two-pass assembler with labels: "name:" defines, "@name" references
function assemble(src) {
  const words = src.split("\n").join(" ").split(" ").filter(w => w !== "");
  const labels = {}, code = [];
  for (const w of words) { if (w.endsWith(":")) labels[w.slice(0, -1)] = code.length; else code.push(w); }
  return code.map(w => (w.startsWith("@") ? labels[w.slice(1)] : w in OP ? OP[w] : Number(w)));
}
const fact = assemble(`PUSH 1 STORE 1 PUSH 12 STORE 0 CALL @fact LOAD 1 PRINT HALT
  fact: LOAD 0 JZ @done LOAD 1 LOAD 0 MUL STORE 1 LOAD 0 PUSH 1 SUB STORE 0 JMP @fact
  done: RET`);
console.log(fact.length, run(fact).out);
const loop = [OP.PUSH, 0, OP.STORE, 0, OP.LOAD, 0, OP.PUSH, 100000, OP.LT, OP.JZ, 20, OP.LOAD, 0, OP.PUSH, 1, OP.ADD, OP.STORE, 0, OP.JMP, 4, OP.LOAD, 0, OP.PRINT, OP.HALT];
console.log(run(loop));
try { run([99]); } catch (e) { console.log(e.message); }
