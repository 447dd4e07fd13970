module.exports = { kind: "commonjs", add(a, b) { return a + b; } };
