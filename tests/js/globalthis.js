console.log(typeof globalThis, globalThis === globalThis.globalThis);
globalThis.sharedValue = 42;
console.log(sharedValue, typeof sharedValue);
sharedValue = 43;
console.log(globalThis.sharedValue);
var moduleVar = 1;
let moduleLet = 2;
console.log(globalThis.moduleVar, globalThis.moduleLet, "moduleVar" in globalThis);
function setGlobal() { globalThis.fromFunction = "set"; }
setGlobal();
console.log(fromFunction);
console.log(typeof globalThis.Math, globalThis.Math === Math, globalThis.JSON === JSON, typeof globalThis.console.log);
console.log(globalThis.parseInt === parseInt, globalThis.Array === Array, globalThis.undefinedThing);
globalThis.counter = 0;
for (let i = 0; i < 5; i++) counter++;
console.log(globalThis.counter);
delete globalThis.counter;
console.log(typeof counter);
console.log(typeof globalThis.NaN, globalThis.Infinity, globalThis.undefined);
