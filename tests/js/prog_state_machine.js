// A traffic-light / vending state machine driven by events
const machine = {
  initial: "idle",
  states: {
    idle: { on: { coin: "ready", kick: "idle" } },
    ready: { on: { coin: "ready", select: "vending", refund: "idle" } },
    vending: { on: { done: "idle", jam: "broken" } },
    broken: { on: { repair: "idle" } },
  },
};
function run(events) {
  let state = machine.initial, credit = 0;
  const trace = [state];
  for (const e of events) {
    const next = machine.states[state].on[e];
    if (next === undefined) { trace.push(`!${e}`); continue; }
    if (e === "coin") credit++;
    if (e === "refund" || e === "select") credit = 0;
    state = next;
    trace.push(state);
  }
  return { state, credit, trace: trace.join(">") };
}
console.log(run(["coin", "coin", "select", "done"]));
console.log(run(["select", "coin", "refund", "kick", "coin", "select", "jam", "coin", "repair"]));
function lexer(src) {
  const out = []; let state = "start", buf = "";
  const flush = kind => { if (buf) out.push([kind, buf]); buf = ""; };
  for (const ch of src + " ") {
    const isDigit = ch >= "0" && ch <= "9", isAlpha = (ch >= "a" && ch <= "z") || ch === "_";
    switch (state) {
      case "start": if (isDigit) { state = "num"; buf = ch; } else if (isAlpha) { state = "id"; buf = ch; } else if (ch !== " ") out.push(["op", ch]); break;
      case "num": if (isDigit || ch === ".") buf += ch; else { flush("num"); state = "start"; if (ch !== " ") out.push(["op", ch]); } break;
      case "id": if (isAlpha || isDigit) buf += ch; else { flush("id"); state = "start"; if (ch !== " ") out.push(["op", ch]); } break;
    }
  }
  return out;
}
console.log(lexer("x1 = 3.14*radius+ 2"));
