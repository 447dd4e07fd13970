const items = [
  { sku: "A-100", name: "Widget", qty: 12, price: 2.5, tags: ["small", "metal"] },
  { sku: "B-220", name: "Gadget", qty: 0, price: 19.99, tags: ["electronic"] },
  { sku: "C-310", name: "Doohickey", qty: 7, price: 7.25, tags: [] },
  { sku: "A-105", name: "Widget XL", qty: 3, price: 4.75, tags: ["large", "metal"] },
  { sku: "D-400", name: "Thingamajig", qty: 25, price: 0.99, tags: ["small"] },
];
function pad(s, n, right) { s = String(s); return right ? s.padStart(n) : s.padEnd(n); }
console.log(pad("SKU", 7) + pad("Name", 13) + pad("Qty", 5, true) + pad("Price", 8, true) + pad("Value", 9, true));
console.log("-".repeat(42));
let total = 0;
for (const { sku, name, qty, price } of items) {
  const value = qty * price;
  total += value;
  console.log(pad(sku, 7) + pad(name, 13) + pad(qty, 5, true) + pad(price.toFixed(2), 8, true) + pad(value.toFixed(2), 9, true));
}
console.log("-".repeat(42));
console.log(pad("Total", 33) + pad(total.toFixed(2), 9, true));
const outOfStock = items.filter(i => i.qty === 0).map(i => i.name);
const byTag = {};
for (const it of items) for (const t of it.tags) (byTag[t] = byTag[t] || []).push(it.sku);
console.log({ outOfStock, byTag });
const byPrefix = items.reduce((acc, it) => { const p = it.sku.split("-")[0]; acc[p] = (acc[p] || 0) + it.qty; return acc; }, {});
console.log(byPrefix, Object.entries(byPrefix).sort((x, y) => y[1] - x[1])[0]);
const restock = items.map(it => ({ ...it, qty: it.qty < 5 ? it.qty + 10 : it.qty }));
console.log(restock.map(i => i.qty), items.map(i => i.qty));
