// Several closures sharing and writing the same outer variables
function bank(initial) {
  let balance = initial;
  const log = [];
  function record(kind, amt) { log.push(`${kind}:${amt}`); }
  return {
    deposit(a) { balance += a; record("d", a); return this; },
    withdraw(a) { if (a > balance) { record("fail", a); return this; } balance -= a; record("w", a); return this; },
    balance: () => balance,
    history: () => log.slice(),
  };
}
const acct = bank(100);
acct.deposit(50).withdraw(30).withdraw(500).deposit(5);
console.log(acct.balance(), acct.history());
let total = 0;
const adders = [1, 2, 3].map(n => () => { total += n; return total; });
adders.forEach(a => a());
adders[2]();
console.log(total);
function chain() { let x = 0; const f = () => { x++; return g; }; const g = () => { x *= 10; return f; }; return { f, x: () => x }; }
const ch = chain();
ch.f()()()();
console.log(ch.x());
let counterA = (function () { let privateN = 0; return () => (privateN += 2); })();
console.log(counterA(), counterA(), counterA());
