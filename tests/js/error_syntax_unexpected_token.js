console.log("this line never runs: the whole file fails to parse");
let x = ;
