console.log("before exit");
function deep(n) { if (n === 0) process.exit(0); deep(n - 1); }
deep(10);
console.log("never printed");
