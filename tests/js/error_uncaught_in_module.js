console.log("requiring a module that throws");
require("./modules/throws");
