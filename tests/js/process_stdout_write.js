process.stdout.write("a");
process.stdout.write("b");
process.stdout.write("\n");
for (let i = 0; i < 5; i++) process.stdout.write(i + (i < 4 ? "," : "\n"));
const rows = ["#..#", ".##.", "#..#"];
for (const r of rows) process.stdout.write(r + "\n");
process.stdout.write("");
console.log("mixed with console.log");
process.stdout.write("unicode ☺ é\n");
let line = "";
for (let y = 0; y < 3; y++) { for (let x = 0; x < 10; x++) line += (x + y) % 3 ? " " : "*"; line += "\n"; }
process.stdout.write(line);
