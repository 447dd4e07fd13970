console.log("starting deep recursion");
function recurse(n) { return recurse(n + 1) + 1; }
recurse(0);
