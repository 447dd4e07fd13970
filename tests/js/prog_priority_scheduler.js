// Round-robin and priority scheduling of simulated processes
const procs = [{ id: "A", arrive: 0, burst: 5, pri: 2 }, { id: "B", arrive: 1, burst: 3, pri: 1 }, { id: "C", arrive: 2, burst: 8, pri: 3 }, { id: "D", arrive: 3, burst: 6, pri: 2 }];
function roundRobin(ps, quantum) {
  const queue = [], remaining = {}, finish = {}, timeline = [];
  let t = 0, i = 0;
  const sorted = ps.slice().sort((a, b) => a.arrive - b.arrive);
  for (const p of ps) remaining[p.id] = p.burst;
  const admit = () => { while (i < sorted.length && sorted[i].arrive <= t) queue.push(sorted[i++].id); };
  admit();
  while (queue.length || i < sorted.length) {
    if (!queue.length) { t = sorted[i].arrive; admit(); continue; }
    const id = queue.shift();
    const run = Math.min(quantum, remaining[id]);
    timeline.push(`${id}${run}`);
    t += run; remaining[id] -= run;
    admit();
    if (remaining[id] > 0) queue.push(id); else finish[id] = t;
  }
  return { timeline: timeline.join(" "), finish };
}
function priority(ps) {
  let t = 0; const done = {}, order = [];
  const pending = ps.slice();
  while (pending.length) {
    const ready = pending.filter(p => p.arrive <= t);
    if (!ready.length) { t = Math.min(...pending.map(p => p.arrive)); continue; }
    ready.sort((a, b) => a.pri - b.pri || a.arrive - b.arrive);
    const p = ready[0];
    pending.splice(pending.indexOf(p), 1);
    t += p.burst; done[p.id] = t; order.push(p.id);
  }
  return { order: order.join(""), done };
}
for (const q of [1, 2, 4]) console.log("RR q=" + q, roundRobin(procs, q));
console.log(priority(procs));
const rr = roundRobin(procs, 2).finish;
const avgTurnaround = procs.reduce((s, p) => s + rr[p.id] - p.arrive, 0) / procs.length;
console.log("avg turnaround:", avgTurnaround);
