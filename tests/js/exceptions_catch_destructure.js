try { throw new RangeError("out of range"); } catch ({ name, message }) { console.log(name, message); }
try { throw { code: 404, detail: { path: "/x" } }; } catch ({ code, detail: { path } }) { console.log(code, path); }
try { throw [1, 2, 3]; } catch ([first, ...rest]) { console.log(first, rest); }
try { throw {}; } catch ({ missing = "default" }) { console.log(missing); }
function risky(n) { if (n % 2) throw new TypeError(`odd ${n}`); return n; }
const results = [];
for (let i = 0; i < 5; i++) { try { results.push(risky(i)); } catch ({ message }) { results.push(message); } }
console.log(results);
