console.log("tdz next");
console.log(value);
let value = 1;
