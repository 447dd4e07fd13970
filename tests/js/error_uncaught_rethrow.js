try { JSON.stringify; throw new RangeError("first"); }
catch (e) { console.log("caught", e.message); throw new SyntaxError("rethrown as syntax error"); }
