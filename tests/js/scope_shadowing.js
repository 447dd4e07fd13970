let x = "global";
function a() {
  let x = "a";
  function b() {
    let x = "b";
    return () => { let y = x; { let x = "arrow block"; return [y, x]; } };
  }
  return [x, ...b()()];
}
console.log(a(), x);
function params(x, y = x) { x = "changed"; return [x, y]; }
console.log(params("p"));
const f = function x() { return typeof x; };
console.log(f(), x);
let counter = 0;
function inc() { let counter = 100; counter++; return counter; }
console.log(inc(), counter);
for (let x = 0; x < 2; x++) { let y = x * 10; for (let x = 5; x < 7; x++) console.log(x, y); }
console.log(x);
try { throw "outer"; } catch (x) { console.log("catch", x); { let x = "in catch block"; console.log(x); } }
console.log(x);
let undefinedName = 1;
function sh(Math) { return Math + 1; }
console.log(sh(41), Math.max(1, 2));
const obj = { x: "prop", getX() { return x; }, getThisX() { return this.x; } };
console.log(obj.getX(), obj.getThisX());
