const mixed = [10, "9", 8.5, "10", -1, "-2", 0, "abc", null, true];
console.log(mixed.slice().sort());
console.log(mixed.filter(v => typeof v === "number" || (typeof v === "string" && !Number.isNaN(Number(v)))).map(Number).sort((a, b) => a - b));
console.log(mixed.map(v => v > 5), mixed.map(v => v == 10));
console.log("2" > "12", 2 > "12", "2" > 12, "a" > "B", "a" > 1, null >= 0, undefined >= 0, [10] > [9], [10] > 9);
const ranked = ["item10", "item9", "item1", "item100", "item20"];
const natural = (a, b) => { const na = parseInt(a.slice(4)), nb = parseInt(b.slice(4)); return na - nb; };
console.log(ranked.slice().sort(), ranked.slice().sort(natural));
