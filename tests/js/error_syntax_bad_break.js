console.log("never");
function f() { break; }
