// Unbounded recursion is caught as a RangeError
function f() { return f() + 1; }
try { f(); } catch (e) { console.log(e instanceof RangeError, e.message); }
let depth = 0;
function g() { depth++; g(); }
try { g(); } catch (e) { console.log(e.name, depth > 1000); }
// the program continues normally afterwards
function sum(n) { return n === 0 ? 0 : n + sum(n - 1); }
console.log(sum(1000));
// mutual recursion
function a(n) { return b(n + 1); }
function b(n) { return a(n + 1); }
try { a(0); } catch (e) { console.log(e instanceof RangeError, e.constructor === RangeError); }
// in a method, with finally
class Node { constructor() { this.visits = 0; } visit() { this.visits++; return this.visit(); } }
const node = new Node();
let finallyRan = false;
try { try { node.visit(); } finally { finallyRan = true; } } catch (e) { console.log(e.message, finallyRan, node.visits > 100); }
// again, to check the stack is usable after the overflow
try { f(); } catch (e) { console.log("again", e instanceof RangeError); }
console.log(sum(100));
