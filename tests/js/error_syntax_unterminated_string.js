console.log("never");
const s = "unterminated;
