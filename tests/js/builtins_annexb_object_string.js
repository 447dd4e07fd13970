// Annex B: String.prototype HTML methods, escape/unescape, __defineGetter__ and friends.
console.log("t".anchor('a"b'), "t".big(), "t".blink(), "t".bold(), "t".fixed());
console.log("t".fontcolor("red"), "t".fontsize(7), "t".italics(), "t".link("http://x/?q=\"1\""));
console.log("t".small(), "t".strike(), "t".sub(), "t".sup(), "".anchor(), "x".link(undefined));
console.log(String.prototype.bold.call(42), String.prototype.anchor.call(true, { toString() { return "n"; } }));
try { String.prototype.big.call(null); } catch (e) { console.log(e.constructor.name); }
try { String.prototype.anchor.call(undefined, "x"); } catch (e) { console.log(e.constructor.name); }
try { "a".anchor(Symbol()); } catch (e) { console.log(e.constructor.name); }
const order = [];
String.prototype.fontcolor.call({ toString() { order.push("this"); return "s"; } }, { toString() { order.push("arg"); return "c"; } });
console.log(order.join(","));
for (const m of ["anchor", "big", "blink", "bold", "fixed", "fontcolor", "fontsize", "italics", "link", "small", "strike", "sub", "sup"]) {
  const d = Object.getOwnPropertyDescriptor(String.prototype, m);
  console.log(m, d.value.name, d.value.length, d.enumerable);
}

console.log(escape("abc ABC 123 @*_+-./ ~!#$%^&()=,;:'\"<>?[]{}|\\`"));
console.log(escape("\u00e9\u00ff\u0100\u20ac\uD83D\uDE00\u0000"), escape(), escape(null), escape(12.5));
console.log(unescape("%41%42%u0043%u20AC%zz%u12%4%%"), unescape("%u00e9%E9"), unescape(escape("\u00e9\uD83D\uDE00 x")));
console.log(unescape("%u%41"), unescape("%"), unescape("abc%"), unescape(undefined));
console.log(escape.name, escape.length, unescape.name, unescape.length, Object.keys(globalThis).includes("escape"));

const o = {};
console.log(o.__defineGetter__("x", function () { return "got " + (this === o); }));
console.log(o.x, Object.getOwnPropertyDescriptor(o, "x").enumerable, Object.getOwnPropertyDescriptor(o, "x").configurable);
let stored;
o.__defineSetter__("x", (v) => { stored = v; });
o.x = 5;
console.log(stored, o.x);
console.log(typeof o.__lookupGetter__("x"), typeof o.__lookupSetter__("x"));
const child = Object.create(o);
console.log(child.__lookupGetter__("x") === o.__lookupGetter__("x"), child.__lookupGetter__("nope"));
const shadow = Object.create(o, { x: { value: 1 } });
console.log(shadow.__lookupGetter__("x"), shadow.__lookupSetter__("x"));
const only = {};
only.__defineSetter__("y", () => {});
console.log(only.__lookupGetter__("y"), typeof only.__lookupSetter__("y"));
const sym = Symbol("k");
only.__defineGetter__(sym, () => 7);
console.log(only[sym], typeof only.__lookupGetter__(sym));
only.__defineGetter__(1, () => "one");
console.log(only[1], typeof only.__lookupGetter__("1"));
try { o.__defineGetter__("z", 1); } catch (e) { console.log(e.constructor.name, e.message); }
try { o.__defineSetter__("z", {}); } catch (e) { console.log(e.constructor.name, e.message); }
const frozen = Object.freeze({});
try { frozen.__defineGetter__("a", () => 1); } catch (e) { console.log(e.constructor.name); }
const nc = Object.defineProperty({}, "a", { value: 1 });
try { nc.__defineSetter__("a", () => 1); } catch (e) { console.log(e.constructor.name); }
try { Object.prototype.__defineGetter__.call(undefined, "a", () => 1); } catch (e) { console.log(e.constructor.name); }
try { Object.prototype.__lookupGetter__.call(null, "a"); } catch (e) { console.log(e.constructor.name); }
console.log(typeof Object.prototype.__lookupGetter__.call(1, "toFixed"), Object.prototype.__lookupGetter__.call("s", "length"));
console.log(typeof Object.prototype.__lookupGetter__.call([], "__proto__"));
for (const m of ["__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__"]) {
  const d = Object.getOwnPropertyDescriptor(Object.prototype, m);
  console.log(m, d.value.name, d.value.length, d.enumerable);
}
const keyOrder = [];
try {
  Object.prototype.__defineGetter__.call({}, { toString() { keyOrder.push("key"); return "k"; } }, 1);
} catch (e) { console.log(e.constructor.name, keyOrder.length); }
