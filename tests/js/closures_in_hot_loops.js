// Closures and block scopes created in hot loops (long enough to tier up mid-loop): arrows
// capturing a loop's per-iteration `let`s passed to forEach, block-scoped `let`s captured
// in nested blocks, closures escaping and called after the loop, generator and async
// closures created per iteration, and an exception thrown out of a block scope inside a
// loop (the loop's scope must be the current one again in the handler).

function sums(arr, n) {
  let total = 0;
  const keep = [];
  for (let i = 0; i < n; i++) {
    let k = i % 7;
    {
      let b = k * 2;
      arr.forEach((x) => { total += x * b + i; });
      if (i % 250 === 0) keep.push(() => [i, k, b]);
    }
    const f = function (y) { return () => y + i + k; };
    total += f(1)();
  }
  return [total, keep.map((g) => g().join("/")).join(" ")];
}
console.log(sums([1, 2, 3], 1200).join(" | "));

function blocks(n) {
  const fs = [];
  for (let i = 0; i < n; i++) {
    let a = i;
    {
      let b = a + 1;
      {
        let c = b + 1;
        if (i % 300 === 0) fs.push(() => a + b + c);
      }
    }
  }
  for (let i = 0; i < 3; i++) fs.push(() => i);
  return fs.map((f) => f());
}
console.log(blocks(1200).join(","));

function throwing(n) {
  let caught = 0, last = "";
  for (let i = 0; i < n; i++) {
    let tag = "t" + i;
    try {
      let inner = tag + "!";
      const g = () => inner;
      if (i % 100 === 0) throw new Error(g());
    } catch (e) {
      caught++;
      last = e.message + " " + tag + " " + (() => i)();
    }
  }
  return caught + " " + last;
}
console.log(throwing(1200));

function makers(n) {
  const gens = [];
  const asyncs = [];
  for (let i = 0; i < n; i++) {
    const g = function* () { yield i; yield i * 2; };
    const a = async () => i + 1;
    if (i % 400 === 0) { gens.push(g); asyncs.push(a); }
  }
  return [gens.map((g) => [...g()].join("+")).join(" "), asyncs];
}
const [gs, as] = makers(1200);
console.log(gs);
Promise.all(as.map((a) => a())).then((v) => console.log("async:", v.join(",")));
