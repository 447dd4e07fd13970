//! The opcode table of `jit_ops.rs`: one JavaScript program per opcode (or per few related
//! opcodes) whose `hot` functions execute those ops over edge values, and the opcodes the
//! bytecode compiler never emits, each with the reason.
//!
//! Every program is appended to [`PRELUDE`], which defines the edge values (`V` for unary
//! cases, the shorter `P` for binary ones, all pairs), `show` (a printer that tells −0 from 0,
//! strings from numbers and shows array holes) and the drivers `each(f)` and `pairs(f)` that
//! print one line per value (or per row of pairs) with every result or exception.

use kiln::js::bytecode::Op;

/// Which `#[test]` function runs a program (the groups run in parallel).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Arith,
    Bitwise,
    Compare,
    Unary,
    Control,
    Property,
    Literal,
    Call,
    Class,
    Scope,
}

/// One test program: the ops it covers must appear in the bytecode of its `hot*` functions.
pub struct Program {
    pub name: &'static str,
    pub group: Group,
    pub ops: &'static [Op],
    pub body: String,
}

/// Opcodes the bytecode compiler never emits (checked with `--print-bytecode` and by reading
/// `src/js/compiler/`): they exist for the interpreter and the JIT but have no source form.
pub const NOT_EMITTED: &[(Op, &str)] = &[
    (
        Op::Nop,
        "no construct emits it (src/js/compiler never writes Op::Nop)",
    ),
    (
        Op::LoadImport,
        "emitted only in ES module code (an import binding), which these programs, run from \
         memory as CommonJS, cannot be; the .mjs programs of tests/js run it in every JIT mode \
         (jit_corpus.rs)",
    ),
    (
        Op::JumpIfUndefined,
        "no construct emits it: default parameters use JumpIfNotUndefined, `?.` and `??` use the nullish jumps",
    ),
];

/// Edge values, printers and drivers shared by every program.
pub const PRELUDE: &str = r#"
const V = [0, -0, 1, -1, 3, 65536, 2147483647, -2147483648, 2147483648, -2147483649,
  4294967295, 0.5, -2.5, 1e21, 5e-324, NaN, Infinity, -Infinity,
  "", "7", "-0", " 12 ", "0x1f", "abc", true, false, null, undefined,
  {}, [], [2], [1, , 3], { valueOf() { return 7; } }, { toString() { return "x"; } }];
const P = [0, -0, 1, -1, 3, 65536, 2147483647, -2147483648, 0.5, -2.5, 1e21, NaN, Infinity,
  -Infinity, "", "7", "abc", true, null, undefined, [2], { valueOf() { return 7; } }];
function show(x) {
  if (typeof x === "number") return Object.is(x, -0) ? "-0" : String(x);
  if (typeof x === "string") return JSON.stringify(x);
  if (typeof x === "function") return "fn " + x.name;
  if (Array.isArray(x)) {
    let s = "[";
    for (let i = 0; i < x.length; i++) s += (i ? "," : "") + (i in x ? show(x[i]) : "_");
    return s + "]";
  }
  if (x !== null && typeof x === "object") {
    const ks = Object.keys(x);
    let s = "{";
    for (let i = 0; i < ks.length; i++) s += (i ? "," : "") + ks[i] + ":" + show(x[ks[i]]);
    return s + "}";
  }
  return String(x);
}
function caught(e) {
  return e instanceof Error ? "!" + e.name + ": " + e.message : "!thrown " + show(e);
}
function attempt(f, a, b) {
  try { return show(f(a, b)); } catch (e) { return caught(e); }
}
function each(f) {
  for (let i = 0; i < V.length; i++) console.log(show(V[i]) + " -> " + attempt(f, V[i]));
}
function pairs(f) {
  for (let i = 0; i < P.length; i++) {
    let row = show(P[i]) + ":";
    for (let j = 0; j < P.length; j++) row += " " + attempt(f, P[i], P[j]);
    console.log(row);
  }
}
"#;

/// A program applying the binary operator `op` to every pair of `P`.
fn binary(op: &str) -> String {
    format!("function hot(a, b) {{ return a {op} b; }}\npairs(hot);\n")
}

/// A comparison both as a value and as a branch condition.
fn compare(op: &str) -> String {
    format!(
        "function hot(a, b) {{ let r = a {op} b; if (a {op} b) r = r + \"/y\"; return r; }}\npairs(hot);\n"
    )
}

fn prog(name: &'static str, group: Group, ops: &'static [Op], body: &str) -> Program {
    Program {
        name,
        group,
        ops,
        body: body.to_string(),
    }
}

/// Every test program.
pub fn programs() -> Vec<Program> {
    use Group::*;
    vec![
        // ---- arithmetic: every pair, and constants that overflow int32 or make -0 ----
        prog("add", Arith, &[Op::Add], &binary("+")),
        prog("sub", Arith, &[Op::Sub], &binary("-")),
        prog("mul", Arith, &[Op::Mul], &binary("*")),
        prog("div", Arith, &[Op::Div], &binary("/")),
        prog("rem", Arith, &[Op::Rem], &binary("%")),
        prog(
            "rem_integral_doubles",
            Arith,
            &[Op::Rem],
            r#"const R = [0, -0, 4, -4, 7, -7, 16807, 2147483647, 2147483648, -2147483649,
  4294967296, 16807 * 2147483646, 9007199254740991, -9007199254740991, 9007199254740992,
  -9007199254740992, 9007199254740994, 1e21, 2.5, -0.5, NaN, Infinity, -Infinity];
function hot(a, b) { return a % b; }
for (let i = 0; i < R.length; i++) {
  let row = show(R[i]) + ":";
  for (let j = 0; j < R.length; j++) row += " " + show(hot(R[i], R[j]));
  console.log(row);
}
function hotSeed(s, n) { for (let i = 0; i < n; i++) s = (s * 16807) % 2147483647; return s; }
console.log(hotSeed(1, 50), hotSeed(-3, 50), show(hotSeed(-2147483647, 3)));
"#,
        ),
        prog("exp", Arith, &[Op::Exp], &binary("**")),
        prog(
            "arith_constants",
            Arith,
            &[Op::Add, Op::Sub, Op::Mul, Op::Div, Op::Rem],
            r#"function hot(a) {
  return [a + 1, a - 1, 1 - a, a * 2, a * -1, a * 0, a / 2, a / -1, a % 2, a % -1, a + "s"];
}
each(hot);
function hotSum(n) { let s = 2147483640; for (let i = 0; i < n; i++) s = s + i; return s; }
function hotProd(n) { let p = 1; for (let i = 0; i < n; i++) p = p * -65536; return p; }
console.log(show(hotSum(10)), show(hotProd(3)), show(hotSum(0)), show(hotProd(0)));
"#,
        ),
        // ---- bitwise and shifts ----
        prog("bit_and", Bitwise, &[Op::BitAnd], &binary("&")),
        prog("bit_or", Bitwise, &[Op::BitOr], &binary("|")),
        prog("bit_xor", Bitwise, &[Op::BitXor], &binary("^")),
        prog("shl", Bitwise, &[Op::Shl], &binary("<<")),
        prog("shr", Bitwise, &[Op::Shr], &binary(">>")),
        prog("ushr", Bitwise, &[Op::UShr], &binary(">>>")),
        prog(
            "shift_counts",
            Bitwise,
            &[Op::Shl, Op::Shr, Op::UShr, Op::BitOr],
            r#"function hot(a) {
  const r = [];
  for (let s = -1; s < 34; s += 5) r.push(a << s, a >> s, a >>> s, a | 0);
  return r;
}
each(hot);
"#,
        ),
        // ---- comparisons (value and branch) ----
        prog("eq", Compare, &[Op::Eq], &compare("==")),
        prog("not_eq", Compare, &[Op::NotEq], &compare("!=")),
        prog("strict_eq", Compare, &[Op::StrictEq], &compare("===")),
        prog(
            "strict_not_eq",
            Compare,
            &[Op::StrictNotEq],
            &compare("!=="),
        ),
        prog(
            "strict_eq_strings",
            Compare,
            &[Op::StrictEq, Op::StrictNotEq],
            r#"// Strings in different cells with the same units, ropes against flat strings, the
// empty string, lone and paired surrogates, one-unit strings, and strings against
// non-strings (numbers, String objects, numeric strings, null, a BigInt).
let rope = "ab"; for (let i = 0; i < 30; i++) rope = rope + "cd" + i;
const flat = rope.split("").join("");
let rope2 = "ab"; for (let i = 0; i < 30; i++) rope2 = rope2 + "cd" + i;
const S = ["", "".concat(""), "a", "abc".charAt(0), "abc".substring(0, 1), "ab", "a" + "b",
  "ba", "abc", "abd", "abcd".slice(0, 3), rope, flat, rope2, rope + "x", "\ud800", "\ud800" + "",
  String.fromCharCode(0xd800), "\udc00", "\ud83d\ude00", "\ud83d" + "\ude00", "\ud83d\ude01",
  "\u00e9", "e\u0301", "7", 7, "-0", -0, new String("ab"), null, undefined, 10n, NaN];
function hot(a, b) { let r = a === b; let q = a !== b; if (a === b) r = r + "/y"; if (a !== b) q = q + "/n"; return [r, q]; }
for (let i = 0; i < S.length; i++) {
  let row = i + ":";
  for (let j = 0; j < S.length; j++) { const [r, q] = hot(S[i], S[j]); row += " " + r + "," + q; }
  console.log(row);
}
"#,
        ),
        prog("less_than", Compare, &[Op::LessThan], &compare("<")),
        prog("less_eq", Compare, &[Op::LessEq], &compare("<=")),
        prog("greater_than", Compare, &[Op::GreaterThan], &compare(">")),
        prog("greater_eq", Compare, &[Op::GreaterEq], &compare(">=")),
        prog(
            "relational_strings",
            Compare,
            &[Op::LessThan, Op::LessEq, Op::GreaterThan, Op::GreaterEq],
            r#"// Code-unit order of strings in different cells, ropes against flat strings, prefixes,
// the empty string, lone and paired surrogates (0xd800 sorts below 0xffff, above 0xe9), and
// strings against non-strings (numbers, numeric strings, String objects, null, a BigInt).
let rope = "ab"; for (let i = 0; i < 30; i++) rope = rope + "cd" + i;
const flat = rope.split("").join("");
const S = ["", "a", "abc".charAt(0), "ab", "a" + "b", "ba", "abc", "abd", "abcd".slice(0, 3),
  rope, flat, rope + "x", "\ud800", "\udc00", "\ud83d\ude00", "\uffff", "\u00e9", "e\u0301",
  "Z", "z", "7", "10", 7, 10, new String("ab"), null, undefined, 10n, NaN];
function hot(a, b) {
  let r = [a < b, a <= b, a > b, a >= b];
  if (a < b) r.push("lt"); if (a <= b) r.push("le"); if (a > b) r.push("gt"); if (a >= b) r.push("ge");
  return r.join("");
}
for (let i = 0; i < S.length; i++) {
  let row = i + ":";
  for (let j = 0; j < S.length; j++) row += " " + hot(S[i], S[j]);
  console.log(row);
}
"#,
        ),
        // ---- unary operators and conversions ----
        prog(
            "neg",
            Unary,
            &[Op::Neg],
            "function hot(a) { return [-a, -(-a), -0]; }\neach(hot);\n",
        ),
        prog(
            "bit_not",
            Unary,
            &[Op::BitNot],
            "function hot(a) { return [~a, ~~a]; }\neach(hot);\n",
        ),
        prog(
            "not",
            Unary,
            &[Op::Not],
            "function hot(a) { let r = !a; if (!a) r = [r, !!a]; return r; }\neach(hot);\n",
        ),
        prog(
            "to_number",
            Unary,
            &[Op::ToNumber],
            "function hot(a) { return +a; }\neach(hot);\n",
        ),
        prog(
            "to_numeric",
            Unary,
            &[Op::ToNumeric, Op::Inc, Op::Dec],
            "function hot(a) { let b = a; const old = b++; let c = a; const old2 = c--; return [old, b, old2, c]; }\neach(hot);\n",
        ),
        prog(
            "inc_dec",
            Unary,
            &[Op::Inc, Op::Dec],
            "function hot(a) { let b = a; ++b; let c = a; --c; return [b, c]; }\neach(hot);\n",
        ),
        prog(
            "to_string",
            Unary,
            &[Op::ToString],
            "function hot(a) { return `<${a}>`; }\neach(hot);\n",
        ),
        prog(
            "type_of",
            Unary,
            &[Op::TypeOf],
            "function hot(a) { return typeof a; }\neach(hot);\neach(function hotFn(a) { return typeof hot + typeof a; });\n",
        ),
        // ---- loads, moves, jumps and loops ----
        prog(
            "loads",
            Control,
            &[
                Op::LoadConst,
                Op::LoadInt8,
                Op::LoadUndefined,
                Op::LoadNull,
                Op::LoadTrue,
                Op::LoadFalse,
                Op::Move,
            ],
            r#"function hot(a) {
  let x = a;
  const y = x;
  return [y, 0, 127, -128, 128, 2147483647, -2147483648, 4294967296, 1.5, 1e21, "s", null, undefined, true, false];
}
each(hot);
"#,
        ),
        prog(
            "load_empty",
            Control,
            &[Op::LoadEmpty],
            "function hot(a) { let x; if (a) x = a; let y = x; return [x, y]; }\neach(hot);\n",
        ),
        prog(
            "logical_jumps",
            Control,
            &[Op::Jump, Op::JumpIfTrue, Op::JumpIfFalse],
            "function hot(a) { let r = a ? \"t\" : \"f\"; if (a) r += 1; else r += 0; return [a || \"or\", a && \"and\", r]; }\neach(hot);\n",
        ),
        prog(
            "nullish_jumps",
            Control,
            &[Op::JumpIfNullish, Op::JumpIfNotNullish],
            "function hot(a) { return [a ?? \"dflt\", a?.length, a?.[0]]; }\neach(hot);\n",
        ),
        prog(
            "default_parameter",
            Control,
            &[Op::JumpIfNotUndefined],
            "function hot(a, b = \"dflt\") { return b; }\neach(function hotEach(a) { return [hot(a, a), hot(a)]; });\n",
        ),
        prog(
            "loops",
            Control,
            &[Op::LoopHint, Op::Jump, Op::JumpIfFalse],
            r#"function hot(a) {
  let n = 0, w = 0, d = 0;
  for (let i = 0; i < 5; i++) { if (i == a) break; n++; }
  while (w < 3) { w++; if (w == a) continue; d += w; }
  do { d--; } while (d > 10);
  return [n, w, d];
}
each(hot);
"#,
        ),
        // ---- globals, named properties, elements, delete, in, instanceof ----
        prog(
            "globals",
            Property,
            &[Op::LoadGlobal, Op::StoreGlobal, Op::TypeOfGlobal],
            r#"function hot(a) {
  hotGlobal = a;
  return [hotGlobal, typeof hotGlobal, typeof hotNeverDefined, Math.max(0, 1), NaN];
}
each(hot);
function hotUndeclared() { return hotNeverDefined; }
console.log(attempt(hotUndeclared));
"#,
        ),
        prog(
            "get_named",
            Property,
            &[Op::GetPropertyByName],
            r#"function hot(a) { return [a.length, a.x, a.valueOf === Object.prototype.valueOf]; }
each(hot);
const objs = [{ x: 1 }, { x: -0, y: 2 }, { y: 3, x: "s" }, { x: 1.5 }, Object.create({ x: "proto" })];
function hotPoly(o) { return o.x; }
for (let r = 0; r < 3; r++) console.log(objs.map(hotPoly).map(show).join(" "));
"#,
        ),
        prog(
            "get_named_far_slot",
            Property,
            &[Op::GetPropertyByName, Op::SetPropertyByName],
            r#"const big = {};
for (let i = 0; i < 5000; i++) big["p" + i] = i;
big.last = "far";
function hot(o) { o.last = o.last + "!"; return [o.last, o.p4999, o.p0]; }
for (let r = 0; r < 3; r++) console.log(hot(big).map(show).join(" "));
"#,
        ),
        prog(
            "add_large_constants",
            Arith,
            &[Op::Add, Op::Sub],
            r#"function hot(a) { return [a + 1000000, a - 70000, 2147483600 + a, a - 2147483647, a + -2147483648, a - -2147483648]; }
each(hot);
"#,
        ),
        prog(
            "set_named",
            Property,
            &[Op::SetPropertyByName],
            r#"function hot(a) { const o = { x: 0 }; o.x = a; o.y = a; a.z = 1; return [o, a.z]; }
each(hot);
function hotSetter(o, v) { o.x = v; return o.x; }
const withSetter = { set x(v) { this.seen = v; }, get x() { return "got " + this.seen; } };
console.log(show(hotSetter({ x: 1 }, 2)), show(hotSetter(withSetter, -0)), show(hotSetter(Object.freeze({ x: 1 }), 3)));
"#,
        ),
        prog(
            "get_element",
            Property,
            &[Op::GetElement],
            r#"const C = [[1, , 3], "abc", { 0: "z", 1.5: "f", x: 1, "-0": "mz" }, [], [0.5, -0, 2147483647]];
const K = [0, 1, 2, 3, -1, -0, 1.5, "1", "x", "length", 4294967295, 2147483648, NaN, true, null, undefined];
function hot(o, k) { return o[k]; }
for (let i = 0; i < C.length; i++) {
  let row = show(C[i]) + ":";
  for (let j = 0; j < K.length; j++) row += " " + attempt(hot, C[i], K[j]);
  console.log(row);
}
each(function hotEach(a) { return [hot(a, 0), hot(a, "length")]; });
"#,
        ),
        prog(
            "set_element",
            Property,
            &[Op::SetElement],
            r#"const K = [0, 1, 2, 3, 5, -1, -0, 1.5, "1", "x", 4294967295, NaN, true, null, undefined];
function hot(o, k, v) { o[k] = v; return o; }
for (let j = 0; j < K.length; j++) {
  console.log(show(K[j]) + ": " + attempt(hot, [1, , 3], K[j]) + " " + attempt(hot, { a: 1 }, K[j]) + " " +
    attempt((o, k) => hot(o, k, k), [], K[j]));
}
each(function hotEach(a) { return [hot([0, 0], 1, a), attempt(hot, a, 0)]; });
"#,
        ),
        prog(
            "set_element_holes",
            Property,
            &[Op::SetElement],
            r#"// Stores into holes of new Array(n), at the length (appends) and past it, on arrays whose
// prototype chain gains and loses index setters, read-only indices and proxies, and on
// non-extensible, sealed, frozen and length-read-only arrays.
function hot(o, k, v) { o[k] = v; return o; }
function fresh(kind) {
  const a = new Array(3);
  if (kind === 1) Object.preventExtensions(a);
  if (kind === 2) Object.seal(a);
  if (kind === 3) Object.freeze(a);
  if (kind === 4) Object.defineProperty(a, "length", { writable: false });
  if (kind === 5) { a[0] = "h"; a.length = 2; }
  if (kind === 6) Object.setPrototypeOf(a, null);
  if (kind === 7) Object.setPrototypeOf(a, Object.freeze(["r0", "r1", "r2", "r3"]));
  return a;
}
const KEYS = [0, 1, 2, 3, 4, 7, 1000];
// Rows are printed at the end: printing calls code that could run into the setters.
let out = "";
function row(label) {
  let r = label + ":";
  for (let kind = 0; kind < 8; kind++) {
    for (let j = 0; j < KEYS.length; j++) {
      const a = fresh(kind);
      r += " " + attempt((x, k) => { hot(x, k, "v" + k); return [x.length, k in x, x.hasOwnProperty(k), x[k]]; }, a, KEYS[j]);
    }
    r += " |";
  }
  out += r + "\n";
}
row("plain");
let hits = "";
Object.defineProperty(Array.prototype, "1", { set(v) { hits += " AP1=" + v; }, get() { return "g1"; }, configurable: true });
row("setter on Array.prototype");
delete Array.prototype[1];
Object.defineProperty(Object.prototype, "3", { set(v) { hits += " OP3=" + v; }, configurable: true });
row("setter on Object.prototype");
delete Object.prototype[3];
Object.defineProperty(Array.prototype, "2", { value: "ro", writable: false, configurable: true });
row("read-only on Array.prototype");
delete Array.prototype[2];
Array.prototype.length = 5;
row("Array.prototype with holes");
Array.prototype.length = 0;
const saved = Object.getPrototypeOf(Array.prototype);
Object.setPrototypeOf(Array.prototype, new Proxy({}, { set(t, k, v) { hits += " proxy" + String(k); return k !== "4"; } }));
row("proxy on the chain");
Object.setPrototypeOf(Array.prototype, saved);
row("restored");
console.log(out + hits);
function hotStrict(o, k, v) { "use strict"; o[k] = v; return o; }
for (let kind = 0; kind < 8; kind++) console.log(kind, attempt((a, k) => hotStrict(a, k, 1), fresh(kind), 1), attempt((a, k) => hotStrict(a, k, 1), fresh(kind), 3));
each(function hotEach(a) { const x = new Array(2); hot(x, 0, a); hot(x, 2, a); return x; });
"#,
        ),
        prog(
            "typed_elements",
            Property,
            &[Op::GetElement, Op::SetElement],
            r#"const KINDS = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
  Uint32Array, Float16Array, Float32Array, Float64Array, BigInt64Array];
const TV = [0, -1, 127, 128, 255, 256, -129, 2147483647, 2147483648, 4294967296, -0, NaN, Infinity,
  -Infinity, 0.5, 1.5, 2.5, -0.5, 254.5, 255.5, 1e20, -1e20, 3.7, -3.7, 65535, 65536, -32769, 5e-324,
  65504, 65520, -65519.99, 2049, 2051, 0.1, 6e-8, 2.9802322387695312e-8, 2.9802322387695313e-8,
  "7", true, null, undefined, { valueOf() { return 300; } }, 10n];
function hot(a, i) { return a[i]; }
function hotSet(a, i, v) { a[i] = v; return a[i]; }
for (let k = 0; k < KINDS.length; k++) {
  const a = new KINDS[k](new ArrayBuffer(40), 8, 3);
  let row = KINDS[k].name + ":";
  for (let j = 0; j < TV.length; j++) row += " " + attempt((a, v) => hotSet(a, 1, v), a, TV[j]);
  console.log(row);
  row = "  keys:";
  const K = [0, 1, 2, 3, 4, -1, -0, 1.5, "1", "-0", 2147483647, NaN];
  for (let j = 0; j < K.length; j++) row += " " + attempt(hot, a, K[j]) + "/" + attempt((a, k) => hotSet(a, k, 5), a, K[j]);
  console.log(row);
}
// Raw bits: a Float64 and a Float32 NaN with a payload read back through their views.
const raw = new Uint32Array(4), f64 = new Float64Array(raw.buffer), f32 = new Float32Array(raw.buffer);
const f16 = new Float16Array(raw.buffer);
raw[0] = 1; raw[1] = 0x7ff00000; raw[2] = 0x7f800001; raw[3] = 0xffc00000;
console.log(show(hot(f64, 0)), show(hot(f32, 2)), show(hot(f32, 3)), show(hot(raw, 3)));
raw[0] = 0x7c017e01; raw[1] = 0x80010400;
console.log(show(hot(f16, 0)), show(hot(f16, 1)), show(hot(f16, 2)), show(hot(f16, 3)));
// Length-tracking and fixed-length views of a resizable buffer, before and after resizes.
const rb = new ArrayBuffer(8, { maxByteLength: 32 });
const track = new Int16Array(rb), fixed = new Int16Array(rb, 2, 2), tail = new Uint8Array(rb, 6);
function probe() {
  return [hot(track, 3), hot(track, 7), hot(fixed, 0), hot(fixed, 1), hot(tail, 0), hot(tail, 9), track.length].map(show).join(",");
}
hotSet(track, 3, 7); hotSet(fixed, 0, -2); hotSet(tail, 1, 300);
console.log(probe());
rb.resize(20); hotSet(track, 7, 9); hotSet(tail, 9, 1); console.log(probe());
rb.resize(4); hotSet(fixed, 1, 5); hotSet(tail, 0, 5); console.log(probe());
rb.resize(0); console.log(probe());
// A detached buffer: every index is invalid, stores of numbers are dropped.
const db = new ArrayBuffer(16), dv = new Float64Array(db), du = new Uint8Array(db, 4, 4);
hotSet(dv, 1, 2.5); hotSet(du, 0, 9);
console.log(show(hot(dv, 1)), show(hot(du, 0)));
db.transfer();
console.log(show(hot(dv, 0)), show(hot(du, 0)), show(hotSet(dv, 0, 1)), attempt((a, v) => hotSet(a, 0, v), du, { valueOf() { return 1; } }), dv.length);
each(function hotEach(a) { const t = new Float32Array(2); const u = new Uint8ClampedArray(1); const h = new Float16Array(1); return [hotSet(t, 0, a), hotSet(u, 0, a), hotSet(h, 0, a), hot(t, 3)]; });
"#,
        ),
        prog(
            "delete",
            Property,
            &[Op::DeleteProperty],
            r#"function hot(a, k) { const o = { x: 1, 0: 2, y: 3 }; const r = delete o[k]; return [r, o, delete a.x, delete a[0]]; }
each(function hotEach(a) { return hot(a, a); });
function hotFrozen(k) { return delete Object.freeze({ x: 1 })[k]; }
console.log(attempt(hotFrozen, "x"), attempt(hotFrozen, "y"));
"#,
        ),
        prog(
            "in",
            Property,
            &[Op::In],
            "function hot(a, b) { return a in b; }\npairs(hot);\neach(function hotEach(a) { return [hot(a, [1, , 3]), hot(a, { x: 1, 0: 1 })]; });\n",
        ),
        prog(
            "instance_of",
            Property,
            &[Op::InstanceOf],
            r#"class HotBase {}
class HotDerived extends HotBase {}
const T = [Object, Array, Function, Number, String, Error, HotBase, HotDerived, {}, null, 1];
const vals = V.concat([new HotDerived(), new HotBase(), new TypeError("t"), Object.create(null)]);
function hot(a, t) { return a instanceof t; }
for (let i = 0; i < vals.length; i++) {
  let row = show(vals[i]) + ":";
  for (let j = 0; j < T.length; j++) row += " " + attempt(hot, vals[i], T[j]);
  console.log(row);
}
"#,
        ),
        // ---- object and array literals ----
        prog(
            "object_literal",
            Literal,
            &[
                Op::NewObject,
                Op::DefineField,
                Op::DefineElement,
                Op::DefineGetter,
                Op::DefineSetter,
            ],
            r#"function hot(a) {
  const o = { x: a, [a]: 1, 0: a, m() { return this.x; }, get g() { return a; }, set s(v) { this.x = v; } };
  o.s = 2;
  return [o, o.m(), o.g];
}
each(hot);
"#,
        ),
        prog(
            "array_literal",
            Literal,
            &[Op::NewArray, Op::ArrayPush, Op::ArrayPushHole],
            "function hot(a) { const r = [a, , a, []]; return [r, r.length, [], [,], [a, a]]; }\neach(hot);\n",
        ),
        prog(
            "regexp_literal",
            Literal,
            &[Op::CreateRegExp],
            "function hot(a) { const r = /(\\d)|x/g; const s = String(a); return [r.test(s), r.lastIndex, s.replace(/\\d/g, '#'), /(?<q>[a-z]+)/.exec(s)?.groups?.q, r === /(\\d)|x/g]; }\neach(function hotEach(a) { return [attempt(hot, a)]; });\n",
        ),
        prog(
            "spread",
            Literal,
            &[Op::ArraySpread, Op::CopyDataProperties],
            "function hot(a) { return [[0, ...a, 9], { z: 1, ...a }]; }\neach(function hotEach(a) { return [attempt(hot, a)]; });\n",
        ),
        prog(
            "object_rest",
            Literal,
            &[Op::ObjectRest, Op::CopyDataProperties],
            "function hot(a) { const { x, 0: z, ...rest } = a; return [x, z, rest, { ...rest }]; }\neach(hot);\n",
        ),
        // ---- functions, calls, this, new ----
        prog(
            "closures_and_calls",
            Call,
            &[Op::CreateClosure, Op::Call, Op::Return],
            r#"function hot(a) {
  const f = (x) => x;
  const g = function (x, y) { return [x, y, arguments.length]; };
  return [f(a), g(a), g(a, a, a), f()];
}
each(hot);
function hotCallee(a) { return a(1); }
each(function hotEach(a) { return attempt(hotCallee, a); });
"#,
        ),
        prog(
            "call_method",
            Call,
            &[Op::CallMethod],
            "function hot(a) { return [a.toString(), a.valueOf(), String(a)]; }\neach(hot);\n",
        ),
        prog(
            "call_spread",
            Call,
            &[Op::CallSpread],
            "function id(...r) { return r; }\nfunction hot(a) { return [id(...a), id(1, ...a, 2), Math.max(...a)]; }\neach(hot);\n",
        ),
        prog(
            "new",
            Call,
            &[Op::New, Op::LoadThis],
            r#"function HotPoint(x) { this.x = x; this.y = -x; }
function HotRet(x) { this.x = 1; return x; }
function hot(a) { return [new HotPoint(a), new HotRet(a), new Number(a) + 0]; }
each(hot);
function hotNew(a) { return new a(); }
each(function hotEach(a) { return attempt(hotNew, a); });
"#,
        ),
        prog(
            "new_spread",
            Call,
            &[Op::NewSpread],
            "function P2(x, y) { this.s = [x, y]; }\nfunction hot(a) { return [new P2(...a), new Array(...a)]; }\neach(hot);\n",
        ),
        prog(
            "this_callee_new_target",
            Call,
            &[Op::LoadThis, Op::LoadCallee, Op::LoadNewTarget],
            r#"function hotThis() { return typeof this; }
function hotStrictThis() { "use strict"; return this; }
function hotTarget() { return new.target === hotTarget; }
const hotFact = function hotRec(n) { return n > 0 && n < 10 ? n * hotRec(n - 1) : 1; };
function hot(a) { return [hotThis.call(a), hotStrictThis.call(a), hotTarget(), new hotTarget() instanceof hotTarget, hotFact(a)]; }
each(hot);
"#,
        ),
        prog(
            "set_function_name",
            Call,
            &[Op::SetFunctionName],
            "function hot(a) { const o = { [a]: function () {}, [String(a) + \"!\"]: () => 0 }; const ks = Object.keys(o); return [o[ks[0]].name, o[ks[1]].name]; }\neach(hot);\n",
        ),
        // ---- classes ----
        prog(
            "class",
            Class,
            &[
                Op::CreateClass,
                Op::SetClassFields,
                Op::DefineMethod,
                Op::DefineGetter,
                Op::DefineSetter,
            ],
            r#"function hot(a) {
  class HotA {
    f = a;
    [a] = 2;
    constructor(x) { this.x = x; }
    m() { return this.x; }
    get g() { return this.f; }
    set s(v) { this.x = v; }
    static st() { return a; }
  }
  const o = new HotA(a);
  o.s = -0;
  return [o, o.m(), o.g, HotA.st()];
}
each(hot);
"#,
        ),
        prog(
            "private_names",
            Class,
            &[
                Op::NewPrivateName,
                Op::PrivateMethod,
                Op::AddPrivateMethod,
                Op::DefinePrivate,
                Op::GetPrivate,
                Op::SetPrivate,
                Op::HasPrivate,
                Op::ToPropertyKey,
                Op::SetHomeObject,
                Op::DefineClassField,
            ],
            r#"function hot(a) {
  class HotP {
    #f = a;
    [a] = 1;
    static #s = a;
    static t = typeof a;
    #m() { return this.#f; }
    get #g() { return this.#f; }
    set #g(v) { this.#f = v; }
    static #sm() { return HotP.#s; }
    hotRead() { return [this.#f, this.#m(), this.#g, HotP.#sm()]; }
    hotWrite(v) { this.#g = v; this.#f += 1; return this.#f; }
    static hotHas(o) { return #f in o; }
  }
  const o = new HotP();
  const r = [o.hotRead(), HotP.hotHas(o), HotP.hotHas({}), HotP.t, o.hotWrite(a)];
  try { HotP.prototype.hotRead.call({}); } catch (e) { r.push(e.message); }
  try { HotP.hotHas(a); } catch (e) { r.push(e.constructor.name); }
  return r;
}
each(hot);
"#,
        ),
        prog(
            "super",
            Class,
            &[
                Op::SuperCall,
                Op::SuperCallSpread,
                Op::GetSuperProperty,
                Op::BindThis,
            ],
            r#"class Base { constructor(x, y) { this.x = x; this.y = y; } m() { return "base " + show(this.x); } }
class HotOne extends Base { constructor(x) { super(x, -x); } hotM() { return super.m() + "!"; } }
class HotSpread extends Base { constructor(...r) { super(...r); } }
class HotImplicit extends Base { k = 1; }
function hot(a) { const o = new HotOne(a); return [o, o.hotM(), new HotSpread(a, a), new HotImplicit(a)]; }
each(hot);
class HotNoSuper extends Base { constructor() { } }
class HotTwice extends Base { constructor() { super(); super(); } }
console.log(attempt(() => new HotNoSuper()), attempt(() => new HotTwice()));
"#,
        ),
        // ---- scopes, contexts, TDZ, exceptions, iteration ----
        prog(
            "contexts",
            Scope,
            &[
                Op::PushContext,
                Op::PopContext,
                Op::CopyContext,
                Op::LoadContextSlot,
                Op::StoreContextSlot,
            ],
            r#"function hot(a) {
  let c = a;
  const fs = [];
  for (let i = 0; i < 3; i++) fs.push(() => [i, c]);
  { let b = a; fs.push(() => b); }
  c = [c];
  return fs.map((f) => f());
}
each(hot);
"#,
        ),
        prog(
            "closures_in_loops",
            Scope,
            &[
                Op::CreateClosure,
                Op::PushContext,
                Op::PopContext,
                Op::CopyContext,
            ],
            r#"function hot(a) {
  const fs = [];
  let outer = [a];
  for (let i = 0; i < 3; i++) {
    let k = [a, i];
    { let b = i; fs.push(() => show(k) + "/" + b + "/" + show(outer)); }
    [1, 2].forEach((x) => { fs.push(function () { return show(x) + i + show(a); }); });
    for (let j = 0; j < 2; j++) { fs.push(() => i * 10 + j); }
    fs.push(function* () { yield a; yield i; });
    fs.push(async () => [a, i]);
    fs.push(async function* () { yield i; });
    outer = [outer, i];
  }
  const out = [];
  for (const f of fs) {
    const r = f();
    if (r instanceof Promise) out.push("promise " + (Object.getPrototypeOf(f) === Object.getPrototypeOf(async () => 0)));
    else if (r && typeof r.next === "function" && typeof r[Symbol.iterator] === "function") out.push([...r].map(show).join("/"));
    else if (r && typeof r.next === "function") out.push("async gen " + (Object.getPrototypeOf(f) === Object.getPrototypeOf(async function* () {})));
    else out.push(r);
  }
  return out;
}
each(hot);
"#,
        ),
        prog(
            "dynamic_import",
            Scope,
            &[Op::DynamicImport],
            r#"function hot(a) {
  const p = import(a);
  const r = [p instanceof Promise];
  p.catch((e) => r.push(e.code));
  return r;
}
each(hot);
"#,
        ),
        prog(
            "tdz",
            Scope,
            &[Op::ThrowIfEmpty, Op::ThrowConstAssign, Op::LoadEmpty],
            r#"function hot(a) {
  const r = [];
  try { r.push(x); } catch (e) { r.push(caught(e)); }
  let x = a;
  const c = a;
  try { c = 1; } catch (e) { r.push(caught(e)); }
  const read = () => y;
  try { read(); } catch (e) { r.push(caught(e)); }
  let y = [x, c];
  r.push(read());
  return r;
}
each(hot);
"#,
        ),
        prog(
            "exceptions",
            Scope,
            &[Op::Throw, Op::GetEnv, Op::SetEnv],
            r#"function hot(a) {
  const log = [];
  try { try { throw a; } finally { log.push("f"); } } catch (e) { log.push(e); }
  for (let i = 0; i < 2; i++) { try { if (i) throw a; log.push(i); } catch (e) { log.push(e); continue; } finally { log.push("fin"); } }
  return log;
}
each(hot);
function hotThrow(a) { throw a; }
each(function hotEach(a) { return attempt(hotThrow, a); });
"#,
        ),
        prog(
            "for_of",
            Scope,
            &[Op::GetIterator, Op::IteratorNext],
            r#"function hot(a) { const r = []; for (const x of a) { r.push(x); if (r.length > 3) break; } return r; }
each(hot);
function hotGrow() { const a = [1, , 3]; const r = []; for (const x of a) { r.push(x); if (a.length < 6) a.push(a.length); } return r; }
function hotAgain() {
  const a = [7, 8]; const it = a[Symbol.iterator](); const r = [];
  for (const x of it) r.push(x);
  for (const x of it) r.push("again", x);
  a.push(9);
  for (const x of it) r.push("after push", x);
  for (const x of a) r.push(x);
  return r;
}
function hotDestructure(a) { const [x, y = "dflt", z] = a; let p = "p", q = "q"; [p, q] = a; return [x, y, z, p, q]; }
console.log(show(hotGrow()), show(hotAgain()), show([...[1, 2, 3]]));
console.log(show(hotDestructure([])), show(hotDestructure([1])), show(hotDestructure([1, 2, 3, 4])), show(hotDestructure([, 5])));
"#,
        ),
        prog(
            "generators",
            Control,
            &[
                Op::GeneratorCreate,
                Op::Suspend,
                Op::YieldDelegate,
                Op::IteratorClose,
            ],
            r#"function* hotGen(a) {
  const x = yield a;
  try { yield* [x, typeof a]; } finally { yield "f"; }
  return x;
}
function hot(a) {
  const g = hotGen(a);
  const r = [g.next().value, g.next(a).value, g.next().value, g.next().value];
  r.push(g.return(9).value, g.next().done);
  for (const v of hotGen(a)) { r.push(v); break; }
  try { hotGen(a).throw(a); } catch (e) { r.push(show(e)); }
  return r;
}
each(hot);
"#,
        ),
        prog(
            "async_functions_and_generators",
            Control,
            &[
                Op::AsyncCreate,
                Op::AsyncSettle,
                Op::GetAsyncIterator,
                Op::AsyncIterStep,
                Op::RequireObject,
                Op::YieldDelegateCall,
                Op::IterResultValue,
            ],
            r#"async function hotAwait(a) { const x = await a; if (x === 3) throw x; return [x]; }
async function* hotInner(a) { yield [a]; return "r"; }
async function* hotOuter(a) { yield a; const r = yield* hotInner(a); yield r; }
async function hotLoop(a) {
  const r = [];
  for await (const v of hotOuter(a)) r.push(v);
  for await (const v of [a, Promise.resolve(a)]) r.push(v);
  for await (const v of hotOuter(a)) { r.push(v); break; }
  return r;
}
const out = [];
for (let i = 0; i < V.length; i++) {
  const v = V[i];
  hotAwait(v).then((x) => out.push(show(v) + " -> " + show(x)), (e) => out.push(show(v) + " !" + show(e)));
  hotLoop(v).then((x) => out.push(show(v) + " => " + show(x)));
}
setTimeout(() => console.log(out.join("\n")), 0);
"#,
        ),
        prog(
            "object_destructuring_of_anything",
            Property,
            &[Op::RequireObjectCoercible],
            r#"function hot(a) { const { length, x = "d" } = a; return [length, x]; }
each(hot);
"#,
        ),
        prog(
            "with_and_direct_eval",
            Scope,
            &[Op::WithHas, Op::DirectEval],
            r#"function hot(a) {
  const r = [];
  const o = { k: a };
  with (o) { r.push(k); k = 1; }
  const b = a;
  r.push(o.k, eval("typeof b + ':' + typeof o"), eval("b"));
  return r;
}
each(hot);
"#,
        ),
        prog(
            "for_in",
            Scope,
            &[Op::ForInPrepare, Op::ForInNext],
            r#"function hot(a) { const r = []; for (const k in a) r.push(k); return r; }
each(hot);
function hotMutate() { const o = { a: 1, b: 2, c: 3 }; const r = []; for (const k in o) { r.push(k); delete o.b; o.d = 4; } return r; }
console.log(show(hotMutate()));
"#,
        ),
    ]
}
