console.log(JSON.stringify({ "": 1, " ": 2, "\n": 3, "é": 4, "\u0000": 5 }));
console.log(JSON.stringify(["\u2028\u2029", "\ud800", "\udc00x", "😀"]));
console.log(JSON.stringify({ nested: [{ a: [] }, {}, [[]]] }), JSON.stringify([[[[[1]]]]]));
console.log(JSON.stringify({ a: 1 }, null, ""), JSON.stringify({ a: [1] }, null, "\t"));
console.log(JSON.stringify([1, 2], null, 0), JSON.stringify({ x: { y: 1 } }, null, 1));
console.log(JSON.stringify(123.0), JSON.stringify(-1e-7), JSON.stringify(1e300 * 10), JSON.stringify(""), JSON.stringify("'"));
class Money { constructor(c) { this.cents = c; } toJSON() { return (this.cents / 100).toFixed(2); } }
console.log(JSON.stringify({ price: new Money(1999), list: [new Money(5)] }));
console.log(JSON.stringify({ date: null, fn: () => 1, arr: [() => 1, undefined] }));
