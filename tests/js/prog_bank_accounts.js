class InsufficientFunds extends Error {
  constructor(account, amount) { super(`account ${account.id} cannot pay ${amount.toFixed(2)}`); this.name = "InsufficientFunds"; this.amount = amount; }
}
class Account {
  static count = 0;
  constructor(owner, balance = 0) { this.id = ++Account.count; this.owner = owner; this.balance = balance; this.log = []; }
  deposit(x) { if (x <= 0) throw new RangeError("deposit must be positive"); this.balance += x; this.log.push(["dep", x]); return this; }
  withdraw(x) { if (x > this.balance) throw new InsufficientFunds(this, x); this.balance -= x; this.log.push(["wd", x]); return this; }
  toString() { return `#${this.id} ${this.owner}: ${this.balance.toFixed(2)}`; }
}
class SavingsAccount extends Account {
  constructor(owner, balance, rate) { super(owner, balance); this.rate = rate; }
  addInterest() { const i = Math.round(this.balance * this.rate * 100) / 100; this.deposit(i); return i; }
  withdraw(x) { if (this.log.filter(([k]) => k === "wd").length >= 2) throw new Error("withdrawal limit reached"); return super.withdraw(x); }
}
class Bank {
  constructor() { this.accounts = []; }
  open(acct) { this.accounts.push(acct); return acct; }
  transfer(from, to, amt) {
    try { from.withdraw(amt); to.deposit(amt); return true; }
    catch (e) { console.log("transfer failed:", e.name, "-", e.message); return false; }
  }
  total() { return this.accounts.reduce((s, a) => s + a.balance, 0); }
}
const bank = new Bank();
const a = bank.open(new Account("ann", 100));
const b = bank.open(new SavingsAccount("bob", 1000, 0.015));
const c = bank.open(new Account("cy"));
bank.transfer(a, c, 30);
bank.transfer(a, c, 300);
bank.transfer(b, a, 50.5);
bank.transfer(b, a, 10);
bank.transfer(b, a, 10);
console.log(b.addInterest(), b.addInterest());
try { c.deposit(-5); } catch (e) { console.log(e instanceof RangeError, e.message); }
for (const acct of bank.accounts) console.log(String(acct), acct.log.length);
console.log(bank.total().toFixed(2), Account.count, b instanceof Account);
console.log(b.log);
