// Number.prototype and Boolean.prototype are a Number (0) and a Boolean (false) object.
console.log(Number.prototype.valueOf(), Number.prototype.toString(), Number.prototype.toFixed(2));
console.log(Boolean.prototype.valueOf(), Boolean.prototype.toString());
console.log(Number.prototype, Boolean.prototype, Object.prototype.toString.call(Number.prototype));
console.log(typeof Number.prototype, Number.prototype + 1, !Boolean.prototype);
