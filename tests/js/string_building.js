let s = "";
for (let i = 0; i < 1000; i++) s += i % 10;
console.log(s.length, s.slice(0, 25), s.slice(-5));
const parts = [];
for (let i = 0; i < 500; i++) parts.push(String.fromCharCode(65 + (i % 26)));
const joined = parts.join("");
console.log(joined.length, joined.slice(0, 30));
let nested = "";
for (let i = 0; i < 10; i++) nested = "(" + nested + ")";
console.log(nested);
let tpl = "";
for (let i = 0; i < 5; i++) tpl = `${tpl}[${i}:${i * i}]`;
console.log(tpl);
let doubling = "ab";
for (let i = 0; i < 15; i++) doubling += doubling;
console.log(doubling.length, doubling.charAt(65535), doubling.indexOf("ba"), doubling.lastIndexOf("ab"));
const lines = [];
for (let r = 1; r <= 9; r++) { let line = ""; for (let c = 1; c <= r; c++) line += `${c}x${r}=${String(c * r).padStart(2)} `; lines.push(line.trim()); }
console.log(lines.join("\n"));
