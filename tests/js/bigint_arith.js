// BigInt arithmetic tables: every operator over a set of operands, including the errors.
const vals = [0n, 1n, -1n, 7n, -7n, 2n, 64n, 2n ** 64n + 3n, -(2n ** 100n), 123456789012345678901234567890n];
const ops = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '%': (a, b) => a % b,
  '&': (a, b) => a & b,
  '|': (a, b) => a | b,
  '^': (a, b) => a ^ b,
  '<<': (a, b) => a << (b % 200n),
  '>>': (a, b) => a >> (b % 200n),
};
for (const [name, f] of Object.entries(ops)) {
  const row = [];
  for (const a of vals) {
    for (const b of vals) {
      try {
        row.push(String(f(a, b)));
      } catch (e) {
        row.push(e.constructor.name + ':' + e.message);
      }
    }
  }
  console.log(name, row.join(' '));
}
for (const [a, b] of [[2n, 10n], [-3n, 3n], [0n, 0n], [1n, 1000n], [-1n, 1001n], [10n, 20n], [2n, -1n], [7n, 0n]]) {
  try {
    console.log(`${a} ** ${b} =`, a ** b);
  } catch (e) {
    // (node 18's message for a negative exponent is "undefined must be positive".)
    console.log(`${a} ** ${b}:`, e.constructor.name);
  }
}
for (const v of vals) console.log(-v, ~v, v < 0n ? -v : v);
let x = 9007199254740991n;
x++; x++; console.log(x, x--, x, --x, ++x);
let y = 5n; y += 2n; y *= 3n; y -= 1n; y /= 4n; y %= 3n; y **= 5n; y <<= 3n; y >>= 1n; y &= 0xffn; y |= 1n; y ^= 3n;
console.log(y);
console.log(1n / 3n, -1n / 3n, -10n % 3n, 10n % -3n, (-2n) ** 63n, 2n ** 63n - 1n);
// Overflowing results are RangeErrors, never an endless allocation.
for (const f of [() => 2n ** 100000000000n, () => 1n << 10000000000n, () => 3n ** 2000000000n,
                 () => BigInt.asUintN(2 ** 53 - 1, -1n), () => 1n / 0n, () => 1n % 0n]) {
  try {
    f();
    console.log('no error');
  } catch (e) {
    console.log(e.constructor.name, e.message);
  }
}
console.log(1n << -3n, 8n >> -2n, -9n >> 100000000000n, 9n >> 100000000000n, 0n << 100000000000n);
// Mixing with numbers, unary plus and >>> are TypeErrors.
for (const f of [() => 1n + 1, () => 1 * 2n, () => 1n - 0.5, () => 1n ** 2, () => 1n & 1, () => +1n,
                 () => 1n >>> 0n, () => 1n >>> 1, () => Math.abs(-1n), () => isNaN(1n), () => Symbol() + 1n]) {
  try {
    console.log(f());
  } catch (e) {
    console.log(e.constructor.name, e.message);
  }
}
console.log(1n + 'x', 'x' + 2n, `t${-3n}t`, [1n, 2n] + '', String(-0n), (0n).toString(), 10n + '' + 1);
