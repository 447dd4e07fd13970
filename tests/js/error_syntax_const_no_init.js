console.log("never");
const c;
