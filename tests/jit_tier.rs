//! Targeted end-to-end tests of the baseline JIT, in-process (compiled code runs natively on
//! aarch64 and in Unicorn elsewhere): tier-up after the threshold (and not before, nor with
//! `--no-jit`), OSR in a hot loop, deopts on a new shape and on int32 overflow with correct
//! results, recompilation after repeated deopts, exceptions crossing between compiled and
//! interpreted frames both ways, GC at safepoints in compiled code, JIT→JIT calls and their
//! stack limit, `--deopt-stress` and `--print-code`. Asserted through program output,
//! `--stats` and `--trace-tier` lines.

#[path = "support/jit_stats.rs"]
mod jit_stats;

#[path = "support/backends.rs"]
mod backends;

use backends::{each_backend, jit_available, opts};

use jit_stats::{stat, step_ops};
use kiln::exec::Backend;
use kiln::jit::backend;
use kiln::js::{JitIsa, Options, Outcome};
use kiln::run_source;

fn run(src: &str, threshold: Option<u32>) -> (String, String) {
    let opts = Options {
        jit: Some(true),
        jit_threshold: threshold,
        stats: true,
        trace_tier: true,
        ..opts()
    };
    let Outcome {
        stdout,
        stderr,
        status,
    } = run_source(src, "[test]", &[], &opts);
    let (out, err) = (
        String::from_utf8_lossy(&stdout).to_string(),
        String::from_utf8_lossy(&stderr).to_string(),
    );
    assert_eq!(status, 0, "stderr: {err}");
    (out, err)
}

#[test]
fn a_function_tiers_up_after_the_threshold_and_not_before() {
    each_backend(|| {
        if !jit_available() {
            return;
        }
        let src = "function hot(a, b) { return a * b + 1; }\n\
                   let s = 0;\n\
                   for (let i = 0; i < 6; i++) s = s + hot(i, 3);\n\
                   console.log(s);\n";
        let (out, err) = run(src, Some(4));
        assert_eq!(out, "51\n");
        assert!(err.contains("[tier] hot: compiled"), "{err}");
        assert!(stat(&err, "ops executed in compiled code") > 0, "{err}");
        // Fewer calls than the threshold: never compiled.
        let (out, err) = run(src, Some(100));
        assert_eq!(out, "51\n");
        assert!(!err.contains("[tier] hot"), "{err}");
        assert_eq!(stat(&err, "functions compiled"), 0);
    });
}

#[test]
fn the_jit_is_on_by_default_only_where_its_code_runs_natively() {
    let src = "function f(x) { return x + 1; } let t = 0; for (let i = 0; i < 500; i++) t = f(t); console.log(t);";
    // The host's default back end (no `--jit-isa`).
    let b = backend::host_default();
    let jit_available = || b.executor != Backend::Unavailable;
    let stats = |jit: Option<bool>| {
        let opts = Options {
            jit,
            stats: true,
            ..Options::default()
        };
        let o = run_source(src, "[test]", &[], &opts);
        assert_eq!(String::from_utf8_lossy(&o.stdout), "500\n");
        String::from_utf8_lossy(&o.stderr).to_string()
    };
    let default = stats(None);
    let expected = if b.executor == Backend::Native {
        "true"
    } else {
        "false"
    };
    assert!(
        default.contains(&format!("jit: enabled: {expected}\n")),
        "{default}"
    );
    assert!(
        default.contains(&format!("jit: isa: {}\n", b.name)),
        "{default}"
    );
    if cfg!(target_arch = "x86_64") {
        // x86-64 hosts compile to x86-64 natively, on by default.
        assert!(default.contains("jit: isa: x86-64\njit: executor: native\n"));
    }
    if jit_available() {
        let on = stats(Some(true));
        assert!(on.contains("jit: enabled: true\n"), "{on}");
        assert_eq!(stat(&on, "functions compiled"), 1);
    }
    let off = stats(Some(false));
    assert!(off.contains("jit: enabled: false\n"), "{off}");
    assert_eq!(stat(&off, "functions compiled"), 0);
}

#[test]
fn below_the_default_thresholds_and_with_no_jit_nothing_compiles() {
    each_backend(|| {
        let src = "function f(x) { return x + 1; } let t = 0; for (let i = 0; i < 50; i++) t = f(t); console.log(t);";
        let (out, err) = run(src, None);
        assert_eq!(out, "50\n");
        assert_eq!(stat(&err, "functions compiled"), 0);
        let opts = Options {
            jit_threshold: Some(0),
            jit: Some(false),
            stats: true,
            ..opts()
        };
        let o = run_source(src, "[test]", &[], &opts);
        let err = String::from_utf8_lossy(&o.stderr).to_string();
        assert_eq!(String::from_utf8_lossy(&o.stdout), "50\n");
        assert_eq!(stat(&err, "functions compiled"), 0);
    });
}

#[test]
fn a_long_loop_in_code_run_once_enters_compiled_code_at_the_loop() {
    each_backend(|| {
        if !jit_available() {
            return;
        }
        let src = "let s = 0;\nfor (let i = 0; i < 3000; i++) { s = s + i; }\nconsole.log(s);\n";
        let (out, err) = run(src, Some(50));
        assert_eq!(out, "4498500\n");
        assert!(err.contains("osr entry at pc"), "{err}");
        assert_eq!(stat(&err, "osr entries"), 1);
        assert!(
            stat(&err, "ops executed in compiled code") > 10_000,
            "{err}"
        );
    });
}

#[test]
fn a_new_shape_at_a_compiled_property_access_deopts_with_the_right_result() {
    each_backend(|| {
        if !jit_available() {
            return;
        }
        let src = "function get(p) { return p.x; }\n\
                   function put(p, v) { p.x = v; }\n\
                   const a = { x: 1 };\n\
                   let s = 0;\n\
                   for (let i = 0; i < 20; i++) { put(a, i); s = s + get(a); }\n\
                   const b = { y: 0, x: 1000 };\n\
                   s = s + get(b); put(b, 7); s = s + get(b);\n\
                   console.log(s, a.x, b.x, b.y);\n";
        let (out, err) = run(src, Some(2));
        assert_eq!(out, "1197 19 7 0\n");
        assert!(err.contains("[tier] get: compiled"), "{err}");
        assert!(stat(&err, "deopts (ic miss)") >= 2, "{err}");
    });
}

#[test]
fn int32_overflow_in_compiled_code_continues_inline_with_the_double_result() {
    each_backend(|| {
        if !jit_available() {
            return;
        }
        let src = "function add(a, b) { return a + b; }\n\
                   function mul(a, b) { return a * b; }\n\
                   function dec(a) { a--; return a; }\n\
                   let r = [];\n\
                   for (let i = 0; i < 5; i++) r.push(add(i, 1), mul(i, 2));\n\
                   r.push(add(2147483647, 1), mul(65536, 65536), mul(-1, 0), dec(-2147483648), add(0.5, 1));\n\
                   console.log(r.join(' '), Object.is(mul(-1, 0), -0));\n";
        let (out, err) = run(src, Some(0));
        assert_eq!(
            out,
            "1 0 2 2 3 4 4 6 5 8 2147483648 4294967296 0 -2147483649 1.5 true\n"
        );
        // Overflow and −0 fall into the inline double path: no deoptimization.
        assert_eq!(stat(&err, "deopts (guard)"), 0, "{err}");
        assert!(stat(&err, "ops executed in compiled code") > 0, "{err}");
    });
}

#[test]
fn an_exception_in_a_compiled_function_is_caught_by_an_interpreter_frame() {
    each_backend(|| {
        if !jit_available() {
            return;
        }
        // With threshold 3 the top-level code (run once, no loops) stays in the interpreter while
        // `read` is compiled on its third call; its fifth call throws inside compiled code.
        let mut src = String::from(
            "function read(o) { let n = 0; for (let i = 0; i < 3; i++) n = n + o.v; return n; }\n\
             const log = [];\n\
             const items = [{v:1},{v:2},{v:3},{v:4},null,{v:5}];\n",
        );
        for i in 0..6 {
            src.push_str(&format!(
                "try {{ log.push(read(items[{i}])); }} catch (e) {{ log.push(e instanceof TypeError); }}\n"
            ));
        }
        src.push_str("console.log(log.join(','));\n");
        let src = src.as_str();
        let (out, err) = run(src, Some(3));
        assert_eq!(out, "3,6,9,12,true,15\n");
        assert!(err.contains("[tier] read: compiled"), "{err}");
        assert!(!err.contains("[tier] <anonymous>: compiled"), "{err}");
    });
}

#[test]
fn an_exception_is_caught_by_a_handler_in_the_same_compiled_function() {
    each_backend(|| {
        if !jit_available() {
            return;
        }
        let src = "function f(o) { let r = 0; try { r = o.a.b; } catch (e) { r = -1; } return r + 1; }\n\
                   let t = [];\n\
                   for (let i = 0; i < 6; i++) t.push(f(i % 2 ? { a: { b: i } } : {}));\n\
                   console.log(t.join(' '));\n";
        let (out, err) = run(src, Some(0));
        assert_eq!(out, "0 2 0 4 0 6\n");
        assert!(err.contains("[tier] f: compiled"), "{err}");
    });
}

fn run_opts(src: &str, opts: Options) -> (String, String) {
    let o = run_source(src, "[test]", &[], &opts);
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert_eq!(o.status, 0, "stderr: {err}");
    (String::from_utf8_lossy(&o.stdout).to_string(), err)
}

#[test]
fn repeated_deopts_discard_the_code_and_the_function_is_recompiled_with_generic_paths() {
    each_backend(|| {
        if !jit_available() {
            return;
        }
        // Every call after the first 30 sees a different shape at `o.v`: the inline cache check
        // fails each time until the code is discarded; the recompiled code uses the generic path
        // there and deopts no more.
        let src = "function get(o) { return o.v; }\n\
                   let s = 0;\n\
                   for (let i = 0; i < 30; i++) s += get({ v: i });\n\
                   const shapes = [];\n\
                   for (let i = 0; i < 40; i++) { const o = {}; o['k' + i] = 0; o.v = 1; shapes.push(o); }\n\
                   for (let r = 0; r < 3; r++) for (const o of shapes) s += get(o);\n\
                   console.log(s);\n";
        let (out, err) = run(src, Some(5));
        assert_eq!(out, "555\n");
        assert!(
            err.contains("[tier] get: code discarded after repeated deopts"),
            "{err}"
        );
        assert!(err.contains("[tier] get: recompiled"), "{err}");
        assert!(stat(&err, "recompiles") >= 1, "{err}");
        // Exactly DEOPT_LIMIT deopts in `get`: none after recompilation.
        assert_eq!(err.matches("[tier] get: deopt at").count(), 10, "{err}");
    });
}

#[test]
fn an_exception_thrown_in_the_interpreter_is_caught_in_compiled_code() {
    each_backend(|| {
        if !jit_available() {
            return;
        }
        // `check` stays interpreted (called once per outer iteration, below its threshold);
        // `loop` is compiled at its loop and catches what `check` throws.
        let src = "function check(i) { if (i % 3 == 0) throw new RangeError('r' + i); return i; }\n\
                   function loop(n) { let s = 0, c = 0; for (let i = 0; i < n; i++) { try { s += check(i); } catch (e) { c++; } } return s + ':' + c; }\n\
                   console.log(loop(30));\n";
        let opts = Options {
            jit_threshold: Some(1_000_000),
            stats: true,
            trace_tier: true,
            ..opts()
        };
        let (out, _) = run_opts(src, opts);
        assert_eq!(out, "300:10\n");
        // Now the caller compiled from its first run and the thrower interpreted.
        let src2 = src.replace("function check(i)", "function check(i, _unused)");
        let (out, err) = run(&src2, Some(0));
        assert_eq!(out, "300:10\n");
        assert!(err.contains("[tier] loop: compiled"), "{err}");
    });
}

#[test]
fn gc_at_safepoints_in_compiled_code_keeps_live_objects() {
    each_backend(|| {
        if !jit_available() {
            return;
        }
        let src = "function build(n) { let head = null; for (let i = 0; i < n; i++) { head = { v: i, next: head }; let junk = [i, i, i]; } return head; }\n\
                   function sum(h) { let s = 0; while (h !== null) { s += h.v; h = h.next; } return s; }\n\
                   let t = 0;\n\
                   for (let r = 0; r < 4; r++) t += sum(build(300));\n\
                   console.log(t);\n";
        let opts = Options {
            jit_threshold: Some(0),
            gc_stress: true,
            stats: true,
            ..opts()
        };
        let (out, err) = run_opts(src, opts);
        assert_eq!(out, "179400\n");
        let gc_runs: u64 = err
            .lines()
            .find_map(|l| l.strip_prefix("gc runs: "))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or_else(|| panic!("no gc runs line in {err}"));
        assert!(gc_runs > 100, "{err}");
        assert!(stat(&err, "ops executed in compiled code") > 1000, "{err}");
    });
}

#[test]
fn compiled_code_calls_compiled_code_directly_and_deep_recursion_is_a_range_error() {
    each_backend(|| {
        if !jit_available() {
            return;
        }
        let src = "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\n\
                   function down(n) { return n === 0 ? 0 : 1 + down(n - 1); }\n\
                   console.log(fib(15), down(3000));\n\
                   try { down(1e7); console.log('no error'); } catch (e) { console.log(e instanceof RangeError, e.message); }\n\
                   console.log(down(10));\n";
        let (out, err) = run(src, Some(0));
        assert_eq!(out, "610 3000\ntrue Maximum call stack size exceeded\n10\n");
        assert!(stat(&err, "direct jit-to-jit calls") > 1000, "{err}");
    });
}

#[test]
fn compiled_callers_set_compiled_callees_frames_up_inline() {
    each_backend(|| {
        if !jit_available() {
            return;
        }
        // Plain calls, method calls with sloppy and strict `this`, fewer arguments than
        // parameters, `new` of a base constructor (also one returning an object or a primitive):
        // all inline. More arguments, a rest parameter, `arguments`, a native, a derived class
        // and a class with fields: through the call helper.
        let src = "function f(a, b, c) { return a + (b === undefined ? 1 : b) + (c === undefined ? 2 : c); }\n\
                   function st() { 'use strict'; return this === undefined; }\n\
                   var o = { k: 3, m: function (x) { return this.k + x; } };\n\
                   function r(...a) { return a.length; }\n\
                   function g() { return arguments.length; }\n\
                   function P(x) { this.x = x; }\n\
                   function Q(x) { this.x = 1; return x & 1 ? { x: 10 } : 5; }\n\
                   class B { constructor(x) { this.x = x; } }\n\
                   class D extends B { constructor(x) { super(x + 1); } }\n\
                   class F { y = 2; constructor(x) { this.x = x; } }\n\
                   function loop(n) {\n\
                     let s = 0;\n\
                     for (let i = 0; i < n; i++) s += f(i) + f(i, 2) + o.m(i) + (st() ? 1 : 0) + new P(i).x + new Q(i).x + new B(1).x;\n\
                     let t = 0;\n\
                     for (let i = 0; i < 10; i++) t += f(1, 2, 3, 4) + r(1, 2) + g(1) + Math.abs(-i) + new D(i).x + new F(i).y;\n\
                     return s + ':' + t;\n\
                   }\n\
                   console.log(loop(1000));\n";
        let (out, err) = run(src, Some(0));
        let (plain, _) = run_opts(
            src,
            Options {
                jit: Some(false),
                ..opts()
            },
        );
        assert_eq!(out, plain);
        assert_eq!(out, "2015500:210\n");
        assert!(stat(&err, "direct jit-to-jit calls") >= 7000, "{err}");
        assert!(stat(&err, "inline constructs") >= 2990, "{err}");
        let helper = stat(&err, "calls through the call helper");
        assert!((60..=80).contains(&helper), "{err}");
    });
}

#[test]
fn deopt_stress_deopts_at_every_guarded_op_and_keeps_results() {
    each_backend(|| {
        if !jit_available() {
            return;
        }
        let src = "function f(o, b) { let s = 0; for (let i = 0; i < o.n; i++) s = s + i * b; return s; }\n\
                   console.log(f({ n: 10 }, 3), f({ n: 20 }, 2.5));\n";
        let opts = Options {
            jit_threshold: Some(0),
            deopt_stress: true,
            stats: true,
            ..opts()
        };
        let (out, err) = run_opts(src, opts);
        assert_eq!(out, "135 475\n");
        // Per iteration at least the compare, the multiply and the add deopt.
        assert!(stat(&err, "deopts (guard)") >= 90, "{err}");
        assert_eq!(stat(&err, "recompiles"), 0, "{err}");
    });
}

#[test]
fn print_code_lists_machine_code_under_each_bytecode_op() {
    each_backend(|| {
        if !jit_available() {
            return;
        }
        let opts = Options {
            jit_threshold: Some(0),
            print_code: true,
            ..opts()
        };
        let (out, err) = run_opts(
            "function add(a, b) { return a + b; }\nconsole.log(add(1, 2));\n",
            opts,
        );
        assert_eq!(out, "3\n");
        assert!(err.contains("== compiled code: function add"), "{err}");
        assert!(err.contains("; 0: Add"), "{err}");
        // The int32 add with its overflow check, in the back end's own assembly.
        let add = match backends::current().map(|b| b.isa) {
            Some(JitIsa::X86_64) => "jo ",
            _ => "adds w",
        };
        assert!(err.contains(add), "{err}");
    });
}

/// A function whose code is longer than a conditional branch reaches (`tbz` 32 KiB,
/// `b.cond` 1 MiB): every forward branch to its out-of-line code and shared exits goes
/// through a branch island, the `do … while` back-edge jumps back over 1 MiB, and the
/// results are the interpreter's.
#[test]
fn a_function_longer_than_a_branch_reaches_compiles_and_runs() {
    each_backend(|| {
        if !jit_available() {
            return;
        }
        let mut src = String::from("function big(o, n) {\n  let a = 1, d = 0.5, i = 0;\n  do {\n");
        for k in 0..1000 {
            src.push_str(&format!(
                "    a = (a * {m} + o.x + i) | 0; d = d * 0.75 + a % {k1}; if (a > {k1}) a = a - o.y;\n",
                m = k % 7 + 2,
                k1 = 1000 + k,
            ));
        }
        src.push_str("    i++;\n  } while (i < n);\n  return a + ',' + d;\n}\n");
        src.push_str("console.log(big({x: 3, y: 17}, 3), big({x: 1.5, y: 2 ** 40}, 2));\n");
        let interp = run_opts(
            &src,
            Options {
                jit: Some(false),
                ..opts()
            },
        );
        let (out, err) = run(&src, Some(0));
        assert_eq!(out, interp.0);
        assert!(err.contains("[tier] big: compiled"), "{err}");
        assert!(stat(&err, "code bytes") > 1 << 20, "{err}");
        assert_eq!(stat(&err, "compile failures"), 0, "{err}");
    });
}

/// A site that deoptimized keeps its inline cache check when the function is recompiled: a
/// miss there takes the generic path (no deopt), and hits stay inline. Here prototype changes
/// (each makes every cached prototype entry stale) deopt the method load `o.m` ten times;
/// after recompilation the refreshed entry serves the remaining calls inline.
#[test]
fn a_site_that_deoptimized_stays_inline_after_recompilation() {
    each_backend(|| {
        if !jit_available() {
            return;
        }
        let src = "function C() {}\n\
                   C.prototype.m = function () { return 2; };\n\
                   function call(o) { return o.m(); }\n\
                   let s = 0;\n\
                   for (let i = 0; i < 400; i++) { s += call(new C()); if (i % 20 === 19) C.prototype['x' + i] = i; }\n\
                   for (let i = 0; i < 3000; i++) s += call(new C());\n\
                   C.prototype.m = function () { return 3; };\n\
                   s += call(new C());\n\
                   console.log(s);\n";
        let (out, err) = run(src, Some(5));
        assert_eq!(out, "6803\n");
        assert!(err.contains("[tier] call: recompiled"), "{err}");
        assert_eq!(err.matches("[tier] call: deopt at").count(), 10, "{err}");
        let loads = step_ops(&err, "GetPropertyByName");
        // The prototype changes after recompilation (about ten) and the new `m`: no more.
        assert!(loads < 40, "{err}");
    });
}

#[test]
fn jit_isa_selects_the_back_end_and_turns_the_jit_on_where_it_runs() {
    let src = "function f(x) { return x + 1; } let t = 0; for (let i = 0; i < 500; i++) t = f(t); console.log(t);";
    for isa in JitIsa::ALL {
        let b = backend::of(isa);
        let opts = Options {
            jit_isa: Some(isa),
            stats: true,
            ..Options::default()
        };
        let o = run_source(src, "[test]", &[], &opts);
        let err = String::from_utf8_lossy(&o.stderr).to_string();
        assert_eq!(String::from_utf8_lossy(&o.stdout), "500\n");
        assert!(err.contains(&format!("jit: isa: {}\n", b.name)), "{err}");
        let on = b.executor != Backend::Unavailable;
        assert!(err.contains(&format!("jit: enabled: {on}\n")), "{err}");
        assert_eq!(stat(&err, "functions compiled"), on as u64, "{err}");
        assert_eq!(backend::parse_isa(isa.name()).is_ok(), on);
    }
    assert!(
        backend::parse_isa("mips")
            .unwrap_err()
            .contains("unknown ISA 'mips'")
    );
}
