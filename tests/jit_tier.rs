//! Targeted end-to-end tests of the baseline JIT, in-process (compiled code runs natively on
//! aarch64 and in Unicorn elsewhere): tier-up after the threshold, OSR in a hot loop, deopts
//! on a new shape and on int32 overflow with correct results, exceptions raised in compiled
//! functions caught by interpreter frames, and `--no-jit`. Asserted through program output,
//! `--stats` and `--trace-tier` lines.

use kiln::exec::{BACKEND, Backend};
use kiln::js::{Options, Outcome, run_source};

fn run(src: &str, threshold: Option<u32>) -> (String, String) {
    let opts = Options {
        jit_threshold: threshold,
        stats: true,
        trace_tier: true,
        ..Options::default()
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

/// The number on the `--stats` line `jit: NAME: N`.
fn stat(err: &str, name: &str) -> u64 {
    let prefix = format!("jit: {name}: ");
    err.lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("no stats line {prefix:?} in {err}"))
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("stats line {name} is not a number"))
}

fn jit_available() -> bool {
    BACKEND != Backend::Unavailable
}

#[test]
fn a_function_tiers_up_after_the_threshold_and_not_before() {
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
}

#[test]
fn no_jit_and_no_threshold_never_compile() {
    let src = "function f(x) { return x + 1; } let t = 0; for (let i = 0; i < 50; i++) t = f(t); console.log(t);";
    let (out, err) = run(src, None);
    assert_eq!(out, "50\n");
    assert_eq!(stat(&err, "functions compiled"), 0);
    let opts = Options {
        jit_threshold: Some(0),
        no_jit: true,
        stats: true,
        ..Options::default()
    };
    let o = run_source(src, "[test]", &[], &opts);
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert_eq!(String::from_utf8_lossy(&o.stdout), "50\n");
    assert_eq!(stat(&err, "functions compiled"), 0);
}

#[test]
fn a_long_loop_in_code_run_once_enters_compiled_code_at_the_loop() {
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
}

#[test]
fn a_new_shape_at_a_compiled_property_access_deopts_with_the_right_result() {
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
}

#[test]
fn int32_overflow_in_compiled_code_continues_inline_with_the_double_result() {
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
}

#[test]
fn an_exception_in_a_compiled_function_is_caught_by_an_interpreter_frame() {
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
}

#[test]
fn an_exception_is_caught_by_a_handler_in_the_same_compiled_function() {
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
}
