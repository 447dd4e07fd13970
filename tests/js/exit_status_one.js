let failures = 0;
for (const [a, b] of [[1, 1], [2, 3], [4, 4]]) { if (a !== b) { console.log("mismatch", a, b); failures++; } }
process.exit(failures > 0 ? 1 : 0);
