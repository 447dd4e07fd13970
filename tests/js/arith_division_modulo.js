const pairs = [[7, 2], [-7, 2], [7, -2], [-7, -2], [0, 5], [5, 0], [-5, 0], [0, 0], [5.5, 2], [-5.5, 2], [1e308, 1e-308], [1, 3], [2, 3], [10, 0.1]];
for (const [a, b] of pairs) console.log(a, b, a / b, a % b, Math.floor(a / b), Math.trunc(a / b), ((a % b) + b) % b);
console.log(Infinity % 2, 2 % Infinity, -2 % Infinity, Infinity / Infinity, 0 / Infinity, -0 % 3);
console.log(2 ** 53 % 3, (2 ** 53 + 2) % 3, 1e21 % 7, 0.3 % 0.1, 1 % 0.2);
function divmod(a, b) { const q = Math.floor(a / b); return [q, a - q * b]; }
console.log([[17, 5], [-17, 5], [17, -5]].map(([a, b]) => divmod(a, b)));
let x = 1; for (let i = 0; i < 30; i++) x /= 3; console.log(x);
let y = 1e-300; y /= 1e10; y /= 1e10; console.log(y, y / 1e10, y * 1e300);
