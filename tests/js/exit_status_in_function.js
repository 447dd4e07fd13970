function finish(code) { console.log("finishing with", code); process.exit(code); }
try { finish(7); } finally { console.log("finally does not run after exit"); }
