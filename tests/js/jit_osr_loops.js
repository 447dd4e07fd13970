// Long-running loops in functions called once (on-stack replacement),
// with the loop state carried across tiers exactly.
function longLoop(n) {
  let a = 0, b = 1, c = 0.5, s = "";
  for (let i = 0; i < n; i++) {
    a = (a + i * 3) % 1000003;
    b = (b * 7 + a) % 999983;
    c = c * 0.999 + (i % 10) * 0.001;
    if (i % 20000 === 0) s += String.fromCharCode(97 + ((a + b) % 26));
  }
  return [a, b, c.toFixed(12), s];
}
console.log(longLoop(100000));
function nestedLoops() {
  let count = 0, weighted = 0;
  for (let i = 0; i < 300; i++) {
    for (let j = 0; j < 300; j++) {
      if ((i ^ j) % 3 === 0) { count++; weighted += i * j; }
    }
  }
  return { count, weighted };
}
console.log(nestedLoops());
function whileWithBreak() {
  let x = 1, steps = 0;
  while (true) {
    x = (x * 48271) % 2147483647;
    steps++;
    if (x % 10000 === 7) break;
    if (steps > 1000000) return "gave up";
  }
  return [x, steps];
}
console.log(whileWithBreak());
function closureInHotLoop() {
  const fns = [];
  let total = 0;
  for (let i = 0; i < 20000; i++) {
    const k = i;
    if (i % 5000 === 0) fns.push(() => k);
    total += k & 1;
  }
  return [total, fns.map(f => f())];
}
console.log(closureInHotLoop());
