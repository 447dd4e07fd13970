//! Targeted end-to-end checks of the engine through the in-process API: error reporting,
//! exit statuses, stack limits, GC behaviour and the bytecode printer.

use kiln::js::{Options, Outcome};
use kiln::run_source;

fn run(src: &str) -> Outcome {
    run_source(src, "test.js", &[], &Options::default())
}
fn out(o: &Outcome) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}
fn err(o: &Outcome) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

#[test]
fn prints_and_exits_zero() {
    let o = run("console.log('hi', 1 + 2, [1, 'a'], { b: null });");
    assert_eq!(out(&o), "hi 3 [ 1, 'a' ] { b: null }\n");
    assert_eq!(o.status, 0);
}

#[test]
fn syntax_error_has_location() {
    let o = run("let x = 1;\nlet y = ;\n");
    assert_eq!(o.status, 1);
    let e = err(&o);
    assert!(e.starts_with("test.js:2:"), "{e}");
    assert!(e.contains("SyntaxError"), "{e}");
}

#[test]
fn uncaught_error_reports_name_message_and_location() {
    let o = run("const x = 5;\nx();\n");
    assert_eq!(o.status, 1);
    let e = err(&o);
    assert!(e.contains("Uncaught TypeError: x is not a function"), "{e}");
    assert!(e.contains("test.js:2:1"), "{e}");
}

#[test]
fn uncaught_non_error_value() {
    let o = run("throw { code: 42 };");
    assert_eq!(o.status, 1);
    assert!(err(&o).contains("Uncaught { code: 42 }"), "{}", err(&o));
}

#[test]
fn process_exit_sets_status_and_skips_finally() {
    let o = run("console.log('a'); try { process.exit(3); } finally { console.log('no'); }");
    assert_eq!(o.status, 3);
    assert_eq!(out(&o), "a\n");
}

#[test]
fn deep_recursion_is_a_range_error() {
    let o = run(
        "function f(n) { return f(n + 1) + 1; }\ntry { f(0); } catch (e) { console.log(e instanceof RangeError, e.message); }",
    );
    assert_eq!(out(&o), "true Maximum call stack size exceeded\n");
}

#[test]
fn native_reentrancy_is_bounded() {
    let o =
        run("function g() { return [1].map(g); }\ntry { g(); } catch (e) { console.log(e.name); }");
    assert_eq!(out(&o), "RangeError\n");
}

#[test]
fn proxy_chains_100000_deep_are_range_errors() {
    // Each operation on the outermost proxy forwards to its target, a proxy, and so on: the
    // nesting ends in a RangeError (not a native stack overflow); IsArray walks iteratively.
    let o = run(concat!(
        "let p = {};\n",
        "for (let i = 0; i < 100000; i++) p = new Proxy(p, {});\n",
        "const ops = [() => p.x, () => { p.x = 1; }, () => 'x' in p, () => delete p.x,\n",
        "  () => Object.keys(p), () => Object.getPrototypeOf(p), () => p instanceof Object,\n",
        "  () => Object.getOwnPropertyDescriptor(p, 'x'), () => Object.isExtensible(p)];\n",
        "for (const f of ops) { try { f(); console.log('none'); } catch (e) { console.log(e.name); } }\n",
        "console.log(Array.isArray(p));\n",
    ));
    assert_eq!(out(&o), format!("{}false\n", "RangeError\n".repeat(9)));
}

#[test]
fn garbage_loop_stays_bounded() {
    let src = "let keep = 0;\nfor (let i = 0; i < 300000; i++) { const o = { a: [i, i], s: 'x' + i }; keep += o.a.length; }\nconsole.log(keep);";
    let opts = Options {
        stats: true,
        ..Options::default()
    };
    let o = run_source(src, "gc.js", &[], &opts);
    assert_eq!(out(&o), "600000\n");
    let e = err(&o);
    let runs: u64 = e
        .lines()
        .find_map(|l| l.strip_prefix("gc runs: "))
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0);
    assert!(runs >= 1, "{e}");
    let live: u64 = e
        .lines()
        .find_map(|l| l.strip_prefix("heap live after last gc: "))
        .and_then(|s| s.trim_end_matches(" bytes").parse().ok())
        .unwrap_or(u64::MAX);
    assert!(live < 16 << 20, "live heap {live}");
}

#[test]
fn gc_stress_keeps_live_objects() {
    let src = "const m = new Map(); const list = [];\nfor (let i = 0; i < 200; i++) { list.push({ i, s: 'v' + i }); m.set('k' + i, list[i]); }\nlet s = 0; for (const [k, v] of m) s += v.i + k.length;\nconsole.log(s, list[199].s, JSON.stringify(list.slice(0, 2)));";
    let opts = Options {
        gc_stress: true,
        ..Options::default()
    };
    let o = run_source(src, "s.js", &[], &opts);
    assert_eq!(
        out(&o),
        "20590 v199 [{\"i\":0,\"s\":\"v0\"},{\"i\":1,\"s\":\"v1\"}]\n",
        "{}",
        err(&o)
    );
}

#[test]
fn print_bytecode_lists_opcodes() {
    let opts = Options {
        print_bytecode: true,
        ..Options::default()
    };
    let o = run_source(
        "function add(a, b) { return a + b; }\nconsole.log(add(1, 2));",
        "b.js",
        &[],
        &opts,
    );
    let s = out(&o);
    assert!(s.contains("function add"), "{s}");
    assert!(s.contains("Add"), "{s}");
    assert!(s.contains("Return"), "{s}");
    assert!(s.ends_with("3\n"), "{s}");
}

#[test]
fn argv_is_visible() {
    let o = run_source(
        "console.log(process.argv.slice(2));",
        "a.js",
        &["x".into(), "y".into()],
        &Options::default(),
    );
    assert_eq!(out(&o), "[ 'x', 'y' ]\n");
}

#[test]
fn hundreds_of_registers_compile_and_run() {
    let vars: String = (0..300).map(|i| format!("let v{i} = {i};\n")).collect();
    let o = run(&format!(
        "function f() {{\n{vars}return v0 + v299;\n}}\nconsole.log(f());"
    ));
    assert_eq!((out(&o).as_str(), o.status), ("299\n", 0), "{}", err(&o));
}

#[test]
fn too_many_registers_is_a_syntax_error_at_the_function() {
    // 70000 live locals: past the 65535 registers a frame may have.
    let vars: String = (0..70_000).map(|i| format!("let v{i} = {i};")).collect();
    let o = run(&format!(
        "console.log(1);\n  function f() {{ {vars} return v0; }}\nconsole.log(f());"
    ));
    assert_eq!(o.status, 1);
    let e = err(&o);
    assert!(e.contains("test.js:2:3"), "{e}");
    assert!(
        e.contains("SyntaxError: function needs more than 65535 registers"),
        "{e}"
    );
    // Through the Function constructor it is a catchable SyntaxError.
    let o = run(&format!(
        "try {{ new Function({vars:?}); }} catch (e) {{ console.log(e.name, e.message); }}"
    ));
    assert_eq!(
        out(&o),
        "SyntaxError function needs more than 65535 registers\n",
        "{}",
        err(&o)
    );
}

#[test]
fn arrows_capture_this_in_derived_constructors() {
    let o = run(
        "class A { constructor() { this.base = 1; } }\nclass B extends A { constructor(items) { super(); this.items = items.map(x => this.wrap(x)); } wrap(x) { return x + this.base; } }\nconsole.log(new B([1, 2]).items);",
    );
    assert_eq!(out(&o), "[ 2, 3 ]\n", "{}", err(&o));
}

#[test]
fn strict_mode_store_errors() {
    let o = run(
        "'use strict';\nconst o = Object.freeze({ x: 1 });\ntry { o.x = 2; } catch (e) { console.log(e.message); }\ntry { undeclared = 1; } catch (e) { console.log(e.name); }",
    );
    assert_eq!(
        out(&o),
        "Cannot assign to read only property 'x' of object '#<Object>'\nReferenceError\n"
    );
}
