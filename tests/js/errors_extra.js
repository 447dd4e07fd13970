// Error.prototype members and the (engine-specific) stack property
console.log(Error.prototype.name, TypeError.prototype.name, TypeError.prototype instanceof Error, Error.prototype.message === "");
const plain = { name: "N", message: "M" };
console.log(Error.prototype.toString.call(plain), Error.prototype.toString.call({}), Error.prototype.toString.call({ message: "only message" }));
console.log(typeof new Error("s").stack);
