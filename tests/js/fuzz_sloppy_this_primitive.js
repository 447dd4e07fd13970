// Found by the differential fuzzer (fuzz/): a sloppy-mode function called with a primitive
// `this` (f.call(5), "x".method()) must see a wrapper object (OrdinaryCallBindThis), in the
// interpreter and from compiled call sites alike; kiln passed the primitive through.
var H = 0;
function ck(v) {
  if (typeof v === "number") s = (v === 0 && 1 / v < 0) ? "-0" : "n" + v;
  else s = typeof v + ":" + v;
  for (var i = 0; i < s.length; i++) H = ((H << 5) - H + s.charCodeAt(i)) | 0;
}
function out(tag) { console.log(tag, H); }
(function(){
  class F { f = true; g = this.f + 1; constructor(v) { this.v = v; } }
  class G extends F { h = 2; constructor(v, w) { super(w); this.w = new.target === G; } }
  function self() { return this === undefined ? "u" : this === globalThis ? "g" : typeof this; }
  for (let i = 0; i < 387; i++) {
    ck(new F(i)); ck(new G(i, -i)); ck(self()); ck(self.call(i));
  }
  out("x");
})();
function self() { return this === undefined ? "u" : this === globalThis ? "g" : typeof this; }
console.log(self(), self.call(5), self.call("s"), self.call(undefined), self.call(null));
class F { f = true; g = this.f + 1; constructor(v) { this.v = v; } }
console.log(typeof new F(1), String(new F(1)), new F(2) + "");
function strictSelf() { 'use strict'; return typeof this; }
String.prototype.me = self; Number.prototype.me = function () { return typeof this + (this + 1); };
var s = ""; for (let i = 0; i < 300; i++) s = self() + self.call(i) + "x".me() + (5).me() + [1].map(self, 5)[0] + (i % 2 ? "ab" : i).me() + strictSelf.call(i) + ((a) => typeof this)(1);
console.log(s);
