const user = { first: "Ada", last: "Lovelace", born: 1815 };
console.log(`${user.first} ${user.last} (${user.born}-${1815 + 36})`);
console.log(`Age at death: ${((b, d) => d - b)(user.born, 1852)}`);
console.log(`${[1, 2, 3].map(n => `<${n}>`).join("")}`);
console.log(`calc: ${1 + 2 * 3} | ternary: ${user.born > 1800 ? "19th" : "older"} century | call: ${Math.max(3, 9)}`);
const rows = [["a", 1], ["bb", 22]];
console.log(`Table:\n${rows.map(([k, v]) => `  ${k.padEnd(3)}| ${String(v).padStart(3)}`).join("\n")}`);
console.log(`backslash \\ and \` and \${not} and $ alone and {braces}`);
const nested = n => (n === 0 ? "x" : `(${nested(n - 1)})`);
console.log(nested(4));
console.log(`${undefined} ${null} ${NaN} ${[]} ${[null]} ${{ a: 1 }}`);
console.log(`line1
  line2 (indented)
line3`.split("\n").length);
console.log(`\u{1F600}`.length, `\x41\u0042`, `\t|`);
