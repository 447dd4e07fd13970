console.log("never");
let a = 1;
let a = 2;
