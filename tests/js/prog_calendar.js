// Day-of-week and calendar printing without Date
function isLeap(y) { return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0; }
function daysIn(y, m) { return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]; }
function dayOfWeek(y, m, d) { const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]; if (m < 3) y -= 1; return (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + t[m - 1] + d) % 7; }
const names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
console.log([[2000, 1, 1], [1969, 7, 20], [2024, 2, 29], [1900, 3, 1], [2100, 12, 31]].map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")} ${names[dayOfWeek(y, m, d)]}`));
function printMonth(y, m) {
  const title = `${["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][m - 1]} ${y}`;
  console.log(" ".repeat(Math.floor((20 - title.length) / 2)) + title);
  console.log("Su Mo Tu We Th Fr Sa");
  let line = "   ".repeat(dayOfWeek(y, m, 1));
  for (let d = 1; d <= daysIn(y, m); d++) { line += String(d).padStart(2) + " "; if ((dayOfWeek(y, m, d) + 1) % 7 === 0) { console.log(line.slice(0, -1)); line = ""; } }
  if (line) console.log(line.slice(0, -1));
}
printMonth(2024, 2);
printMonth(2026, 11);
let fridays13 = 0;
for (let y = 2000; y < 2100; y++) for (let m = 1; m <= 12; m++) if (dayOfWeek(y, m, 13) === 5) fridays13++;
console.log("Friday 13ths in 2000-2099:", fridays13, [1900, 2000, 2023, 2024].map(isLeap));
