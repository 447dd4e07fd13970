const ints = ["42", "  42  ", "-42", "+42", "42abc", "abc", "", "0x1A", "0X1a", "-0x1a", "012", "1e3", "3.99", "-3.99", ".5", "0.00000001", "123456789012345678901234567890", "Infinity", "\t\n 7"];
for (const s of ints) console.log(JSON.stringify(s), parseInt(s));
console.log(parseInt("ff", 16), parseInt("FF", 16), parseInt("0xff", 16), parseInt("101", 2), parseInt("777", 8), parseInt("z", 36), parseInt("Z", 36));
console.log(parseInt("12", 0), parseInt("12", 1), parseInt("12", 37), parseInt("19", 8), parseInt("2", 2), parseInt("10", 36));
console.log(parseInt(0.0000005), parseInt(1e21), parseInt(null), parseInt(undefined), parseInt(15.99), parseInt(-0.5));
const floats = ["3.14", "  3.14  ", "-.5", "1e3", "1E-3", "1e", "1.2.3", "abc", "", "Infinity", "-Infinity", "+1.5", "0x10", ".e1", "5e-324", "1e400", "-1e400", "00012.50"];
for (const s of floats) console.log(JSON.stringify(s), parseFloat(s));
console.log(["1", "2", "3"].map(parseInt), ["1", "2", "3"].map(Number), ["1.5", "x"].map(parseFloat));
