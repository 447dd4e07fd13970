//! The baseline JIT's inline templates against the interpreter: small programs over edge
//! values (int32 overflow, NaN, −0, ±Infinity, mixed int32/double, strings, holes, out of
//! bounds, frozen arrays, undefined globals) run compiled before their first call
//! (`jit_threshold: Some(0)`) and interpreted (`no_jit`), with identical output required; a
//! hot loop per template group then checks through `--stats` that the ops ran inline
//! (compiled code executed them and left it only a handful of times).

#[path = "support/jit_stats.rs"]
mod jit_stats;

#[path = "support/backends.rs"]
mod backends;

use backends::{each_backend, jit_available, opts};

use jit_stats::{stat, step_ops};
use kiln::js::{JitIsa, Options, Outcome};
use kiln::run_source;
use pretty_assertions::assert_eq;

/// Prints a value with −0 visible, shared by the programs below.
const SHOW: &str = "function show(x) { return Object.is(x, -0) ? '-0' : String(x); }\n";

/// Edge values for the operand cross products.
const VALS: &str = "const vals = [0, -0, 1, -1, 3, 7, 31, 32, 33, 46341, 65536, 2147483647, \
     -2147483648, 2147483648, 4294967295, 4294967296, 0.5, -1.5, 2.5, 1e20, -1e20, 1e300, \
     5e-324, NaN, Infinity, -Infinity, '5', 'a', '', null, undefined, true, false];\n";

fn run(src: &str, jit: bool) -> (String, String) {
    let opts = Options {
        jit_threshold: Some(0),
        jit: Some(jit),
        stats: true,
        ..opts()
    };
    let Outcome {
        stdout,
        stderr,
        status,
    } = run_source(src, "[jit_templates]", &[], &opts);
    let (out, err) = (
        String::from_utf8_lossy(&stdout).to_string(),
        String::from_utf8_lossy(&stderr).to_string(),
    );
    assert_eq!(status, 0, "jit: {jit}, stderr: {err}");
    (out, err)
}

/// Runs `src` compiled and interpreted; asserts identical output and returns the compiled
/// run's stderr (its `--stats` lines).
fn same_as_interpreter(src: &str) -> String {
    let (interp, _) = run(src, false);
    let (jit, err) = run(src, true);
    assert_eq!(
        interp, jit,
        "compiled output differs from the interpreter's"
    );
    assert!(!interp.is_empty());
    err
}

/// Asserts that the step helper ran none of `ops` (listing the count of each one it ran).
fn assert_never_stepped(err: &str, ops: &[&str]) {
    let steps: Vec<(&str, u64)> = ops.iter().map(|&o| (o, step_ops(err, o))).collect();
    let none: Vec<(&str, u64)> = ops.iter().map(|&o| (o, 0)).collect();
    assert_eq!(steps, none, "{err}");
}

/// Asserts that a hot loop of `iterations` ran in compiled code, leaving it at most
/// `max_exits` times in all (exits to the interpreter, guard and IC-miss deopts, resumptions).
fn assert_inline(src: &str, iterations: u64, max_exits: u64) {
    if !jit_available() {
        return;
    }
    let err = same_as_interpreter(src);
    let exits = stat(&err, "exits to the interpreter")
        + stat(&err, "deopts (guard)")
        + stat(&err, "deopts (ic miss)")
        + stat(&err, "resumes at another pc");
    assert!(exits <= max_exits, "{exits} exits:\n{err}");
    assert!(
        stat(&err, "ops executed in compiled code") >= 4 * iterations,
        "{err}"
    );
}

fn edge_program(body: &str) -> String {
    format!(
        "{SHOW}{VALS}{body}\nconst out = [];\nfor (const a of vals) {{ out.push(un(a).map(show).join(' ')); for (const b of vals) out.push(bin(a, b).map(show).join(' ')); }}\nconsole.log(out.join('\\n'));\n"
    )
}

#[test]
fn arithmetic_on_edge_values_matches_the_interpreter() {
    each_backend(|| {
        let src = edge_program(
            "function bin(a, b) { return [a + b, a - b, a * b, a / b, a % b]; }\n\
             function un(a) { let x = a, y = a; x++; y--; return [-a, x, y]; }",
        );
        same_as_interpreter(&src);
    });
}

#[test]
fn int32_overflow_and_negative_zero_take_the_inline_double_path() {
    each_backend(|| {
        let src = "function f(n) {\n\
                     let big = 2147483000, neg = 0, prod = 1, z = 0, inc = 2147483640, q = 0;\n\
                     for (let i = 0; i < n; i++) {\n\
                       big = big + i; neg = -neg; prod = prod * 3; z = 0 * -i; inc++; q = i / 4;\n\
                     }\n\
                     return [big, neg, prod, z, inc, q];\n\
                   }\n\
                   console.log(f(2000).map(x => Object.is(x, -0) ? '-0' : String(x)).join(' '));\n";
        assert_inline(src, 2000, 40);
    });
}

#[test]
fn double_arithmetic_runs_inline() {
    each_backend(|| {
        let src = "function f(n) {\n\
                     let s = 0.5, t = -0, u = 1;\n\
                     for (let i = 0; i < n; i++) {\n\
                       s = s * 1.0001 + i / 3 - 0.25; t = -t; u = u / 0.75 - s;\n\
                       if (u > 1e300) u = NaN; if (u !== u) u = 1;\n\
                     }\n\
                     return [s, t, u];\n\
                   }\n\
                   console.log(f(2000).join(' '));\n";
        assert_inline(src, 2000, 40);
    });
}

#[test]
fn comparisons_on_edge_values_match_the_interpreter() {
    each_backend(|| {
        let src = edge_program(
            "function bin(a, b) {\n\
               let n = 0;\n\
               if (a < b) n += 1; if (a <= b) n += 2; if (a > b) n += 4; if (a >= b) n += 8;\n\
               if (a === b) n += 16; if (a !== b) n += 32; if (!(a < b)) n += 64;\n\
               if (!(a >= b)) n += 128; if (!(a === b)) n += 256;\n\
               return [n, a < b, a <= b, a > b, a >= b, a === b, a !== b];\n\
             }\n\
             function un(a) { return [a === a, a !== a, a < a, a >= a]; }",
        );
        same_as_interpreter(&src);
    });
}

#[test]
fn double_compares_fused_with_jumps_run_inline() {
    each_backend(|| {
        let src = "function f(n) {\n\
                     let below = 0, nan = 0, x = -1.5;\n\
                     for (let i = 0; i < n; i++) {\n\
                       x = x + 0.001;\n\
                       if (x < 0.5) below++;\n\
                       if (x >= 1.25) x = -1.5;\n\
                       const y = (i & 1) ? NaN : x;\n\
                       if (!(y <= 2)) nan++;\n\
                       if (y > -10) below--;\n\
                     }\n\
                     return [below, nan, x];\n\
                   }\n\
                   console.log(f(2000).join(' '));\n";
        assert_inline(src, 2000, 40);
    });
}

#[test]
fn bitwise_ops_on_edge_values_match_the_interpreter() {
    each_backend(|| {
        let src = edge_program(
            "function bin(a, b) { return [a & b, a | b, a ^ b, a << b, a >> b, a >>> b]; }\n\
             function un(a) { return [~a, a | 0, a >>> 0]; }",
        );
        same_as_interpreter(&src);
    });
}

#[test]
fn bitwise_ops_and_shifts_run_inline() {
    each_backend(|| {
        let src = "function f(n) {\n\
                     let h = 0x811c9dc5, m = 0, d = 0;\n\
                     for (let i = 0; i < n; i++) {\n\
                       h = (h ^ (i & 0xff)) >>> 0; h = (h * 16777619) >>> 0;\n\
                       m = ~(m << 3) >> 1; d = (i * 1.5) | 0;\n\
                     }\n\
                     return [h, m, d];\n\
                   }\n\
                   console.log(f(2000).join(' '));\n";
        assert_inline(src, 2000, 40);
    });
}

#[test]
fn strict_equality_by_identity_runs_inline() {
    each_backend(|| {
        let src = "function f(n) {\n\
                     const o = {}, p = {}; let same = 0, diff = 0;\n\
                     const xs = [o, p, null, undefined, true, false, 1, 1.5];\n\
                     for (let i = 0; i < n; i++) {\n\
                       const a = xs[i % 8], b = xs[(i >> 3) % 8];\n\
                       if (a === b) same++; if (a !== b) diff++;\n\
                     }\n\
                     return [same, diff, o === o, o === p, null === undefined, 1 === 1.0];\n\
                   }\n\
                   console.log(f(2000).join(' '));\n\
                   console.log('ab' === 'a' + 'b', NaN === NaN, 0 === -0, [] === []);\n";
        assert_inline(src, 2000, 40);
    });
}

#[test]
fn string_strict_equality_runs_without_the_step_helper() {
    each_backend(|| {
        // One-unit strings from charAt against constants (`this.current === '{'`), split
        // pieces (equal units in different cells), ropes against flat strings, the empty
        // string and lone surrogates: every compare of two strings stays in compiled code
        // (identical cells inline, different cells through the runtime's direct string
        // compare).
        let src = "function Scanner(text) { this.text = text; this.pos = 0; this.current = text.charAt(0); }\n\
                   function count(sc) {\n\
                     let open = 0, close = 0, other = 0;\n\
                     while (sc.current !== '') {\n\
                       if (sc.current === '{') open++; else if (sc.current === '}') close++; else other++;\n\
                       sc.pos++; sc.current = sc.text.charAt(sc.pos);\n\
                     }\n\
                     return [open, close, other];\n\
                   }\n\
                   function words(list) {\n\
                     let n = 0, m = 0;\n\
                     for (let i = 0; i < list.length; i++) {\n\
                       const w = list[i];\n\
                       if (w === 'forward') n++;\n\
                       if (w !== list[(i + 1) % list.length]) m++;\n\
                     }\n\
                     return [n, m];\n\
                   }\n\
                   let text = ''; for (let i = 0; i < 500; i++) text += i % 3 ? '{a}' : '}\\ud800{';\n\
                   const out = [count(new Scanner(text))];\n\
                   const list = 'forward back forward \\udc00 forward  left forward'.split(' ');\n\
                   for (let k = 0; k < 300; k++) out.push(words(list));\n\
                   let r1 = 'xy', r2 = 'xy'; for (let i = 0; i < 20; i++) { r1 = r1 + 'z' + i; r2 = r2 + 'z' + i; }\n\
                   out.push(words([r1, r2, r1.split('').join(''), r1 + '!', '', '']));\n\
                   console.log(out.join(' '));\n";
        let err = same_as_interpreter(src);
        if !jit_available() {
            return;
        }
        assert_eq!(step_ops(&err, "StrictEq"), 0, "{err}");
        assert_eq!(step_ops(&err, "StrictNotEq"), 0, "{err}");
        assert!(
            stat(&err, "ops executed in compiled code") >= 10_000,
            "{err}"
        );
    });
}

#[test]
fn element_edge_cases_match_the_interpreter() {
    each_backend(|| {
        let src = "function get(a, i) { return a[i]; }\n\
                   function set(a, i, v) { a[i] = v; return a; }\n\
                   const a = [1, 2.5, , 'x', null];\n\
                   const out = [];\n\
                   for (const i of [0, 1, 2, 3, 4, 5, -1, 1.5, '1', 2147483647, -2147483648, NaN])\n\
                     out.push(String(get(a, i)));\n\
                   Array.prototype[2] = 'proto'; out.push(get(a, 2)); delete Array.prototype[2];\n\
                   out.push(get('str', 1), get({ 0: 'obj' }, 0), get([], 0));\n\
                   (function () { out.push(get(arguments, 0)); set(arguments, 0, 5); out.push(arguments[0]); })(9);\n\
                   const fz = Object.freeze([1, 2]); set(fz, 0, 9); out.push(fz[0]);\n\
                   const ne = Object.preventExtensions([1, 2]); set(ne, 1, 7); set(ne, 2, 8); out.push(ne.join());\n\
                   const h = [1, , 3]; set(h, 1, 'filled'); out.push(h.join());\n\
                   const g = [1]; set(g, 1, 2); set(g, 3, 4); out.push(g.length, g.join());\n\
                   try { get(null, 0); } catch (e) { out.push(e.message); }\n\
                   console.log(out.join('\\n'));\n";
        same_as_interpreter(src);
    });
}

#[test]
fn dense_array_elements_run_inline() {
    each_backend(|| {
        let src = "function f(n) {\n\
                     const a = [];\n\
                     for (let i = 0; i < 64; i++) a.push(i);\n\
                     let s = 0;\n\
                     for (let i = 0; i < n; i++) { const j = i & 63; a[j] = (a[j] + a[63 - j]) & 1023; s = s + a[j] % 1000; }\n\
                     return [s, a[0], a[63]];\n\
                   }\n\
                   console.log(f(2000).join(' '));\n";
        // `a.push` runs 64 times outside the measured loop.
        assert_inline(src, 2000, 200);
    });
}

#[test]
fn hole_stores_and_appends_run_inline() {
    each_backend(|| {
        // `new Array(4)` filled by index (stores into holes), then emptied by `length = 0`
        // (capacity kept) and refilled by appends at `i == length`. The first store outside
        // the compiled loop (`Reflect.set`) fills the interpreter's hole-store guard.
        let src = "Reflect.set(new Array(1), 0, 0);\n\
                   function f(n) {\n\
                     let s = 0;\n\
                     for (let k = 0; k < n; k++) {\n\
                       const a = new Array(4);\n\
                       for (let i = 0; i < 4; i++) a[i] = k + i;\n\
                       s = (s + a[0] + a[3] + a.length) | 0;\n\
                       a.length = 0;\n\
                       for (let i = 0; i < 4; i++) a[i] = i * 3;\n\
                       s = (s + a[3] + a.length) | 0;\n\
                     }\n\
                     return s;\n\
                   }\n\
                   console.log(f(2000));\n";
        if !jit_available() {
            return;
        }
        let err = same_as_interpreter(src);
        assert_eq!(step_ops(&err, "SetElement"), 0, "{err}");
        assert_inline(src, 2000, 40);
        // An index setter on Array.prototype: every hole store calls it, the JIT's included.
        let setter = "let calls = 0;\n\
                      Object.defineProperty(Array.prototype, '2', { set(v) { calls++; }, configurable: true });\n\
                      function f(n) { for (let k = 0; k < n; k++) { const a = new Array(4); for (let i = 0; i < 4; i++) a[i] = i; } }\n\
                      f(500);\n\
                      delete Array.prototype[2];\n\
                      console.log(calls);\n";
        let (out, err) = run(setter, true);
        assert_eq!(out, "500\n", "{err}");
    });
}

#[test]
fn typed_array_elements_run_inline() {
    each_backend(|| {
        // Every Number kind but Float16, over a fixed-length view at an offset and a
        // length-tracking view of a resizable buffer; int32 and double values stored.
        let src = "function f(a, n) {\n\
                     let s = 0;\n\
                     for (let i = 0; i < n; i++) { const j = i & 7; a[j] = a[7 - j] + i * 0.75 - 3; a[j + 1] = i; s = s + a[j]; }\n\
                     return s;\n\
                   }\n\
                   const kinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array];\n\
                   const out = [];\n\
                   for (const K of kinds) {\n\
                     out.push(f(new K(new ArrayBuffer(80), 8, 9), 300));\n\
                     out.push(f(new K(new ArrayBuffer(72, { maxByteLength: 200 })), 300));\n\
                   }\n\
                   console.log(out.join(' '));\n";
        if !jit_available() {
            return;
        }
        let err = same_as_interpreter(src);
        assert_eq!(step_ops(&err, "GetElement"), 0, "{err}");
        assert_eq!(step_ops(&err, "SetElement"), 0, "{err}");
        assert_inline(src, 18 * 300, 40);
        // Float16: inline where the back end converts binary16 in one instruction (AArch64),
        // through the step helper elsewhere (x86-64).
        let f16 = "const h = new Float16Array(64); let s = 0;\n\
                   function f(n) { for (let i = 0; i < n; i++) { h[i & 63] = i * 0.37 - 9; s += h[(i + 1) & 63]; } return s; }\n\
                   console.log(f(2000), h[5], h[63]);\n";
        let err = same_as_interpreter(f16);
        let steps = step_ops(&err, "GetElement") + step_ops(&err, "SetElement");
        match backends::current().map(|b| b.isa) {
            Some(JitIsa::AArch64) => assert_eq!(steps, 0, "{err}"),
            _ => assert!(steps >= 2 * 2000, "{err}"),
        }
    });
}

#[test]
fn global_loads_match_the_interpreter_and_hit_their_ic() {
    each_backend(|| {
        let edge = "var G = 1;\n\
                    function g() { return G; }\n\
                    function missing() { try { return notDefined; } catch (e) { return e.message; } }\n\
                    const out = [g(), missing()];\n\
                    var H = 2; out.push(g());\n\
                    globalThis.G = 'changed'; out.push(g());\n\
                    globalThis.notDefined = 3; out.push(missing());\n\
                    delete globalThis.notDefined; out.push(missing());\n\
                    Object.defineProperty(globalThis, 'G', { get() { return 'getter'; } }); out.push(g());\n\
                    console.log(out.join(' '));\n";
        same_as_interpreter(edge);
        // Top-level `var`s are context slots; properties of the global object are globals.
        let hot = "globalThis.A = 3; globalThis.B = 0.5;\n\
                   function f(n) { let s = 0; for (let i = 0; i < n; i++) s = s + A * B; return s; }\n\
                   console.log(f(1000));\n\
                   globalThis.C = 1;\n\
                   console.log(f(1000));\n";
        assert_inline(hot, 2000, 20);
    });
}

#[test]
fn length_of_arrays_and_strings_matches_the_interpreter_and_runs_inline() {
    each_backend(|| {
        let edge = "function len(x) { return x.length; }\n\
                    const sparse = []; sparse[100] = 1;\n\
                    const out = [len([1, 2, 3]), len(sparse), len('h\\u00e9llo'), len(''), len('a' + 'bc'.repeat(3)),\n\
                      len(function (p, q) {}), len({ length: 'own' }), len(5), len(true)];\n\
                    (function () { out.push(len(arguments)); })(1, 2);\n\
                    const arr = [1, 2]; arr.length = 10; out.push(len(arr)); arr.push(3); out.push(len(arr));\n\
                    try { len(null); } catch (e) { out.push(e.constructor.name); }\n\
                    console.log(out.join(' '));\n";
        same_as_interpreter(edge);
        let hot = "function f(a, s) { let n = 0; for (let i = 0; i < a.length; i++) n = n + a[i] + s.length; return n; }\n\
                   const a = []; for (let i = 0; i < 2000; i++) a.push(i);\n\
                   console.log(f(a, 'abc'));\n";
        // `a.push` runs 2000 times outside the measured loop (one exit per call).
        assert_inline(hot, 2000, 2100);
    });
}

#[test]
fn this_callee_and_tdz_checks_match_the_interpreter() {
    each_backend(|| {
        let src = "const out = [];\n\
                   function early() { try { return late; } catch (e) { return e.constructor.name; } }\n\
                   out.push(early());\n\
                   let late = 'init';\n\
                   out.push(early());\n\
                   class A { constructor() { this.a = 1; } get() { return this.a; } }\n\
                   class B extends A { constructor(early) { if (early) { try { this.b = 0; } catch (e) { out.push(e.constructor.name); } } super(); this.b = 2; } }\n\
                   out.push(new B(true).b, new B(false).get());\n\
                   function T() { return new.target === T; } out.push(new T() instanceof T, T());\n\
                   function outer() { let c = 0; return () => { c = c + 1; return c; }; }\n\
                   const inc = outer(); inc(); out.push(inc());\n\
                   console.log(out.join(' '));\n";
        same_as_interpreter(src);
    });
}

#[test]
fn adding_stores_match_the_interpreter_and_run_inline() {
    each_backend(|| {
        // Transitions through the IC: more properties than the initial slots (growth on the slow
        // path), frozen and non-extensible receivers (sloppy: silently ignored; strict: a
        // TypeError), a receiver that became a prototype, and a setter installed on the
        // prototype after the IC recorded the add (the prototype epoch guards it).
        let edge = "function P(a) { this.a = a; this.b = a + 1; this.c = 3; this.d = 4; this.e = 5; this.f = 6; }\n\
                    function addX(o, v) { o.x = v; return o; }\n\
                    function addXStrict(o, v) { 'use strict'; o.x = v; return o; }\n\
                    const out = [];\n\
                    for (let i = 0; i < 3; i++) { const p = new P(i); out.push(Object.keys(p).join(','), p.f); }\n\
                    out.push(JSON.stringify(addX({}, 1)), JSON.stringify(addX({ y: 2 }, 3)));\n\
                    out.push(JSON.stringify(addX(Object.freeze({}), 1)), JSON.stringify(addX(Object.preventExtensions({}), 1)));\n\
                    try { addXStrict(Object.freeze({}), 1); } catch (e) { out.push(e.constructor.name); }\n\
                    const proto = {}; const child = Object.create(proto); addX(proto, 7); out.push(child.x);\n\
                    const base = {}; Object.defineProperty(Object.prototype, 'x', { set(v) { out.push('setter ' + v); }, configurable: true });\n\
                    addX(base, 9); out.push(Object.keys(base).length);\n\
                    delete Object.prototype.x; addX(base, 10); out.push(base.x);\n\
                    console.log(out.join(' '));\n";
        same_as_interpreter(edge);
        let hot = "function Pt(x, y) { this.x = x; this.y = y; this.z = x + y; }\n\
                   function f(n) { let s = 0; for (let i = 0; i < n; i++) { const p = new Pt(i, 1); s = s + p.z; } return s; }\n\
                   console.log(f(2000));\n";
        if !jit_available() {
            return;
        }
        let err = same_as_interpreter(hot);
        // The three adds take the slow path once each (their IC is empty), as do a few
        // top-level ops that run once; the 2000 iterations' adds all run inline.
        assert!(
            stat(&err, "ops run by the step helper") <= 12,
            "adds ran inline:\n{err}"
        );
    });
}

#[test]
fn array_iteration_and_literals_match_the_interpreter_and_run_inline() {
    each_backend(|| {
        // for-of over arrays with holes, arrays growing and shrinking while iterated,
        // `arguments`, strings, Maps, a user iterator; literals longer than their first
        // allocation, with holes and spreads.
        let edge = "function sum(it) { let s = ''; for (const x of it) s += String(x) + ','; return s; }\n\
                    const out = [sum([1, , 3]), sum([]), sum('h\\u00e9'), sum(new Map([[1, 2]])), sum(new Set([5, 6]))];\n\
                    const grow = [1, 2]; let n = 0; for (const x of grow) { if (grow.length < 6) grow.push(x * 10); n++; } out.push(n, grow.join());\n\
                    const shrink = [1, 2, 3, 4]; const seen = []; for (const x of shrink) { seen.push(x); shrink.pop(); } out.push(seen.join());\n\
                    (function () { out.push(sum(arguments)); })(7, 8);\n\
                    const user = { [Symbol.iterator]() { let i = 0; return { next: () => ({ value: i, done: i++ > 2 }) }; } };\n\
                    out.push(sum(user));\n\
                    function lit(a, b) { return [a, b, a, b, a, , b, ...[a, b], a + b]; }\n\
                    out.push(JSON.stringify(lit(1, 2)), lit('x', 'y').length, 5 in lit(0, 0));\n\
                    console.log(out.join(' | '));\n";
        same_as_interpreter(edge);
        let hot = "function f(n) { let s = 0; for (let i = 0; i < n; i++) { const a = [i, 1, 2]; for (const x of a) s = s + x; } return s; }\n\
                   console.log(f(2000));\n";
        if !jit_available() {
            return;
        }
        let err = same_as_interpreter(hot);
        // Per iteration: the literal's allocation (NewArray), GetIterator and the last
        // IteratorNext run in the interpreter; the pushes and the other steps run inline.
        let steps = stat(&err, "ops run by the step helper");
        assert!(steps <= 3 * 2000 + 20, "{steps} steps:\n{err}");
    });
}

/// Runs `src` interpreted and compiled under `--deopt-stress` (every guarded op leaves
/// compiled code, the interpreter runs it and re-enters at the next op: blocks are entered
/// mid-way); asserts identical output.
fn same_under_deopt_stress(src: &str) {
    let run = |jit: bool| {
        let opts = Options {
            jit_threshold: Some(0),
            jit: Some(jit),
            deopt_stress: jit,
            ..opts()
        };
        let o = run_source(src, "[jit_templates]", &[], &opts);
        assert_eq!(o.status, 0, "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stdout).to_string()
    };
    assert_eq!(run(false), run(true), "deopt-stress output differs");
}

/// Constants and int32 results known at compile time as operands: immediates, shift
/// amounts, bitmasks, constants on either side, double constants.
const KNOWN_OPERANDS: &str = "function bin(a, b) {\n\
       const t = a & 0xff, u = a >>> b, v = a >>> 3, w = b | 0;\n\
       return [a + 1, a - 3, 5 - a, 4000 + a, a - -4095, a + 5000, a * 2, 2.5 * a, a / 4,\n\
         a + 0.5, a & 0x55555555, a | 0x0f0f0f0f, 0xff ^ a, a & 0, a | -1, a ^ 0x12345,\n\
         a << 5, a >> 31, a >>> 0, a >>> 1, a >>> 32, a << 33, 3 << a, 1 >>> a,\n\
         a < 5, 5 < a, a <= -7, -7 >= a, a === 0, a !== 1.5, a < 1e10, a > -5000, 1 === a,\n\
         a === undefined, a !== null, a == 1,\n\
         t + 3, t - 100000, t * t, t < 10, 300 > t, t === 7, -t, t + t, t & w, t << w, ~t,\n\
         u + 1, u - 1, u * 2, u < 1, u & 1, v + v, v - 1, v === 3, -v,\n\
         w + 1, w - w, w * 3, w % 7, -w, ~w, w < t, w === t];\n\
     }\n\
     function un(a) {\n\
       const n = -a, m = -(a * 2);\n\
       return [n, m, n + 1, m < 0, new Map([[n, 1]]).get(-a) === 1, new Set([NaN, n]).size,\n\
         Object.is(n, -a), n === n];\n\
     }";

#[test]
fn known_operands_on_edge_values_match_the_interpreter() {
    each_backend(|| {
        same_as_interpreter(&edge_program(KNOWN_OPERANDS));
    });
}

#[test]
fn known_operands_match_the_interpreter_under_deopt_stress() {
    each_backend(|| {
        if !jit_available() {
            return;
        }
        same_under_deopt_stress(&edge_program(KNOWN_OPERANDS));
    });
}

/// A register known before a loop is reassigned inside it: the loop header (a jump target)
/// must forget what was known, as must an exception handler.
const FACTS_AT_BLOCK_STARTS: &str = "function f(n) {\n\
       let k = 1, s = 0, t = 7, h = 0;\n\
       for (let i = 0; i < n; i++) {\n\
         s = s + k; s = s | 0; k = k + 0.5; t = t >>> 1;\n\
         if (i === 3) t = 'x' + i;\n\
         s = s + (t === 3 ? 1 : 2);\n\
       }\n\
       let c = 3;\n\
       try { c = 1.5; if (n > 0) throw 0; c = 4; } catch (e) { h = c + 1; }\n\
       let m = 5, j = 0;\n\
       while (j < n) { m = m * 0.5; j = j + m < 3 ? j + 1 : j + 2; }\n\
       return [s, k, t, h, m, j];\n\
     }\n\
     console.log(f(50).join(' '), f(0).join(' '));\n";

#[test]
fn facts_are_reset_at_loop_headers_and_handlers() {
    each_backend(|| {
        same_as_interpreter(FACTS_AT_BLOCK_STARTS);
        if jit_available() {
            same_under_deopt_stress(FACTS_AT_BLOCK_STARTS);
        }
    });
}

#[test]
fn known_int32_loops_run_inline() {
    each_backend(|| {
        let src = "function popcount(x) {\n\
                     x = x - ((x >>> 1) & 0x55555555);\n\
                     x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);\n\
                     x = (x + (x >>> 4)) & 0x0f0f0f0f;\n\
                     return (x + (x >>> 8) + (x >>> 16) + (x >>> 24)) & 0x3f;\n\
                   }\n\
                   function f(n) {\n\
                     let s = 2463534242 | 0, bits = 0;\n\
                     for (let i = 0; i < n; i++) {\n\
                       s ^= s << 13; s ^= s >>> 17; s ^= s << 5;\n\
                       bits = bits + popcount(s) - 1 + 1; if (i > 100000) bits = -bits;\n\
                     }\n\
                     return [s, bits];\n\
                   }\n\
                   console.log(f(2000).join(' '));\n";
        assert_inline(src, 2000, 40);
    });
}

#[test]
fn math_intrinsics_match_the_interpreter_and_skip_the_call_helper() {
    each_backend(|| {
        // Call sites that saw only Math.sqrt/abs/floor/ceil/trunc get the FP instruction inline
        // (at default thresholds, so the call ICs have feedback when the function compiles).
        // Then every other case through the same sites: edge numbers, non-numbers (a valueOf
        // with a side effect), no and extra arguments, the natives reassigned, a non-function.
        let src = "function show(x) { return Object.is(x, -0) ? '-0' : String(x); }\n\
                   function m(x) { return [Math.sqrt(x), Math.abs(x), Math.floor(x), Math.ceil(x), Math.trunc(x)]; }\n\
                   function hot(n) { let s = 0; for (let i = 0; i < n; i++) { const r = m(i * 0.75 - 700); s = s + r[1] + r[2] + r[3] + r[4]; if (i > 900) s = s + r[0]; } return s; }\n\
                   const out = [hot(3000)];\n\
                   const edge = [0, -0, 0.5, -0.5, -1.5, 2.5, 4, 2147483647.5, -2147483648.5, 1e300, -1e300, 5e-324, NaN, Infinity, -Infinity, '9', '', null, undefined, true, [16]];\n\
                   let calls = 0; edge.push({ valueOf() { calls++; return 6.25; } });\n\
                   for (const x of edge) out.push(m(x).map(show).join(' '));\n\
                   out.push(calls, show(Math.sqrt()), show(Math.floor(-0.25, 'extra')));\n\
                   const saved = Math.sqrt; Math.sqrt = function (x) { return 'patched ' + x; };\n\
                   out.push(m(9).join(' '));\n\
                   Math.sqrt = 5; try { m(1); } catch (e) { out.push(e.constructor.name); }\n\
                   Math.sqrt = saved; out.push(m(81).join(' '));\n\
                   console.log(out.join('\\n'));\n";
        let err = same_at_default_thresholds(src);
        if !jit_available() {
            return;
        }
        // 15,000 intrinsic calls in the hot loop: only those before `m` compiled (about 100
        // calls of `m`, 5 each) and the edge cases' take the call helper or the interpreter.
        let helper = stat(&err, "calls through the call helper");
        let native: u64 = err
            .lines()
            .find_map(|l| l.strip_prefix("calls (native): "))
            .and_then(|n| n.trim().parse().ok())
            .expect("a `calls (native)` stats line");
        assert!(helper < 500 && native < 1000, "{helper} {native}:\n{err}");
    });
}

/// Runs `src` interpreted and at the default thresholds (functions compile once warm, with
/// IC feedback); asserts identical output and success, and returns the second run's stderr
/// (its `--stats` lines).
fn same_at_default_thresholds(src: &str) -> String {
    let interp = run_source(
        src,
        "[warm]",
        &[],
        &Options {
            jit: Some(false),
            ..opts()
        },
    );
    let jit = run_source(
        src,
        "[warm]",
        &[],
        &Options {
            jit: Some(true),
            stats: true,
            ..opts()
        },
    );
    let out = |o: &Outcome| String::from_utf8_lossy(&o.stdout).to_string();
    assert_eq!(out(&interp), out(&jit));
    assert_eq!((interp.status, jit.status), (0, 0));
    String::from_utf8_lossy(&jit.stderr).to_string()
}

#[test]
fn warm_monomorphic_property_sites_match_the_interpreter() {
    each_backend(|| {
        // Sites compiled after their IC saw one shape check that shape first (an immediate),
        // then probe the IC: the same shape frozen (sloppy stores ignored, strict ones throw), a
        // second shape (a deopt, then the probe), getters and a prototype property.
        let src = "function P(x) { this.x = x; this.y = 1; }\n\
                   function get(o) { return o.x + o.y; }\n\
                   function set(o, v) { o.x = v; return o.x; }\n\
                   function setStrict(o, v) { 'use strict'; o.x = v; return o.x; }\n\
                   let s = 0; for (let i = 0; i < 3000; i++) { const p = new P(i); s = s + get(p) + set(p, i * 2) + setStrict(p, 1); }\n\
                   const out = [s];\n\
                   const f = Object.freeze(new P(5)); out.push(get(f), set(f, 7), f.x);\n\
                   try { setStrict(f, 8); } catch (e) { out.push(e.constructor.name); }\n\
                   const q = { y: 2, x: 3 }; out.push(get(q), set(q, 4), setStrict(q, 5));\n\
                   const g = { get x() { return 10; }, y: 1 }; out.push(get(g), set(g, 11));\n\
                   const c = Object.create({ x: 20 }); c.y = 2; out.push(get(c), set(c, 21), c.x);\n\
                   for (let i = 0; i < 100; i++) s = s + get(i % 2 ? q : new P(i));\n\
                   out.push(s);\n\
                   console.log(out.join(' '));\n";
        same_at_default_thresholds(src);
    });
}

#[test]
fn array_push_and_pop_intrinsics_match_the_interpreter() {
    each_backend(|| {
        // Warm `push`/`pop` sites run inline on arrays with room; then through the same sites:
        // growth past the capacity, holes, an empty array, a frozen array, a non-array with the
        // method borrowed, a reassigned `push`.
        let src = "function fill(a, n) { for (let i = 0; i < n; i++) a.push(i * 2); return a.length; }\n\
                   function drain(a) { let s = 0, v; while ((v = a.pop()) !== undefined) s = s + v; return s; }\n\
                   function one(a, v) { return a.push(v); }\n\
                   function last(a) { return a.pop(); }\n\
                   let t = 0; for (let k = 0; k < 300; k++) { const a = []; t = t + fill(a, 3) + drain(a); }\n\
                   const out = [t];\n\
                   const big = []; out.push(fill(big, 100), big[99], drain(big.slice()), big.length);\n\
                   out.push(String(last([1, , ])), String(last([])), String(last([, 5])), one([1, 2], 'x'));\n\
                   const holes = [1, , 3]; out.push(last(holes), String(last(holes)), holes.length);\n\
                   for (const f of [() => one(Object.freeze([1]), 2), () => last(Object.freeze([1])), () => one({ push: Array.prototype.push }, 1), () => last({ pop: Array.prototype.pop })]) {\n\
                     try { out.push(f()); } catch (e) { out.push(e.constructor.name + ': ' + e.message); }\n\
                   }\n\
                   const sealed = Object.seal([1]); try { out.push(one(sealed, 2)); } catch (e) { out.push(e.constructor.name); } out.push(sealed.length);\n\
                   const saved = Array.prototype.push; Array.prototype.push = function (v) { return 'patched ' + v; };\n\
                   out.push(one([], 7)); Array.prototype.push = saved; out.push(one([], 8));\n\
                   console.log(out.join('\\n'));\n";
        let err = same_at_default_thresholds(src);
        if !jit_available() {
            return;
        }
        // About 3,600 pushes and pops in the warm loop: only those before the functions
        // compiled (and the edge cases) reach the natives.
        let helper = stat(&err, "calls through the call helper");
        assert!(helper < 600, "{helper}:\n{err}");
    });
}

#[test]
fn char_code_at_intrinsic_matches_the_interpreter() {
    each_backend(|| {
        // A warm `charCodeAt` site runs inline on flat strings; then through it: ropes (the
        // native flattens them), out-of-range, negative, fractional and non-number indices, the
        // empty string, a String object, non-BMP text, a reassigned method.
        let src = "function codes(s) { let h = 0; for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0; return h; }\n\
                   function at(s, i) { return s.charCodeAt(i); }\n\
                   let t = 0; for (let k = 0; k < 200; k++) t = (t + codes('hello world ' + k)) | 0;\n\
                   const out = [t];\n\
                   let rope = 'ab'; for (let i = 0; i < 40; i++) rope = rope + 'cd' + i;\n\
                   out.push(at(rope, 50), codes(rope), at('abc', 3), at('abc', -1), at('abc', 1.5), at('abc', '2'), at('abc', null), at('', 0));\n\
                   out.push(at(new String('xyz'), 1), at('\\u{1F600}x', 0), at('\\u{1F600}x', 1), at('\\u00e9', 0), at('abc', 2147483647), at('abc', -2147483648));\n\
                   const saved = String.prototype.charCodeAt; String.prototype.charCodeAt = function (i) { return 'patched ' + i; };\n\
                   out.push(at('abc', 0)); String.prototype.charCodeAt = saved; out.push(at('abc', 0));\n\
                   console.log(out.join('\\n'));\n";
        let err = same_at_default_thresholds(src);
        if !jit_available() {
            return;
        }
        // About 3,000 calls in the warm loop; those before `codes` compiled and the edge cases
        // reach the native.
        let helper = stat(&err, "calls through the call helper");
        assert!(helper < 800, "{helper}:\n{err}");
    });
}

#[test]
fn string_receiver_property_gets_match_the_interpreter() {
    each_backend(|| {
        // Method loads from primitive strings hit the IC as prototype hits (at warm and at
        // compile-first thresholds); then String.prototype changes under them: a method
        // replaced, a property shadowing Object.prototype's, a getter, objects and strings at
        // one site, `length`.
        let src = "function m(s) { return s.indexOf; }\n\
                   function call(s) { return s.toUpperCase(); }\n\
                   function has(s) { return s.hasOwnProperty; }\n\
                   function any(x) { return x.slice; }\n\
                   let t = 0; for (let k = 0; k < 500; k++) { t = t + (m('ab' + k) === String.prototype.indexOf) + call('x' + k).length + (has('q') === Object.prototype.hasOwnProperty); }\n\
                   const out = [t, any('abc') === String.prototype.slice, any([1]) === Array.prototype.slice, any({ slice: 3 })];\n\
                   String.prototype.toUpperCase = function () { return 'patched ' + this; }; out.push(call('z'));\n\
                   String.prototype.hasOwnProperty = 7; out.push(has('q'));\n\
                   Object.defineProperty(String.prototype, 'indexOf', { get() { return 'getter on ' + this; }, configurable: true }); out.push(m('w'));\n\
                   delete String.prototype.indexOf; out.push(typeof m('w'));\n\
                   Object.prototype.indexOf = 'from Object.prototype'; out.push(m('v'));\n\
                   out.push(any('x' + 1) === String.prototype.slice, any(5), 'abc'.length);\n\
                   console.log(out.join('\\n'));\n";
        same_at_default_thresholds(src);
        same_as_interpreter(src);
        same_under_deopt_stress(src);
    });
}

#[test]
fn constructors_add_their_fields_inline_without_deopts() {
    each_backend(|| {
        // `new` gives the receiver room for the constructor's `this.NAME` fields (six here, more
        // than the usual four), so every adding store in the compiled constructor is inline;
        // a store that must grow the slots (`extra`'s first, a seventh property) takes the
        // generic path, which is no deoptimization; so do keyed stores into `this`. (Keys runs
        // first: the first object made with a new prototype invalidates every IC's adding
        // entries, which the later sites would meet as a deopt each.)
        let src = "function P(i) { this.a = i; this.b = 1; this.c = 2; this.d = 3; this.e = 4; this.f = 5; this.a++; }\n\
                   function extra(o, i) { o.g = i; o.h = i + 1; o.k = i + 2; return o; }\n\
                   function Keys(n) { this.n = n; for (let i = 0; i < n; i++) this['k' + i] = i; }\n\
                   let s = 0, k3;\n\
                   for (let i = 0; i < 300; i++) { const k = new Keys(i % 40); s = s + k.n + (k.k3 || 0); if (i === 3) k3 = k; }\n\
                   for (let i = 0; i < 3000; i++) { const p = extra(new P(i), i); s = s + p.a + p.f + p.k; }\n\
                   console.log(s, Object.keys(new P(1)).join(), Object.keys(k3).join());\n";
        let err = same_at_default_thresholds(src);
        assert_eq!(stat(&err, "deopts (ic miss)"), 0, "{err}");
        assert_eq!(stat(&err, "discarded after deopts"), 0, "{err}");
        // At most one generic named store per `extra` call (P's own stores are all inline).
        let named_stores = step_ops(&err, "SetPropertyByName");
        assert!(named_stores <= 3000, "{err}");
    });
}

#[test]
fn closures_and_block_contexts_run_without_the_step_helper() {
    each_backend(|| {
        // Per iteration: a block context (PushContext/PopContext) for `k`, the per-iteration
        // copy of `i`'s context (CopyContext), an arrow capturing both (CreateClosure) passed
        // to forEach, a function expression and a nested arrow escaping into `keep`.
        let src = "function hot(arr, n) {\n\
                     let s = 0; const keep = [];\n\
                     for (let i = 0; i < n; i++) {\n\
                       { let k = i * 2; arr.forEach((x) => { s += x + k + i; }); }\n\
                       const f = function (y) { return () => y + i; };\n\
                       if (i % 100 === 0) keep.push(f(i));\n\
                     }\n\
                     return s + ':' + keep.map((g) => g()).join();\n\
                   }\n\
                   console.log(hot([1, 2, 3], 2000));\n";
        if !jit_available() {
            return;
        }
        let err = same_as_interpreter(src);
        assert_never_stepped(
            &err,
            &["CreateClosure", "PushContext", "PopContext", "CopyContext"],
        );
        assert!(
            stat(&err, "ops executed in compiled code") >= 20 * 2000,
            "{err}"
        );
    });
}

#[test]
fn object_and_array_literals_run_without_the_step_helper() {
    each_backend(|| {
        // Per iteration: an object literal with fields (one a method, whose home object is
        // the literal: `super` reaches the literal's prototype), an array literal, nested
        // literals, a literal kept alive across collections.
        let src = "function hot(n) {\n\
                     let s = 0; const keep = [];\n\
                     for (let i = 0; i < n; i++) {\n\
                       const o = { a: i, b: [i, i + 1], c: { d: 'x' + (i % 3) }, m() { return super.toString === Object.prototype.toString; } };\n\
                       s += o.a + o.b[1] + o.c.d.length + (o.m() ? 1 : 0);\n\
                       if (i % 500 === 0) keep.push(o);\n\
                     }\n\
                     return s + ':' + keep.map((o) => o.b.join('-') + o.c.d).join();\n\
                   }\n\
                   console.log(hot(3000));\n";
        if !jit_available() {
            return;
        }
        let err = same_as_interpreter(src);
        assert_never_stepped(&err, &["NewObject", "NewArray", "DefineField"]);
        assert!(
            stat(&err, "ops executed in compiled code") >= 20 * 3000,
            "{err}"
        );
    });
}

#[test]
fn string_relational_compares_run_without_the_step_helper() {
    each_backend(|| {
        // A tokenizer's digit test (`c >= "0" && c <= "9"`) and a sort's compares of words:
        // every `<`, `<=`, `>`, `>=` of two strings stays in compiled code.
        let src = "function digits(text) {\n\
                     let n = 0;\n\
                     for (let i = 0; i < text.length; i++) { const c = text[i]; if (c >= '0' && c <= '9') n++; }\n\
                     return n;\n\
                   }\n\
                   function order(words) {\n\
                     let lt = 0, gt = 0;\n\
                     for (let i = 0; i + 1 < words.length; i++) { if (words[i] < words[i + 1]) lt++; if (words[i] > words[i + 1]) gt++; }\n\
                     return [lt, gt];\n\
                   }\n\
                   let text = ''; for (let i = 0; i < 300; i++) text += 'a' + i + '\\ud800;';\n\
                   const words = text.split(';');\n\
                   const out = [];\n\
                   for (let k = 0; k < 20; k++) out.push(digits(text), order(words));\n\
                   console.log(out.join());\n";
        if !jit_available() {
            return;
        }
        let err = same_as_interpreter(src);
        assert_never_stepped(&err, &["LessThan", "LessEq", "GreaterThan", "GreaterEq"]);
    });
}

#[test]
fn frames_entered_from_the_interpreter_return_without_exits() {
    each_backend(|| {
        // Callbacks of natives (forEach, map, sort) and resumed generators are frames the
        // interpreter entered: compiled code runs their `Return` (and a generator's yields)
        // itself and hands the result back. Constructors returning primitives, derived
        // constructors, and a throw from a callback keep their semantics.
        let src = "let s = 0; const a = []; for (let i = 0; i < 50; i++) a.push(i);\n\
                   function add(x) { s += x; }\n\
                   for (let k = 0; k < 40; k++) a.forEach(add);\n\
                   const m = a.map((x) => x * 2).filter((x) => x % 3 === 0);\n\
                   const sorted = a.slice().sort((x, y) => y - x);\n\
                   function* gen(n) { for (let i = 0; i < n; i++) yield i * i; return 'end'; }\n\
                   let g = 0; for (let k = 0; k < 40; k++) for (const v of gen(20)) g += v;\n\
                   const it = gen(2); const steps = [it.next(), it.next(), it.next(), it.next()];\n\
                   function P(x) { this.x = x; return 5; }\n\
                   class B { constructor(v) { this.v = v; } }\n\
                   class D extends B { constructor(v) { super(v + 1); } }\n\
                   const objs = [1, 2].map((x) => [new P(x).x, new D(x).v]);\n\
                   let caught = '';\n\
                   try { a.forEach((x) => { if (x === 7) throw new Error('at ' + x); }); }\n\
                   catch (e) { caught = e.message; }\n\
                   console.log(s, m.length, sorted[0], g, JSON.stringify(steps), JSON.stringify(objs), caught);\n";
        let err = same_as_interpreter(src);
        if !jit_available() {
            return;
        }
        assert_eq!(stat(&err, "exits to the interpreter"), 0, "{err}");
        assert!(stat(&err, "entries") >= 2000, "{err}");
    });
}

#[test]
fn generic_ops_in_compiled_code_throw_like_the_interpreter() {
    each_backend(|| {
        // Element access, `in`, `typeof`, `+` and iteration steps the templates leave to the
        // runtime: their results and their errors (messages, catch sites) are the
        // interpreter's.
        let src = "const out = [];\n\
                   function probe(o, k) {\n\
                     try { return [o[k], k in o, typeof o[k], o[k] + k].join('|'); }\n\
                     catch (e) { return e.constructor.name + ': ' + e.message; }\n\
                   }\n\
                   const d = { a: 1, k3: 'x' };\n\
                   const keys = ['a', 'k' + 3, 'zz', 0, 'length'];\n\
                   for (let i = 0; i < 30; i++) for (const k of keys) out.push(probe(d, k));\n\
                   for (const o of [null, undefined, 5, 'str', [1, 2]]) out.push(probe(o, 'length'));\n\
                   function set(o, k, v) { 'use strict'; try { o[k] = v; return 'ok'; } catch (e) { return e.message; } }\n\
                   out.push(set(Object.freeze({ q: 1 }), 'q', 2), set(null, 'q', 1), set({}, 'w' + 1, 3));\n\
                   function* inner() { yield 1; yield 2; return 3; }\n\
                   function* outer() { const r = yield* inner(); yield r; }\n\
                   for (let i = 0; i < 20; i++) out.push([...outer()].join(','));\n\
                   for (const k in { p: 1, q: 2 }) out.push(k);\n\
                   console.log(out.join('\\n'));\n";
        same_as_interpreter(src);
    });
}
