const orders = [
  { id: 1, customer: "ann", items: [{ p: 2.5, q: 4 }, { p: 10, q: 1 }], status: "paid" },
  { id: 2, customer: "bob", items: [{ p: 99.99, q: 1 }], status: "pending" },
  { id: 3, customer: "ann", items: [], status: "paid" },
  { id: 4, customer: "cy", items: [{ p: 0.5, q: 20 }, { p: 3, q: 3 }], status: "paid" },
];
const totals = orders.filter(o => o.status === "paid").map(o => ({ id: o.id, total: o.items.reduce((s, i) => s + i.p * i.q, 0) })).filter(o => o.total > 0).sort((a, b) => b.total - a.total);
console.log(totals);
const byCustomer = {};
orders.forEach(o => { byCustomer[o.customer] = (byCustomer[o.customer] || 0) + o.items.length; });
console.log(byCustomer);
console.log(orders.map(o => o.items.map(i => i.q)).map(qs => qs.join("+") || "none"));
console.log([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].filter(n => n % 2).map(n => n * n).reduce((a, b) => a + b));
const words = "the rain in spain stays mainly in the plain".split(" ");
console.log(words.filter((w, i, arr) => arr.indexOf(w) === i).map(w => w.length).join(","));
console.log(words.map((w, i) => (i % 2 ? w.toUpperCase() : w)).join(" "));
