console.log("output before");
function useIt() { return undefinedVariable + 1; }
console.log(useIt());
