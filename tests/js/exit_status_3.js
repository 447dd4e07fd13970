console.log("some output first");
process.stdout.write("partial line then exit\n");
process.exit(3);
console.log("never printed");
