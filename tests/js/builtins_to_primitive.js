// Symbol.toPrimitive in ToPrimitive, Date.prototype[@@toPrimitive], Symbol.prototype[@@toPrimitive].
const hints = [];
const o = {
  [Symbol.toPrimitive](hint) {
    hints.push(hint);
    return hint === "number" ? 42 : "str:" + hint;
  },
  valueOf() { return 1; },
  toString() { return "ts"; },
};
console.log(+o, `${o}`, o + "", o == "str:default", o < 50, String(o), Number(o));
console.log(hints.join(","));

const undef = { [Symbol.toPrimitive]: undefined, valueOf() { return 7; } };
console.log(undef + 1);
const nul = { [Symbol.toPrimitive]: null, toString() { return "n"; } };
console.log(`${nul}`);

try { ({ [Symbol.toPrimitive]: 1 }) + 1; } catch (e) { console.log(e instanceof TypeError); }
try { ({ [Symbol.toPrimitive]() { return {}; } }) + 1; } catch (e) { console.log(e.constructor.name, e.message); }
try { `${{ [Symbol.toPrimitive]() { return {}; } }}`; } catch (e) { console.log(e.constructor.name); }
const sym = Symbol("s");
const returnsSym = { [Symbol.toPrimitive]() { return sym; } };
try { returnsSym + ""; } catch (e) { console.log(e.constructor.name, e.message); }
console.log(returnsSym == sym);
const thisCheck = { [Symbol.toPrimitive](h) { return this === thisCheck ? "same" : "other"; } };
console.log(`${thisCheck}`);

// valueOf returning a symbol is a primitive result.
const vs = { valueOf() { return sym; }, toString() { return "x"; } };
console.log(vs == sym);

// Getter on Symbol.toPrimitive is read once per conversion.
let reads = 0;
const g = { get [Symbol.toPrimitive]() { reads++; return () => 5; } };
console.log(g * 2, reads);

// Date: default hint is string, number hint is the time value.
const d = new Date(0);
console.log(typeof (d + 1), d - 0, +d, d == d.toString(), d < 1);
const tp = Date.prototype[Symbol.toPrimitive];
console.log(typeof tp, tp.name, tp.length);
console.log(tp.call(d, "number"), typeof tp.call(d, "default"), typeof tp.call(d, "string"));
console.log(tp.call({ valueOf() { return 3; }, toString() { return "s"; } }, "number"));
console.log(tp.call({ valueOf() { return 3; }, toString() { return "s"; } }, "default"));
for (const bad of ["x", undefined, 1, "NUMBER"]) {
  try { tp.call(d, bad); } catch (e) { console.log(e.constructor.name, e.message); }
}
for (const recv of [1, "s", undefined, null, true]) {
  try { tp.call(recv, "number"); } catch (e) { console.log(e.constructor.name); }
}
const desc = Object.getOwnPropertyDescriptor(Date.prototype, Symbol.toPrimitive);
console.log(desc.writable, desc.enumerable, desc.configurable);
// A subclass of Date overriding valueOf still uses the date's toString for "default".
class MyDate extends Date { toString() { return "mine"; } }
console.log(new MyDate(0) + "!");

// Symbol.prototype[@@toPrimitive]
const stp = Symbol.prototype[Symbol.toPrimitive];
console.log(typeof stp, stp.name, stp.length, stp.call(sym) === sym);
try { stp.call(1); } catch (e) { console.log(e.constructor.name, e.message); }
try { stp.call({}); } catch (e) { console.log(e.constructor.name); }
const sdesc = Object.getOwnPropertyDescriptor(Symbol.prototype, Symbol.toPrimitive);
console.log(sdesc.writable, sdesc.enumerable, sdesc.configurable);

// The issue: after deleting Symbol.prototype[@@toPrimitive] with a valueOf getter, terminates.
delete Symbol.prototype[Symbol.toPrimitive];
Object.defineProperty(Symbol.prototype, "valueOf", { get() { return () => 123; }, configurable: true });
console.log(typeof (Object(Symbol()) == 123));
try { console.log(Object(Symbol()) == Symbol()); } catch (e) { console.log(e.constructor.name); }

// ToPropertyKey uses hint "string" and keeps a symbol result as the key.
const sk = Symbol("k");
const ks = { [Symbol.toPrimitive](h) { return h === "string" ? sk : "no"; } };
const bag = { [ks]: 1 };
bag[{ [Symbol.toPrimitive]: (h) => h }] = 2;
class K { static [ks]() { return "static"; } }
console.log(bag[sk], ks in bag, bag.hasOwnProperty(ks), Object.keys(bag), K[sk](), K[sk].name);

// new Date(object) converts with no hint; TimeClip turns -0 into +0.
const seenHints = [];
console.log(new Date({ [Symbol.toPrimitive](h) { seenHints.push(h); return 7; } }).getTime(), seenHints);
console.log(Object.is(new Date(-0).getTime(), 0), Object.is(new Date(-1e-15).valueOf(), 0));
