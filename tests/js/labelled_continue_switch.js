const ops = ["push 1", "push 2", "add", "skip", "push 10", "mul", "bad", "print", "push 3", "halt", "push 99"];
const stack = [];
const log = [];
run: for (let pc = 0; pc < ops.length; pc++) {
  const [op, arg] = ops[pc].split(" ");
  switch (op) {
    case "push": stack.push(Number(arg)); continue run;
    case "add": stack.push(stack.pop() + stack.pop()); break;
    case "mul": stack.push(stack.pop() * stack.pop()); break;
    case "skip": log.push("skipping"); continue run;
    case "print": log.push("top=" + stack[stack.length - 1]); break;
    case "halt": log.push("halt"); break run;
    default: log.push("unknown " + op); continue run;
  }
  log.push(`${op} -> [${stack}]`);
}
console.log(log);
console.log(stack);
