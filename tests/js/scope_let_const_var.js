var v = "global var";
let l = "global let";
const c = "global const";
function f() {
  var v = "f var";
  let l = "f let";
  {
    let l = "block let";
    const c = "block const";
    var v2 = "hoisted out of block";
    console.log(v, l, c);
  }
  console.log(v, l, c, v2);
}
f();
console.log(v, l, c);
if (true) { var fromIf = 1; let notVisible = 2; }
console.log(fromIf, typeof notVisible);
for (var i = 0; i < 3; i++) {}
console.log(i);
for (let j = 0; j < 3; j++) {}
console.log(typeof j);
try { c = 5; } catch (e) { console.log(e instanceof TypeError, e.message); }
const obj = { a: 1 }; obj.a = 2; obj.b = 3; console.log(obj);
const arr = [1]; arr.push(2); console.log(arr);
let x = 1;
{ let x = 2; { let x = 3; console.log(x); } console.log(x); }
console.log(x);
function shadowParam(x) { { let x = "inner"; console.log(x); } return x; }
console.log(shadowParam("param"));
var dup = 1; var dup = 2; console.log(dup);
console.log(typeof globalThis.v, globalThis.v, typeof globalThis.l);
