console.log("never");
const t = `abc ${1 + 2}
