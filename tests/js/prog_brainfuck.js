function bf(code, input = "") {
  const tape = new Array(300).fill(0), jumps = {}, stack = [];
  for (let i = 0; i < code.length; i++) { if (code[i] === "[") stack.push(i); else if (code[i] === "]") { const j = stack.pop(); jumps[i] = j; jumps[j] = i; } }
  let ptr = 0, ip = 0, inp = 0, out = "", steps = 0;
  while (ip < code.length) {
    steps++;
    switch (code[ip]) {
      case ">": ptr++; break;
      case "<": ptr--; break;
      case "+": tape[ptr] = (tape[ptr] + 1) & 255; break;
      case "-": tape[ptr] = (tape[ptr] + 255) & 255; break;
      case ".": out += String.fromCharCode(tape[ptr]); break;
      case ",": tape[ptr] = inp < input.length ? input.charCodeAt(inp++) : 0; break;
      case "[": if (tape[ptr] === 0) ip = jumps[ip]; break;
      case "]": if (tape[ptr] !== 0) ip = jumps[ip]; break;
    }
    ip++;
  }
  return { out, steps };
}
const hello = "++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.>++.";
const r = bf(hello);
process.stdout.write(r.out);
console.log(r.steps);
const rev = bf(">,[>,]<[.<]", "kiln");
console.log(rev.out, rev.steps);
const add = bf(",>,[<+>-]<------------------------------------------------.", "34");
console.log(add.out);
