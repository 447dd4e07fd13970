// Exits with status 4 from inside nested loops and a try block
let count = 0;
for (let i = 0; i < 10; i++) {
  for (let j = 0; j < 10; j++) {
    count++;
    if (i * j === 12) {
      console.log("stopping at", i, j, "after", count);
      try { process.exit(4); } catch (e) { console.log("never caught"); }
    }
  }
}
