class Money {
  constructor(cents) { this.cents = cents; }
  valueOf() { return this.cents; }
  toString() { return `$${(this.cents / 100).toFixed(2)}`; }
}
const a = new Money(1050), b = new Money(250);
console.log(a + b, `${a}`, String(b), a > b, a - b, a * 2, [a, b].join(" & "), a + "", a == 1050, a === 1050);
console.log([new Money(300), new Money(100), new Money(200)].sort((x, y) => x - y).map(String));
class Version {
  constructor(s) { [this.major, this.minor, this.patch] = s.split(".").map(Number); }
  toString() { return [this.major, this.minor, this.patch].join("."); }
  compare(o) { return this.major - o.major || this.minor - o.minor || this.patch - o.patch; }
}
const versions = ["1.10.0", "1.2.10", "1.2.9", "0.9.99", "2.0.0"].map(s => new Version(s));
console.log(versions.sort((x, y) => x.compare(y)).join(" < "));
console.log(`${versions[0]}`, versions[0] + "!", String(versions[4]));
const plain = { valueOf() { return 10; } }, strOnly = { toString() { return "7"; } };
console.log(plain + 1, plain * strOnly, strOnly + 1, strOnly * 2, `${plain}`, [plain] + "");
