module.exports = { name: "kiln-test", retries: 3, features: ["a", "b"] };
