console.log("before the error");
const x = 5;
x();
console.log("never");
