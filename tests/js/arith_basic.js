// Basic arithmetic on integers and doubles.
console.log(1 + 2, 7 - 10, 6 * 7, 7 / 2, 7 % 3, -7 % 3, 7 % -3);
console.log(0.1 + 0.2, 0.3 - 0.1, 1.5 * 4, 1 / 3);
console.log(2 ** 10, 2 ** -1, (-2) ** 3, 2 ** 0.5, 4 ** 0.5);
console.log(5.5 % 2, -5.5 % 2, 1e300 * 1e10, -1e300 * 1e10);
console.log(10 / 0, -10 / 0, 0 / 0);
let a = 17, b = 5;
console.log(a + b, a - b, a * b, a / b, a % b, a ** 2);
console.log(Math.floor(a / b), (a / b) | 0, ~~(-a / b));
let x = 3;
x += 4; console.log(x);
x -= 10; console.log(x);
x *= -2; console.log(x);
x /= 4; console.log(x);
x %= 1; console.log(x);
x = 3; x **= 3; console.log(x);
console.log(+"", +" 12 ", +"0x1f", +"1e3", +"abc", +[], +[5], +[1, 2], +{}, +null, +undefined, +true, +false);
console.log(-"3", -"", -null, -undefined);
console.log(1 - "2", "6" * "7", "8" / "2", "9" % "4", "2" ** "3");
