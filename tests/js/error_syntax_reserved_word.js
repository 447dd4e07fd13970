console.log("never");
var class = 1;
