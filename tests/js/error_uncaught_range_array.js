console.log("making arrays");
const ok = new Array(3);
console.log(ok.length);
const bad = new Array(-5);
