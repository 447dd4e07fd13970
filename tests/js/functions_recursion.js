function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }
console.log(fact(10), fact(20), fact(25), fact(170), fact(171));
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
console.log(fib(20));
function ack(m, n) { return m === 0 ? n + 1 : n === 0 ? ack(m - 1, 1) : ack(m - 1, ack(m, n - 1)); }
console.log(ack(2, 3), ack(3, 3));
const isEven = n => (n === 0 ? true : isOdd(n - 1));
const isOdd = n => (n === 0 ? false : isEven(n - 1));
console.log(isEven(100), isOdd(77), isEven(7));
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
console.log(depth(5000));
function gcd(a, b) { return b === 0 ? a : gcd(b, a % b); }
console.log(gcd(1071, 462), gcd(17, 5), gcd(2 ** 30, 2 ** 20));
function flatten(a) { return a.reduce((acc, x) => Array.isArray(x) ? acc.concat(flatten(x)) : acc.concat([x]), []); }
console.log(flatten([1, [2, [3, [4, [5]]]], 6]));
function hanoi(n, from, to, via, moves) { if (n === 0) return moves; hanoi(n - 1, from, via, to, moves); moves.push(from + to); hanoi(n - 1, via, to, from, moves); return moves; }
console.log(hanoi(3, "A", "C", "B", []).join(" "), hanoi(10, "A", "C", "B", []).length);
const named = function recur(n) { return n > 0 ? recur(n - 1) + n : 0; };
console.log(named(100));
