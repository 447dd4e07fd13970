// A task scheduler simulation: a tiny operating system runs processes that
// alternate between CPU bursts and I/O waits. The scheduler is preemptive
// round robin with priorities (lower number = more important) and aging, so
// that low-priority work is not starved. It prints a Gantt chart of the CPU
// and per-process statistics.
//
//   kiln run examples/scheduler.js            (quantum 3)
//   kiln run examples/scheduler.js 5          (quantum 5)

const QUANTUM = Number(process.argv[2]) || 3;
const AGING_EVERY = 10; // ticks of waiting before a ready process gains priority

// Each process is a script of bursts: ["cpu", n] runs n ticks on the CPU,
// ["io", n] blocks for n ticks.
const WORKLOAD = [
  { name: "editor", priority: 1, arrival: 0, script: [["cpu", 2], ["io", 6], ["cpu", 2], ["io", 6], ["cpu", 2]] },
  { name: "compiler", priority: 3, arrival: 1, script: [["cpu", 12], ["io", 3], ["cpu", 9]] },
  { name: "backup", priority: 5, arrival: 2, script: [["cpu", 6], ["io", 10], ["cpu", 6]] },
  { name: "music", priority: 2, arrival: 4, script: [["cpu", 1], ["io", 2], ["cpu", 1], ["io", 2], ["cpu", 1], ["io", 2], ["cpu", 1]] },
  { name: "indexer", priority: 4, arrival: 8, script: [["cpu", 10]] },
];

class Process {
  constructor({ name, priority, arrival, script }) {
    this.name = name;
    this.basePriority = priority;
    this.priority = priority;
    this.arrival = arrival;
    this.script = script.map(([kind, ticks]) => ({ kind, ticks }));
    this.step = 0;
    this.state = "new";
    this.waitingSince = 0;
    this.stats = { cpu: 0, io: 0, ready: 0, switches: 0, finished: null };
  }
  current() { return this.script[this.step]; }
  advance() {
    this.step++;
    return this.step < this.script.length;
  }
}

class ReadyQueue {
  constructor() { this.items = []; }
  push(p) { this.items.push(p); }
  // Highest priority first; among equals, the one that has waited longest.
  pop() {
    let best = 0;
    for (let i = 1; i < this.items.length; i++) {
      const a = this.items[i], b = this.items[best];
      if (a.priority < b.priority || (a.priority === b.priority && a.waitingSince < b.waitingSince)) best = i;
    }
    return this.items.splice(best, 1)[0];
  }
  size() { return this.items.length; }
}

class Scheduler {
  constructor(processes, quantum) {
    this.pending = processes.slice().sort((a, b) => a.arrival - b.arrival);
    this.all = processes;
    this.quantum = quantum;
    this.ready = new ReadyQueue();
    this.blocked = [];
    this.running = null;
    this.sliceLeft = 0;
    this.time = 0;
    this.timeline = [];
    this.log = [];
  }

  note(message) { this.log.push(`t=${String(this.time).padStart(3)}  ${message}`); }

  makeReady(p) {
    p.state = "ready";
    p.waitingSince = this.time;
    this.ready.push(p);
  }

  admitArrivals() {
    while (this.pending.length > 0 && this.pending[0].arrival <= this.time) {
      const p = this.pending.shift();
      this.note(`${p.name} arrives (priority ${p.priority})`);
      this.makeReady(p);
    }
  }

  wakeBlocked() {
    const stillBlocked = [];
    for (const p of this.blocked) {
      p.current().ticks--;
      p.stats.io++;
      if (p.current().ticks > 0) { stillBlocked.push(p); continue; }
      if (p.advance()) {
        this.note(`${p.name} finished I/O`);
        this.makeReady(p);
      } else {
        this.finish(p);
      }
    }
    this.blocked = stillBlocked;
  }

  age() {
    for (const p of this.ready.items) {
      p.stats.ready++;
      if ((this.time - p.waitingSince) % AGING_EVERY === AGING_EVERY - 1 && p.priority > 0) p.priority--;
    }
  }

  finish(p) {
    p.state = "done";
    p.stats.finished = this.time;
    this.note(`${p.name} exits`);
  }

  dispatch() {
    if (this.running !== null || this.ready.size() === 0) return;
    const p = this.ready.pop();
    p.state = "running";
    p.priority = p.basePriority;
    p.stats.switches++;
    this.running = p;
    this.sliceLeft = this.quantum;
  }

  tick() {
    this.admitArrivals();
    this.dispatch();
    const p = this.running;
    this.timeline.push(p === null ? "." : p.name[0].toUpperCase());
    this.age();
    this.wakeBlocked();
    this.time++;
    if (p === null) return;
    p.current().ticks--;
    p.stats.cpu++;
    this.sliceLeft--;
    if (p.current().ticks === 0) {
      this.running = null;
      if (!p.advance()) this.finish(p);
      else {
        p.state = "blocked";
        this.blocked.push(p);
        this.note(`${p.name} waits for I/O (${p.current().ticks} ticks)`);
      }
    } else if (this.sliceLeft === 0 && this.ready.size() > 0) {
      this.running = null;
      this.note(`${p.name} preempted`);
      this.makeReady(p);
    }
  }

  run() {
    while (this.all.some(p => p.state !== "done")) this.tick();
  }
}

const processes = WORKLOAD.map(spec => new Process(spec));
const os = new Scheduler(processes, QUANTUM);
os.run();

console.log(`Round robin with priorities, quantum ${QUANTUM}, ${os.time} ticks\n`);
console.log("Events:");
for (const line of os.log) console.log("  " + line);

console.log("\nCPU timeline (one character per tick, '.' = idle):");
for (let i = 0; i < os.timeline.length; i += 50) {
  console.log(`  ${String(i).padStart(3)} ${os.timeline.slice(i, i + 50).join("")}`);
}

console.log("\nprocess   prio  arrive  finish  turnaround  cpu  io  waiting  dispatches");
let totalTurnaround = 0;
let totalWaiting = 0;
for (const p of processes) {
  const turnaround = p.stats.finished - p.arrival;
  totalTurnaround += turnaround;
  totalWaiting += p.stats.ready;
  console.log(
    `${p.name.padEnd(9)} ${String(p.basePriority).padStart(4)} ${String(p.arrival).padStart(7)} ${String(p.stats.finished).padStart(7)}` +
      ` ${String(turnaround).padStart(11)} ${String(p.stats.cpu).padStart(4)} ${String(p.stats.io).padStart(3)}` +
      ` ${String(p.stats.ready).padStart(8)} ${String(p.stats.switches).padStart(11)}`
  );
}
const busy = os.timeline.filter(c => c !== ".").length;
console.log(`\naverage turnaround ${(totalTurnaround / processes.length).toFixed(1)} ticks, ` +
  `average waiting ${(totalWaiting / processes.length).toFixed(1)} ticks, CPU utilisation ${((100 * busy) / os.time).toFixed(1)}%`);
