// process.exit(0) explicitly after work: status 0, all output flushed
const lines = [];
for (let i = 0; i < 5; i++) lines.push(`line ${i}`);
process.stdout.write(lines.join("\n") + "\n");
console.log("done");
process.exit(0);
