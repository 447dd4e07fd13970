console.log(process.argv.length, process.argv.slice(2), Array.isArray(process.argv));
console.log(typeof process.argv[0], typeof process.argv[1], process.argv[1].endsWith("process_argv.js"));
const n = Number(process.argv[2] || "10");
console.log(n * 2);
