const notAClass = 5;
console.log("constructing");
new notAClass();
