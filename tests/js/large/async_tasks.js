// Async code: a job system of async functions awaiting each other and resolved promises,
// batches through Promise.all/allSettled/race, a rate-limited worker pool, an async
// generator stream consumed with for await, and retries with rejections. Results are
// checksummed; everything runs on microtasks (no timers), so the run is deterministic.
//
// usage: node async_tasks.js [SIZE] [--time]      (default SIZE = 400)

const args = process.argv.slice(2);
const TIME = args.includes("--time");
const sizeArg = args.find((a) => a !== "--time");
const SIZE = sizeArg ? parseInt(sizeArg, 10) : 400;

const tick = (v) => Promise.resolve(v);

async function fib(n) {
  if (n < 2) return n;
  const a = await fib(n - 1);
  const b = await tick(n - 2).then(fib);
  return a + b;
}

async function job(id) {
  let acc = id;
  for (let i = 0; i < 5; i++) acc = (acc * 31 + (await tick(i))) % 1000003;
  return acc;
}

async function batches(n) {
  let total = 0;
  for (let start = 0; start < n; start += 50) {
    const ids = [];
    for (let i = start; i < Math.min(n, start + 50); i++) ids.push(i);
    const results = await Promise.all(ids.map(job));
    for (const r of results) total = (total + r) % 1000003;
  }
  return total;
}

async function pool(n, width) {
  let next = 0;
  let done = 0;
  let checksum = 0;
  async function worker(w) {
    while (next < n) {
      const id = next++;
      const v = await job(id);
      checksum = (checksum + v * (w + 1)) % 1000003;
      done++;
    }
  }
  const workers = [];
  for (let w = 0; w < width; w++) workers.push(worker(w));
  await Promise.all(workers);
  return { done, checksum };
}

async function* stream(n) {
  for (let i = 0; i < n; i++) {
    if (i % 7 === 0) await tick();
    yield i * i;
  }
}
async function consume(n) {
  let sum = 0;
  let count = 0;
  for await (const v of stream(n)) {
    sum = (sum + v) % 1000003;
    count++;
  }
  return { sum, count };
}

async function flaky(id, attempt) {
  await tick();
  if ((id + attempt) % 3 !== 0) throw new Error(`job ${id} failed on attempt ${attempt}`);
  return id * 2;
}
async function withRetry(id) {
  for (let attempt = 0; ; attempt++) {
    try {
      return { value: await flaky(id, attempt), attempts: attempt + 1 };
    } catch (e) {
      if (attempt > 5) throw e;
    }
  }
}
async function retries(n) {
  const settled = await Promise.allSettled(Array.from({ length: n }, (_, i) => withRetry(i)));
  let value = 0;
  let attempts = 0;
  for (const s of settled) {
    if (s.status !== "fulfilled") throw new Error("unexpected rejection");
    value += s.value.value;
    attempts += s.value.attempts;
  }
  const first = await Promise.race([tick("first"), new Promise(() => {})]);
  return { value, attempts, first };
}

async function main() {
  const t0 = Date.now();
  console.log("fib", await fib(SIZE > 2000 ? 18 : 10));
  console.log("batches", await batches(SIZE));
  const p = await pool(SIZE, 8);
  console.log("pool", p.done, p.checksum);
  const c = await consume(SIZE * 2);
  console.log("stream", c.count, c.sum);
  const r = await retries(SIZE / 4);
  console.log("retries", r.value, r.attempts, r.first);
  if (TIME) console.log(`time: ${Date.now() - t0} ms`);
}
main();
