//! Every Wasm trap kind ([`TrapCode`]), table-driven, on every back end this build runs and
//! in both memory modes (`bounds_checks` on and off): unreachable; integer division by zero
//! and overflow; trapping float-to-int conversions (NaN vs out of range); memory accesses of
//! every width at the last valid byte and one past it, with static offsets, after
//! `memory.grow`, and the bulk memory operations; table operations; `call_indirect`'s
//! undefined element, uninitialized element (naming the element) and signature mismatch;
//! unbounded recursion (call stack exhausted, never a crash). Each row is a module, an
//! export, its arguments and the expected results or trap (code and message); after every
//! trap the same instance keeps working. Also: traps during instantiation (segments, start
//! function), and `Trap`'s `Display` naming the function and the byte offset.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use TrapCode::*;
use Val::{F32, F64, I32, I64};
use kiln::jit::backend::{self, BackEnd};
use kiln::wasm::Trap;
use kiln::wasm::ctx::TrapCode;
use kiln::wasm::runtime::{Extern, InstanceId, InstantiateError, Store, StoreOptions, Val};
use kiln::wasm::types::{FuncType, ValType};
use pretty_assertions::assert_eq;

/// What a call did.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    Returns(Vec<Val>),
    Trap {
        code: Option<TrapCode>,
        message: String,
    },
}

/// One call: an export of the group's module, its arguments, what it must do.
struct Row {
    export: String,
    args: Vec<Val>,
    expect: Outcome,
}

/// A module and the calls made on one instance of it, in order (later rows see what
/// earlier ones did to memories and tables).
struct Group {
    name: &'static str,
    wat: String,
    rows: Vec<Row>,
}

/// Rows left out: `group: export[args]` labels (see [`label`]) on one back end (by name) or
/// all (`None`), each with the bug.
const SKIP: &[(&str, Option<&str>)] = &[];

/// The spec's wording of each trap (what `assert_trap` in the official tests expects).
fn spec_message(code: TrapCode) -> &'static str {
    match code {
        TrapCode::Unreachable => "unreachable",
        TrapCode::DivideByZero => "integer divide by zero",
        TrapCode::IntegerOverflow => "integer overflow",
        TrapCode::InvalidConversion => "invalid conversion to integer",
        TrapCode::MemoryOutOfBounds => "out of bounds memory access",
        TrapCode::TableOutOfBounds => "out of bounds table access",
        TrapCode::UndefinedElement => "undefined element",
        TrapCode::UninitializedElement => "uninitialized element",
        TrapCode::IndirectCallType => "indirect call type mismatch",
        TrapCode::StackExhausted => "call stack exhausted",
        TrapCode::Host => "host function failed",
    }
}

fn row(export: &str, args: &[Val], expect: Outcome) -> Row {
    Row {
        export: export.to_string(),
        args: args.to_vec(),
        expect,
    }
}

fn ok(vals: &[Val]) -> Outcome {
    Outcome::Returns(vals.to_vec())
}

fn trap(code: TrapCode) -> Outcome {
    Outcome::Trap {
        code: Some(code),
        message: spec_message(code).to_string(),
    }
}

fn trap_msg(code: TrapCode, message: &str) -> Outcome {
    Outcome::Trap {
        code: Some(code),
        message: message.to_string(),
    }
}

fn f32v(x: f32) -> Val {
    F32(x.to_bits())
}

fn f64v(x: f64) -> Val {
    F64(x.to_bits())
}

/// What every group's module gets besides its own functions: `ok`, a recursive sum of
/// 1..=100 (5050), called after each trap to show the instance (and its stacks) still work.
const OK_FUNCS: &str = r#"
  (func $__sum (param i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0))
      (then (i32.const 0))
      (else (i32.add (local.get 0) (call $__sum (i32.sub (local.get 0) (i32.const 1)))))))
  (func (export "ok") (result i32) (call $__sum (i32.const 100)))
"#;

fn module(body: &str) -> String {
    format!("(module\n{body}\n{OK_FUNCS})")
}

fn label(group: &str, r: &Row) -> String {
    format!("{group}: {}{:?}", r.export, r.args)
}

fn options(be: &BackEnd, bounds_checks: bool) -> StoreOptions {
    StoreOptions {
        isa: Some(be.isa),
        bounds_checks,
    }
}

fn outcome(store: &mut Store, inst: InstanceId, export: &str, args: &[Val]) -> Outcome {
    let Some(Extern::Func(f)) = store.export(inst, export) else {
        panic!("no exported function {export}");
    };
    match store.call(f, args) {
        Ok(v) => Outcome::Returns(v),
        Err(t) => Outcome::Trap {
            code: t.code,
            message: t.message,
        },
    }
}

/// Runs the groups on every back end in both memory modes: one store per back end and mode,
/// one instance per group; after each trap, `ok` on the same instance. Asserts per back end
/// and mode (every row's label with its outcome, so a diff shows the rows that differ).
fn run(groups: &[Group]) {
    for_each_mode(|store, expected, actual| {
        for g in groups {
            let loaded = store
                .load(g.wat.as_bytes())
                .unwrap_or_else(|e| panic!("{}: {e}", g.name));
            let inst = store
                .instantiate(&loaded, &mut |_, _| None)
                .unwrap_or_else(|e| panic!("{}: {e}", g.name));
            check_rows(store, inst, g, expected, actual);
        }
    });
}

/// Calls `body` with a fresh store per back end and memory mode, then asserts that the
/// lines it pushed to `expected` and `actual` agree.
fn for_each_mode(body: impl Fn(&mut Store, &mut Vec<String>, &mut Vec<String>)) {
    let backends = backend::available();
    assert!(!backends.is_empty(), "no back end runs here");
    for be in backends {
        for bounds_checks in [true, false] {
            let mode = format!("{} back end, bounds_checks: {bounds_checks}", be.name);
            let mut store = Store::new(options(be, bounds_checks));
            let (mut expected, mut actual) = (Vec::new(), Vec::new());
            body(&mut store, &mut expected, &mut actual);
            eprintln!("[{mode}]: {} checks", expected.len());
            assert_eq!(expected, actual, "{mode}");
        }
    }
}

/// Makes the calls of group `g` on instance `inst`, each trap followed by `ok`.
fn check_rows(
    store: &mut Store,
    inst: InstanceId,
    g: &Group,
    expected: &mut Vec<String>,
    actual: &mut Vec<String>,
) {
    for r in &g.rows {
        let l = label(g.name, r);
        let be = store.backend().name;
        if SKIP
            .iter()
            .any(|&(s, on)| s == l && on.is_none_or(|b| b == be))
        {
            continue;
        }
        let got = outcome(store, inst, &r.export, &r.args);
        let trapped = matches!(got, Outcome::Trap { .. });
        expected.push(format!("{l} -> {:?}", r.expect));
        actual.push(format!("{l} -> {got:?}"));
        if trapped {
            let after = outcome(store, inst, "ok", &[]);
            expected.push(format!("{l} then ok[] -> {:?}", ok(&[I32(5050)])));
            actual.push(format!("{l} then ok[] -> {after:?}"));
        }
    }
}

#[test]
fn unreachable() {
    let wat = module(
        r#"
  (func $inner (unreachable))
  (func (export "unreachable") (unreachable))
  (func (export "unreachable_i64") (result i64) (unreachable))
  (func (export "nested") (param i32) (result i32)
    (call $inner)
    (local.get 0))
  (func (export "after_work") (param i32) (result i32)
    (if (i32.gt_s (local.get 0) (i32.const 10)) (then (unreachable)))
    (i32.mul (local.get 0) (i32.const 3)))
  (func (export "in_loop") (param i32) (result i32)
    (loop $l
      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
      (br_if $l (i32.gt_s (local.get 0) (i32.const 0))))
    (unreachable))
"#,
    );
    run(&[Group {
        name: "unreachable",
        wat,
        rows: vec![
            row("unreachable", &[], trap(Unreachable)),
            row("unreachable_i64", &[], trap(Unreachable)),
            row("nested", &[I32(1)], trap(Unreachable)),
            row("after_work", &[I32(5)], ok(&[I32(15)])),
            row("after_work", &[I32(11)], trap(Unreachable)),
            row("after_work", &[I32(10)], ok(&[I32(30)])),
            row("in_loop", &[I32(100)], trap(Unreachable)),
        ],
    }]);
}

#[test]
fn integer_division() {
    let mut body = String::new();
    for ty in ["i32", "i64"] {
        for op in ["div_s", "div_u", "rem_s", "rem_u"] {
            body += &format!(
                "  (func (export \"{ty}.{op}\") (param {ty} {ty}) (result {ty}) \
                 ({ty}.{op} (local.get 0) (local.get 1)))\n"
            );
        }
        // A constant divisor (and constant operands) may take the compiler's other paths.
        body += &format!(
            r#"
  (func (export "{ty}.div_s_by_0") (param {ty}) (result {ty}) ({ty}.div_s (local.get 0) ({ty}.const 0)))
  (func (export "{ty}.rem_u_by_0") (param {ty}) (result {ty}) ({ty}.rem_u (local.get 0) ({ty}.const 0)))
  (func (export "{ty}.div_s_by_-1") (param {ty}) (result {ty}) ({ty}.div_s (local.get 0) ({ty}.const -1)))
  (func (export "{ty}.rem_s_by_-1") (param {ty}) (result {ty}) ({ty}.rem_s (local.get 0) ({ty}.const -1)))
"#
        );
    }
    body += r#"
  (func (export "i32.consts_min_by_-1") (result i32) (i32.div_s (i32.const 0x80000000) (i32.const -1)))
  (func (export "i64.consts_min_by_-1") (result i64) (i64.div_s (i64.const 0x8000000000000000) (i64.const -1)))
  (func (export "i32.consts_by_0") (result i32) (i32.rem_s (i32.const 7) (i32.const 0)))
  (func (export "i64.consts_by_0") (result i64) (i64.div_u (i64.const 7) (i64.const 0)))
  ;; i32 operands made from i64 values with other upper bits: the checks are 32-bit.
  (func (export "i32.div_u_wrapped") (param i64 i64) (result i32)
    (i32.div_u (i32.wrap_i64 (local.get 0)) (i32.wrap_i64 (local.get 1))))
  (func (export "i32.div_s_wrapped") (param i64 i64) (result i32)
    (i32.div_s (i32.wrap_i64 (local.get 0)) (i32.wrap_i64 (local.get 1))))
"#;
    let (i32min, i64min) = (I32(i32::MIN), I64(i64::MIN));
    let mut rows = Vec::new();
    for (ty, v, min) in [
        ("i32", I32 as fn(i32) -> Val, i32min),
        ("i64", (|x| I64(x as i64)) as fn(i32) -> Val, i64min),
    ] {
        let name = |op: &str| format!("{ty}.{op}");
        for op in ["div_s", "div_u", "rem_s", "rem_u"] {
            rows.push(row(&name(op), &[v(7), v(0)], trap(DivideByZero)));
            rows.push(row(&name(op), &[v(0), v(0)], trap(DivideByZero)));
            rows.push(row(&name(op), &[min, v(0)], trap(DivideByZero)));
        }
        rows.extend([
            row(&name("div_s"), &[min, v(-1)], trap(IntegerOverflow)),
            row(&name("div_s"), &[v(-7), v(2)], ok(&[v(-3)])),
            row(&name("div_s"), &[min, v(1)], ok(&[min])),
            row(&name("div_u"), &[min, v(-1)], ok(&[v(0)])),
            row(
                &name("div_u"),
                &[v(-1), v(2)],
                ok(&[if ty == "i32" {
                    v(i32::MAX)
                } else {
                    I64(i64::MAX)
                }]),
            ),
            row(&name("rem_s"), &[min, v(-1)], ok(&[v(0)])),
            row(&name("rem_s"), &[v(-7), v(2)], ok(&[v(-1)])),
            row(&name("rem_u"), &[min, v(-1)], ok(&[min])),
            row(&name("div_s_by_0"), &[v(5)], trap(DivideByZero)),
            row(&name("rem_u_by_0"), &[v(5)], trap(DivideByZero)),
            row(&name("div_s_by_-1"), &[min], trap(IntegerOverflow)),
            row(&name("div_s_by_-1"), &[v(5)], ok(&[v(-5)])),
            row(&name("rem_s_by_-1"), &[min], ok(&[v(0)])),
            row(&name("consts_min_by_-1"), &[], trap(IntegerOverflow)),
            row(&name("consts_by_0"), &[], trap(DivideByZero)),
        ]);
    }
    rows.extend([
        row(
            "i32.div_u_wrapped",
            &[I64(1), I64(1 << 32)],
            trap(DivideByZero),
        ),
        row(
            "i32.div_u_wrapped",
            &[I64(7), I64((1 << 32) | 1)],
            ok(&[I32(7)]),
        ),
        row(
            "i32.div_s_wrapped",
            &[I64(0x1234_5678_8000_0000), I64(0xffff_ffff)],
            trap(IntegerOverflow),
        ),
        row(
            "i32.div_s_wrapped",
            &[I64(0x8000_0000), I64(-1)],
            trap(IntegerOverflow),
        ),
        row(
            "i32.div_s_wrapped",
            &[I64(-0x8000_0000), I64(-1)],
            trap(IntegerOverflow),
        ),
        row(
            "i32.div_s_wrapped",
            &[I64(0x1_8000_0001), I64(0x1_ffff_ffff)],
            ok(&[I32(i32::MAX)]),
        ),
    ]);
    run(&[Group {
        name: "division",
        wat: module(&body),
        rows,
    }]);
}

#[test]
fn float_to_int_conversion() {
    let mut body = String::new();
    for (to, from) in [
        ("i32", "f32"),
        ("i32", "f64"),
        ("i64", "f32"),
        ("i64", "f64"),
    ] {
        for sign in ["s", "u"] {
            body += &format!(
                "  (func (export \"{to}.trunc_{from}_{sign}\") (param {from}) (result {to}) \
                 ({to}.trunc_{from}_{sign} (local.get 0)))\n"
            );
        }
    }
    body += r#"
  (func (export "i32.trunc_sat_f64_s") (param f64) (result i32) (i32.trunc_sat_f64_s (local.get 0)))
  (func (export "i64.trunc_sat_f32_u") (param f32) (result i64) (i64.trunc_sat_f32_u (local.get 0)))
  (func (export "const_nan") (result i32) (i32.trunc_f32_s (f32.const nan)))
  (func (export "const_1e10") (result i32) (i32.trunc_f64_s (f64.const 1e10)))
"#;
    let nan32 = [
        F32(0x7fc0_0000),
        F32(0xffc0_0000),
        F32(0x7fa0_0000),
        F32(0x7f80_0001),
    ];
    let nan64 = [
        F64(0x7ff8_0000_0000_0000),
        F64(0xfff8_0000_0000_0000),
        F64(0x7ff0_0000_0000_0001),
    ];
    let mut rows = Vec::new();
    for name in [
        "i32.trunc_f32_s",
        "i32.trunc_f32_u",
        "i64.trunc_f32_s",
        "i64.trunc_f32_u",
    ] {
        for n in nan32 {
            rows.push(row(name, &[n], trap(InvalidConversion)));
        }
        rows.push(row(name, &[f32v(f32::INFINITY)], trap(IntegerOverflow)));
        rows.push(row(name, &[f32v(f32::NEG_INFINITY)], trap(IntegerOverflow)));
        rows.push(row(name, &[f32v(1e30)], trap(IntegerOverflow)));
    }
    for name in [
        "i32.trunc_f64_s",
        "i32.trunc_f64_u",
        "i64.trunc_f64_s",
        "i64.trunc_f64_u",
    ] {
        for n in nan64 {
            rows.push(row(name, &[n], trap(InvalidConversion)));
        }
        rows.push(row(name, &[f64v(f64::INFINITY)], trap(IntegerOverflow)));
        rows.push(row(name, &[f64v(f64::NEG_INFINITY)], trap(IntegerOverflow)));
        rows.push(row(name, &[f64v(1e300)], trap(IntegerOverflow)));
    }
    rows.extend([
        // The boundaries: the last value in range converts, the first one outside traps.
        row("i32.trunc_f32_s", &[f32v(1e10)], trap(IntegerOverflow)),
        row(
            "i32.trunc_f32_s",
            &[F32(0x4f00_0000)],
            trap(IntegerOverflow),
        ), // 2^31
        row("i32.trunc_f32_s", &[F32(0xcf00_0000)], ok(&[I32(i32::MIN)])), // -2^31
        row(
            "i32.trunc_f32_s",
            &[F32(0xcf00_0001)],
            trap(IntegerOverflow),
        ),
        row("i32.trunc_f32_s", &[f32v(-1.9)], ok(&[I32(-1)])),
        row(
            "i32.trunc_f32_u",
            &[F32(0x4f80_0000)],
            trap(IntegerOverflow),
        ), // 2^32
        row("i32.trunc_f32_u", &[F32(0x4f7f_ffff)], ok(&[I32(-256)])),
        row("i32.trunc_f32_u", &[f32v(-0.9)], ok(&[I32(0)])),
        row("i32.trunc_f32_u", &[f32v(-1.0)], trap(IntegerOverflow)),
        row("i32.trunc_f64_s", &[f64v(1e10)], trap(IntegerOverflow)),
        row(
            "i32.trunc_f64_s",
            &[f64v(2147483647.9)],
            ok(&[I32(i32::MAX)]),
        ),
        row(
            "i32.trunc_f64_s",
            &[f64v(2147483648.0)],
            trap(IntegerOverflow),
        ),
        row(
            "i32.trunc_f64_s",
            &[f64v(-2147483648.9)],
            ok(&[I32(i32::MIN)]),
        ),
        row(
            "i32.trunc_f64_s",
            &[f64v(-2147483649.0)],
            trap(IntegerOverflow),
        ),
        row("i32.trunc_f64_s", &[f64v(-0.0)], ok(&[I32(0)])),
        row("i32.trunc_f64_u", &[f64v(4294967295.9)], ok(&[I32(-1)])),
        row(
            "i32.trunc_f64_u",
            &[f64v(4294967296.0)],
            trap(IntegerOverflow),
        ),
        row("i32.trunc_f64_u", &[f64v(-0.9)], ok(&[I32(0)])),
        row("i32.trunc_f64_u", &[f64v(-1.0)], trap(IntegerOverflow)),
        row("i32.trunc_f64_u", &[f64v(1e10)], trap(IntegerOverflow)),
        row(
            "i64.trunc_f32_s",
            &[F32(0x5f00_0000)],
            trap(IntegerOverflow),
        ), // 2^63
        row("i64.trunc_f32_s", &[F32(0xdf00_0000)], ok(&[I64(i64::MIN)])), // -2^63
        row("i64.trunc_f32_s", &[f32v(1e10)], ok(&[I64(10_000_000_000)])),
        row(
            "i64.trunc_f32_u",
            &[F32(0x5f80_0000)],
            trap(IntegerOverflow),
        ), // 2^64
        row(
            "i64.trunc_f32_u",
            &[F32(0x5f7f_ffff)],
            ok(&[I64(0xffff_ff00_0000_0000u64 as i64)]),
        ),
        row("i64.trunc_f32_u", &[f32v(-0.9)], ok(&[I64(0)])),
        row("i64.trunc_f32_u", &[f32v(-1.0)], trap(IntegerOverflow)),
        row(
            "i64.trunc_f64_s",
            &[f64v(9223372036854775808.0)],
            trap(IntegerOverflow),
        ),
        row(
            "i64.trunc_f64_s",
            &[f64v(9223372036854774784.0)],
            ok(&[I64(9223372036854774784)]),
        ),
        row(
            "i64.trunc_f64_s",
            &[f64v(-9223372036854775808.0)],
            ok(&[I64(i64::MIN)]),
        ),
        row(
            "i64.trunc_f64_s",
            &[F64(0xc3e0_0000_0000_0001)],
            trap(IntegerOverflow),
        ),
        row(
            "i64.trunc_f64_u",
            &[f64v(18446744073709551616.0)],
            trap(IntegerOverflow),
        ),
        row(
            "i64.trunc_f64_u",
            &[f64v(18446744073709549568.0)],
            ok(&[I64(-2048)]),
        ),
        row(
            "i64.trunc_f64_u",
            &[f64v(9223372036854775808.0)],
            ok(&[I64(i64::MIN)]),
        ),
        row("i64.trunc_f64_u", &[f64v(-0.9)], ok(&[I64(0)])),
        row("i64.trunc_f64_u", &[f64v(-1.0)], trap(IntegerOverflow)),
        // Saturating conversions never trap.
        row("i32.trunc_sat_f64_s", &[nan64[0]], ok(&[I32(0)])),
        row("i32.trunc_sat_f64_s", &[f64v(1e10)], ok(&[I32(i32::MAX)])),
        row("i32.trunc_sat_f64_s", &[f64v(-1e10)], ok(&[I32(i32::MIN)])),
        row("i64.trunc_sat_f32_u", &[nan32[1]], ok(&[I64(0)])),
        row("i64.trunc_sat_f32_u", &[f32v(-5.0)], ok(&[I64(0)])),
        row(
            "i64.trunc_sat_f32_u",
            &[f32v(f32::INFINITY)],
            ok(&[I64(-1)]),
        ),
        row("const_nan", &[], trap(InvalidConversion)),
        row("const_1e10", &[], trap(IntegerOverflow)),
    ]);
    run(&[Group {
        name: "conversion",
        wat: module(&body),
        rows,
    }]);
}

/// Bytes of a one-page memory's last 8 bytes in the loads' module.
const TAIL: [u8; 8] = [0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8];
const PAGE: i32 = 65536;

/// Loads: (operator, width, result type).
const LOADS: &[(&str, usize, &str)] = &[
    ("i32.load", 4, "i32"),
    ("i64.load", 8, "i64"),
    ("f32.load", 4, "f32"),
    ("f64.load", 8, "f64"),
    ("i32.load8_s", 1, "i32"),
    ("i32.load8_u", 1, "i32"),
    ("i32.load16_s", 2, "i32"),
    ("i32.load16_u", 2, "i32"),
    ("i64.load8_s", 1, "i64"),
    ("i64.load8_u", 1, "i64"),
    ("i64.load16_s", 2, "i64"),
    ("i64.load16_u", 2, "i64"),
    ("i64.load32_s", 4, "i64"),
    ("i64.load32_u", 4, "i64"),
];

/// Stores: (operator, width, value type).
const STORES: &[(&str, usize, &str)] = &[
    ("i32.store", 4, "i32"),
    ("i64.store", 8, "i64"),
    ("f32.store", 4, "f32"),
    ("f64.store", 8, "f64"),
    ("i32.store8", 1, "i32"),
    ("i32.store16", 2, "i32"),
    ("i64.store8", 1, "i64"),
    ("i64.store16", 2, "i64"),
    ("i64.store32", 4, "i64"),
];

/// The value `op` loads from `bytes` (little-endian, `bytes.len()` = its width).
fn loaded(op: &str, bytes: &[u8]) -> Val {
    let mut b8 = [0u8; 8];
    b8[..bytes.len()].copy_from_slice(bytes);
    let u = u64::from_le_bytes(b8);
    let bits = 8 * bytes.len() as u32;
    let s = ((u << (64 - bits)) as i64) >> (64 - bits);
    match op {
        "f32.load" => F32(u as u32),
        "f64.load" => F64(u),
        _ if op.starts_with("i32") && op.ends_with("_u") => I32(u as u32 as i32),
        _ if op.starts_with("i32") => I32(s as i32),
        _ if op.ends_with("_u") || op == "i64.load" => I64(u as i64),
        _ => I64(s),
    }
}

#[test]
fn memory_access_every_width() {
    // Loads of every width: the last valid address reads the memory's last bytes, one
    // further (and far beyond, and the highest 32-bit address) traps.
    let mut loads = String::from("  (memory 1)\n  (data (i32.const 65528) \"");
    for b in TAIL {
        loads += &format!("\\{b:02x}");
    }
    loads += "\")\n";
    let mut rows = Vec::new();
    for &(op, width, ty) in LOADS {
        loads +=
            &format!("  (func (export \"{op}\") (param i32) (result {ty}) ({op} (local.get 0)))\n");
        let last = PAGE - width as i32;
        let value = loaded(op, &TAIL[8 - width..]);
        rows.extend([
            row(op, &[I32(last)], ok(&[value])),
            row(op, &[I32(last + 1)], trap(MemoryOutOfBounds)),
            row(op, &[I32(PAGE)], trap(MemoryOutOfBounds)),
            row(op, &[I32(PAGE * 4)], trap(MemoryOutOfBounds)),
            row(op, &[I32(-1)], trap(MemoryOutOfBounds)),
            row(op, &[I32(i32::MIN)], trap(MemoryOutOfBounds)),
            row(op, &[I32(last)], ok(&[value])),
        ]);
    }
    let load_group = Group {
        name: "loads",
        wat: module(&loads),
        rows,
    };

    // Stores of every width: at the last valid address the value lands in the last bytes
    // (`tail` reads them), one further traps and changes nothing.
    let mut stores = String::from(
        "  (memory 1)\n  (func (export \"tail\") (result i64) (i64.load (i32.const 65528)))\n",
    );
    let mut mem = [0u8; 8];
    let mut rows = Vec::new();
    for (k, &(op, width, ty)) in STORES.iter().enumerate() {
        stores += &format!(
            "  (func (export \"{op}\") (param i32 {ty}) ({op} (local.get 0) (local.get 1)))\n"
        );
        let raw = 0x8182_8384_8586_8788u64.wrapping_add(0x1111_1111_1111_1111 * k as u64);
        let value = match ty {
            "i32" => I32(raw as u32 as i32),
            "i64" => I64(raw as i64),
            "f32" => F32(raw as u32),
            _ => F64(raw),
        };
        let last = PAGE - width as i32;
        mem[8 - width..].copy_from_slice(&raw.to_le_bytes()[..width]);
        let tail = ok(&[I64(u64::from_le_bytes(mem) as i64)]);
        rows.extend([
            row(op, &[I32(last), value], ok(&[])),
            row("tail", &[], tail.clone()),
            row(op, &[I32(last + 1), value], trap(MemoryOutOfBounds)),
            row(op, &[I32(-1), value], trap(MemoryOutOfBounds)),
            row(op, &[I32(PAGE), value], trap(MemoryOutOfBounds)),
            row("tail", &[], tail),
        ]);
    }
    let store_group = Group {
        name: "stores",
        wat: module(&stores),
        rows,
    };
    run(&[load_group, store_group]);
}

#[test]
fn memory_static_offsets() {
    let wat = module(
        r#"
  (memory 1)
  (func (export "i32.load offset=65532") (param i32) (result i32) (i32.load offset=65532 (local.get 0)))
  (func (export "i64.load offset=65528") (param i32) (result i64) (i64.load offset=65528 (local.get 0)))
  (func (export "i32.load8_u offset=65535") (param i32) (result i32) (i32.load8_u offset=65535 (local.get 0)))
  (func (export "i32.load8_u offset=65536") (param i32) (result i32) (i32.load8_u offset=65536 (local.get 0)))
  (func (export "i32.load offset=4") (param i32) (result i32) (i32.load offset=4 (local.get 0)))
  (func (export "i32.load offset=0x7fffffff") (param i32) (result i32) (i32.load offset=0x7fffffff (local.get 0)))
  (func (export "i32.load offset=0xffffffff") (param i32) (result i32) (i32.load offset=0xffffffff (local.get 0)))
  (func (export "i64.load offset=0xfffffff8") (param i32) (result i64) (i64.load offset=0xfffffff8 (local.get 0)))
  (func (export "i32.load8_u offset=0xffffffff") (param i32) (result i32) (i32.load8_u offset=0xffffffff (local.get 0)))
  (func (export "i32.store8 offset=65535") (param i32) (i32.store8 offset=65535 (local.get 0) (i32.const 0x5a)))
  (func (export "i64.store offset=0xffffffff") (param i32) (i64.store offset=0xffffffff (local.get 0) (i64.const 1)))
  (func (export "f64.store offset=65528") (param i32) (f64.store offset=65528 (local.get 0) (f64.const 2.5)))
  ;; Constant addresses (the compiler may fold them with the offset).
  (func (export "const 65532") (result i32) (i32.load (i32.const 65532)))
  (func (export "const 65533") (result i32) (i32.load (i32.const 65533)))
  (func (export "const -4 offset=4") (result i32) (i32.load offset=4 (i32.const -4)))
  (func (export "const 1 offset=0xffffffff") (result i32) (i32.load8_u offset=0xffffffff (i32.const 1)))
  (func (export "const 0 offset=65535") (result i32) (i32.load8_u offset=65535 (i32.const 0)))
"#,
    );
    let t = || trap(MemoryOutOfBounds);
    let rows = vec![
        row("i32.load offset=65532", &[I32(0)], ok(&[I32(0)])),
        row("i32.load offset=65532", &[I32(1)], t()),
        row("i32.load offset=65532", &[I32(-65532)], t()),
        row("i32.load offset=65532", &[I32(-1)], t()),
        row("i64.load offset=65528", &[I32(0)], ok(&[I64(0)])),
        row("i64.load offset=65528", &[I32(1)], t()),
        row("i32.load8_u offset=65535", &[I32(0)], ok(&[I32(0)])),
        row("i32.load8_u offset=65535", &[I32(1)], t()),
        row("i32.load8_u offset=65536", &[I32(0)], t()),
        // Address + offset is computed without wrapping to 32 bits.
        row("i32.load offset=4", &[I32(-4)], t()),
        row("i32.load offset=4", &[I32(-8)], t()),
        row("i32.load offset=4", &[I32(65528)], ok(&[I32(0)])),
        row("i32.load offset=4", &[I32(65529)], t()),
        row("i32.load offset=0x7fffffff", &[I32(0)], t()),
        row("i32.load offset=0x7fffffff", &[I32(i32::MIN + 1)], t()),
        row("i32.load offset=0xffffffff", &[I32(0)], t()),
        row("i32.load offset=0xffffffff", &[I32(1)], t()),
        row("i32.load offset=0xffffffff", &[I32(-1)], t()),
        row("i64.load offset=0xfffffff8", &[I32(8)], t()),
        row("i64.load offset=0xfffffff8", &[I32(-0xfff8)], t()),
        row("i32.load8_u offset=0xffffffff", &[I32(0)], t()),
        row("i32.load8_u offset=0xffffffff", &[I32(1)], t()),
        row("i32.load8_u offset=0xffffffff", &[I32(-1)], t()),
        row("i32.store8 offset=65535", &[I32(0)], ok(&[])),
        row("i32.load8_u offset=65535", &[I32(0)], ok(&[I32(0x5a)])),
        row("i32.store8 offset=65535", &[I32(1)], t()),
        row("i32.store8 offset=65535", &[I32(-1)], t()),
        row("i64.store offset=0xffffffff", &[I32(0)], t()),
        row("i64.store offset=0xffffffff", &[I32(1)], t()),
        row("f64.store offset=65528", &[I32(0)], ok(&[])),
        row(
            "i64.load offset=65528",
            &[I32(0)],
            ok(&[I64(2.5f64.to_bits() as i64)]),
        ),
        row("f64.store offset=65528", &[I32(1)], t()),
        row(
            "i64.load offset=65528",
            &[I32(0)],
            ok(&[I64(2.5f64.to_bits() as i64)]),
        ),
        // The f64 2.5 stored at 65528 is 0x4004_0000_0000_0000: its last four bytes.
        row("const 65532", &[], ok(&[I32(0x4004_0000)])),
        row("const 65533", &[], t()),
        row("const -4 offset=4", &[], t()),
        row("const 1 offset=0xffffffff", &[], t()),
        row("const 0 offset=65535", &[], ok(&[I32(0x40)])),
    ];
    run(&[Group {
        name: "offsets",
        wat,
        rows,
    }]);
}

#[test]
fn memory_grow() {
    let wat = module(
        r#"
  (memory 1 3)
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "size") (result i32) (memory.size))
  (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0)))
  (func (export "store8") (param i32 i32) (i32.store8 (local.get 0) (local.get 1)))
  (func (export "load64") (param i32) (result i64) (i64.load (local.get 0)))
  (func (export "store64") (param i32 i64) (i64.store (local.get 0) (local.get 1)))
  ;; Grows and reads the new last byte in the same function.
  (func (export "grow_then_load") (param i32) (result i32)
    (drop (memory.grow (i32.const 1)))
    (i32.load8_u (local.get 0)))
"#,
    );
    let t = || trap(MemoryOutOfBounds);
    let rows = vec![
        row("size", &[], ok(&[I32(1)])),
        row("load8", &[I32(65535)], ok(&[I32(0)])),
        row("load8", &[I32(65536)], t()),
        row("grow", &[I32(1)], ok(&[I32(1)])),
        row("size", &[], ok(&[I32(2)])),
        row("store8", &[I32(131071), I32(0x5a)], ok(&[])),
        row("load8", &[I32(131071)], ok(&[I32(0x5a)])),
        row("load8", &[I32(131072)], t()),
        row("store8", &[I32(131072), I32(1)], t()),
        row("load64", &[I32(131064)], ok(&[I64(0x5a00_0000_0000_0000)])),
        row("load64", &[I32(131065)], t()),
        row("store64", &[I32(131065), I64(-1)], t()),
        row("load64", &[I32(131064)], ok(&[I64(0x5a00_0000_0000_0000)])),
        // Past the maximum: -1, nothing changes.
        row("grow", &[I32(2)], ok(&[I32(-1)])),
        row("size", &[], ok(&[I32(2)])),
        row("load8", &[I32(131072)], t()),
        row("grow_then_load", &[I32(196607)], ok(&[I32(0)])),
        row("size", &[], ok(&[I32(3)])),
        row("load8", &[I32(196608)], t()),
        row("grow_then_load", &[I32(196608)], t()),
        row("size", &[], ok(&[I32(3)])),
        row("grow", &[I32(0)], ok(&[I32(3)])),
        row("store64", &[I32(196600), I64(7)], ok(&[])),
        row("load64", &[I32(196600)], ok(&[I64(7)])),
        row("load64", &[I32(196601)], t()),
    ];
    // A memory without a maximum, and one of zero pages.
    let unbounded = module(
        r#"
  (memory 0)
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0)))
"#,
    );
    let unbounded_rows = vec![
        row("load8", &[I32(0)], t()),
        row("grow", &[I32(1)], ok(&[I32(0)])),
        row("load8", &[I32(0)], ok(&[I32(0)])),
        row("load8", &[I32(65535)], ok(&[I32(0)])),
        row("load8", &[I32(65536)], t()),
        row("grow", &[I32(65536)], ok(&[I32(-1)])),
        row("load8", &[I32(65536)], t()),
    ];
    run(&[
        Group {
            name: "grow",
            wat,
            rows,
        },
        Group {
            name: "grow from 0",
            wat: unbounded,
            rows: unbounded_rows,
        },
    ]);
}

#[test]
fn bulk_memory() {
    let wat = module(
        r#"
  (memory 1)
  (data $d "abcd")
  (data $active (i32.const 16) "xy")
  (func (export "fill") (param i32 i32 i32) (memory.fill (local.get 0) (local.get 1) (local.get 2)))
  (func (export "copy") (param i32 i32 i32) (memory.copy (local.get 0) (local.get 1) (local.get 2)))
  (func (export "init") (param i32 i32 i32) (memory.init $d (local.get 0) (local.get 1) (local.get 2)))
  (func (export "init_active") (param i32 i32 i32) (memory.init $active (local.get 0) (local.get 1) (local.get 2)))
  (func (export "drop") (data.drop $d))
  (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0)))
"#,
    );
    let t = || trap(MemoryOutOfBounds);
    let rows = vec![
        row("fill", &[I32(65535), I32(7), I32(1)], ok(&[])),
        row("load8", &[I32(65535)], ok(&[I32(7)])),
        row("fill", &[I32(65535), I32(9), I32(2)], t()),
        row("load8", &[I32(65535)], ok(&[I32(7)])),
        row("fill", &[I32(65536), I32(0), I32(0)], ok(&[])),
        row("fill", &[I32(65537), I32(0), I32(0)], t()),
        row("fill", &[I32(-1), I32(0), I32(1)], t()),
        row("fill", &[I32(0), I32(0), I32(-1)], t()),
        row("fill", &[I32(1), I32(0), I32(65536)], t()),
        row("load8", &[I32(1)], ok(&[I32(0)])),
        row("copy", &[I32(65534), I32(65535), I32(2)], t()),
        row("copy", &[I32(65535), I32(65534), I32(2)], t()),
        row("copy", &[I32(65534), I32(65535), I32(1)], ok(&[])),
        row("load8", &[I32(65534)], ok(&[I32(7)])),
        row("copy", &[I32(65536), I32(0), I32(0)], ok(&[])),
        row("copy", &[I32(0), I32(65536), I32(0)], ok(&[])),
        row("copy", &[I32(65537), I32(0), I32(0)], t()),
        row("copy", &[I32(0), I32(65537), I32(0)], t()),
        row("copy", &[I32(0), I32(-1), I32(1)], t()),
        row("copy", &[I32(0), I32(16), I32(2)], ok(&[])),
        row("load8", &[I32(1)], ok(&[I32(b'y' as i32)])),
        row("init", &[I32(65532), I32(0), I32(4)], ok(&[])),
        row("load8", &[I32(65535)], ok(&[I32(b'd' as i32)])),
        row("init", &[I32(65533), I32(0), I32(4)], t()),
        row("init", &[I32(0), I32(1), I32(4)], t()),
        row("init", &[I32(0), I32(4), I32(0)], ok(&[])),
        row("init", &[I32(0), I32(5), I32(0)], t()),
        row("init", &[I32(65536), I32(0), I32(0)], ok(&[])),
        row("init", &[I32(65537), I32(0), I32(0)], t()),
        row("init", &[I32(-1), I32(0), I32(1)], t()),
        row("load8", &[I32(65533)], ok(&[I32(b'b' as i32)])),
        // Active segments are dropped after instantiation, `data.drop` drops the other.
        row("init_active", &[I32(0), I32(0), I32(1)], t()),
        row("init_active", &[I32(0), I32(0), I32(0)], ok(&[])),
        row("drop", &[], ok(&[])),
        row("init", &[I32(0), I32(0), I32(1)], t()),
        row("init", &[I32(0), I32(0), I32(0)], ok(&[])),
        row("init", &[I32(0), I32(1), I32(0)], t()),
        row("drop", &[], ok(&[])),
    ];
    run(&[Group {
        name: "bulk",
        wat,
        rows,
    }]);
}

#[test]
fn table_access() {
    let wat = module(
        r#"
  (table $t 3 funcref)
  (table $u 2 funcref)
  (func $a (result i32) (i32.const 1))
  (func $b (result i32) (i32.const 2))
  (elem (table $t) (i32.const 0) func $a $b)
  (elem $p func $a $b)
  (func (export "is_null") (param i32) (result i32) (ref.is_null (table.get $t (local.get 0))))
  (func (export "set_null") (param i32) (table.set $t (local.get 0) (ref.null func)))
  (func (export "set_a") (param i32) (table.set $t (local.get 0) (ref.func $a)))
  (func (export "fill_b") (param i32 i32) (table.fill $t (local.get 0) (ref.func $b) (local.get 1)))
  (func (export "copy") (param i32 i32 i32) (table.copy $t $t (local.get 0) (local.get 1) (local.get 2)))
  (func (export "copy_to_u") (param i32 i32 i32) (table.copy $u $t (local.get 0) (local.get 1) (local.get 2)))
  (func (export "init") (param i32 i32 i32) (table.init $t $p (local.get 0) (local.get 1) (local.get 2)))
  (func (export "drop") (elem.drop $p))
  (func (export "size") (result i32) (table.size $t))
  (func (export "grow") (param i32) (result i32) (table.grow $t (ref.null func) (local.get 0)))
  (func (export "call") (param i32) (result i32) (call_indirect $t (result i32) (local.get 0)))
  (func (export "call_u") (param i32) (result i32) (call_indirect $u (result i32) (local.get 0)))
"#,
    );
    let t = || trap(TableOutOfBounds);
    // The table starts as [a, b, null]; comments give it after each change.
    let rows = vec![
        row("is_null", &[I32(0)], ok(&[I32(0)])),
        row("is_null", &[I32(2)], ok(&[I32(1)])),
        row("is_null", &[I32(3)], t()),
        row("is_null", &[I32(-1)], t()),
        row("set_null", &[I32(3)], t()),
        row("set_a", &[I32(3)], t()),
        row("set_a", &[I32(-1)], t()),
        row("set_a", &[I32(2)], ok(&[])), // [a, b, a]
        row("call", &[I32(2)], ok(&[I32(1)])),
        row("set_null", &[I32(2)], ok(&[])), // [a, b, null]
        row("fill_b", &[I32(2), I32(2)], t()),
        row("is_null", &[I32(2)], ok(&[I32(1)])),
        row("fill_b", &[I32(2), I32(1)], ok(&[])), // [a, b, b]
        row("call", &[I32(2)], ok(&[I32(2)])),
        row("fill_b", &[I32(3), I32(0)], ok(&[])),
        row("fill_b", &[I32(4), I32(0)], t()),
        row("fill_b", &[I32(0), I32(-1)], t()),
        row("copy", &[I32(1), I32(0), I32(2)], ok(&[])), // [a, a, b]
        row("call", &[I32(1)], ok(&[I32(1)])),
        row("call", &[I32(2)], ok(&[I32(2)])),
        row("copy", &[I32(2), I32(0), I32(2)], t()),
        row("copy", &[I32(0), I32(2), I32(2)], t()),
        row("copy", &[I32(3), I32(0), I32(0)], ok(&[])),
        row("copy", &[I32(0), I32(3), I32(0)], ok(&[])),
        row("copy", &[I32(4), I32(0), I32(0)], t()),
        row("copy", &[I32(0), I32(4), I32(0)], t()),
        row("copy_to_u", &[I32(1), I32(0), I32(2)], t()),
        row("copy_to_u", &[I32(0), I32(2), I32(2)], t()),
        row("copy_to_u", &[I32(0), I32(1), I32(2)], ok(&[])), // u: [a, b]
        row("call_u", &[I32(1)], ok(&[I32(2)])),
        row("init", &[I32(1), I32(0), I32(2)], ok(&[])), // [a, a, b]
        row("call", &[I32(2)], ok(&[I32(2)])),
        row("init", &[I32(2), I32(0), I32(2)], t()),
        row("init", &[I32(0), I32(1), I32(2)], t()),
        row("init", &[I32(0), I32(2), I32(0)], ok(&[])),
        row("init", &[I32(0), I32(3), I32(0)], t()),
        row("init", &[I32(3), I32(0), I32(0)], ok(&[])),
        row("init", &[I32(4), I32(0), I32(0)], t()),
        row("drop", &[], ok(&[])),
        row("init", &[I32(0), I32(0), I32(1)], t()),
        row("init", &[I32(0), I32(0), I32(0)], ok(&[])),
        row("grow", &[I32(1)], ok(&[I32(3)])), // [a, a, b, null]
        row("size", &[], ok(&[I32(4)])),
        row("is_null", &[I32(3)], ok(&[I32(1)])),
        row("is_null", &[I32(4)], t()),
        row(
            "call",
            &[I32(3)],
            trap_msg(UninitializedElement, "uninitialized element 3"),
        ),
        row("call", &[I32(4)], trap(UndefinedElement)),
        row("set_a", &[I32(3)], ok(&[])),
        row("call", &[I32(3)], ok(&[I32(1)])),
    ];
    run(&[Group {
        name: "table",
        wat,
        rows,
    }]);
}

#[test]
fn call_indirect() {
    let wat = module(
        r#"
  (type $ii (func (param i32) (result i32)))
  (type $ii2 (func (param i32) (result i32)))
  (type $l (func (result i64)))
  (table 5 funcref)
  (elem (i32.const 0) $double $seven)
  (elem (i32.const 3) $triple)
  (func $double (type $ii) (i32.mul (local.get 0) (i32.const 2)))
  (func $seven (type $l) (i64.const 7))
  ;; A different type index of the same type: calls through $ii match it.
  (func $triple (type $ii2) (i32.mul (local.get 0) (i32.const 3)))
  (func (export "call_ii") (param i32 i32) (result i32)
    (call_indirect (type $ii) (local.get 1) (local.get 0)))
  (func (export "call_l") (param i32) (result i64)
    (call_indirect (type $l) (local.get 0)))
  (func (export "call_v") (param i32)
    (call_indirect (local.get 0)))
  (func (export "call_const_2") (result i32)
    (call_indirect (type $ii) (i32.const 1) (i32.const 2)))
  (func (export "call_const_7") (result i64)
    (call_indirect (type $l) (i32.const 7)))
  (func (export "call_const_0") (result i64)
    (call_indirect (type $l) (i32.const 0)))
  ;; The index from an i64 with other upper bits.
  (func (export "call_wrapped") (param i64) (result i64)
    (call_indirect (type $l) (i32.wrap_i64 (local.get 0))))
"#,
    );
    let uninit = |i: u32| trap_msg(UninitializedElement, &format!("uninitialized element {i}"));
    let rows = vec![
        row("call_ii", &[I32(0), I32(21)], ok(&[I32(42)])),
        row("call_ii", &[I32(3), I32(5)], ok(&[I32(15)])),
        row("call_l", &[I32(1)], ok(&[I64(7)])),
        row("call_ii", &[I32(1), I32(0)], trap(IndirectCallType)),
        row("call_l", &[I32(0)], trap(IndirectCallType)),
        row("call_l", &[I32(3)], trap(IndirectCallType)),
        row("call_v", &[I32(0)], trap(IndirectCallType)),
        row("call_ii", &[I32(2), I32(0)], uninit(2)),
        row("call_ii", &[I32(4), I32(0)], uninit(4)),
        row("call_l", &[I32(2)], uninit(2)),
        row("call_v", &[I32(4)], uninit(4)),
        row("call_ii", &[I32(5), I32(0)], trap(UndefinedElement)),
        row("call_ii", &[I32(-1), I32(0)], trap(UndefinedElement)),
        row("call_ii", &[I32(i32::MAX), I32(0)], trap(UndefinedElement)),
        row("call_ii", &[I32(i32::MIN), I32(0)], trap(UndefinedElement)),
        row("call_v", &[I32(5)], trap(UndefinedElement)),
        row("call_const_2", &[], uninit(2)),
        row("call_const_7", &[], trap(UndefinedElement)),
        row("call_const_0", &[], trap(IndirectCallType)),
        row("call_wrapped", &[I64(1 << 32)], trap(IndirectCallType)),
        row("call_wrapped", &[I64((1 << 32) | 1)], ok(&[I64(7)])),
        row("call_wrapped", &[I64((1 << 32) | 2)], uninit(2)),
        row("call_wrapped", &[I64(0xffff_ffff)], trap(UndefinedElement)),
        row(
            "call_wrapped",
            &[I64(-0x1_0000_0000 | 5)],
            trap(UndefinedElement),
        ),
        row("call_ii", &[I32(0), I32(-4)], ok(&[I32(-8)])),
    ];
    run(&[Group {
        name: "call_indirect",
        wat,
        rows,
    }]);
}

#[test]
fn call_stack_exhausted() {
    // A frame of 4000 locals: the value stack runs out before the machine stack does.
    let big_locals = " i64".repeat(4000);
    let wat = module(&format!(
        r#"
  (type $v (func))
  (table 1 funcref)
  (elem (i32.const 0) $indirect)
  (func $r (export "recurse") (call $r))
  (func $args (export "recurse_args") (param i64 f64) (result i64)
    (call $args (i64.add (local.get 0) (i64.const 1)) (local.get 1)))
  (func $big (export "recurse_big_frame") (param i32) (result i32)
    (local {big_locals})
    (i32.add (call $big (local.get 0)) (i32.const 1)))
  (func $indirect (export "recurse_indirect") (call_indirect (type $v) (i32.const 0)))
  (func $m1 (export "mutual") (param i32) (result i32) (call $m2 (local.get 0)))
  (func $m2 (param i32) (result i32) (i32.add (call $m1 (local.get 0)) (i32.const 1)))
  ;; Bounded recursion: depth n returns n.
  (func $depth (export "depth") (param i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0))
      (then (i32.const 0))
      (else (i32.add (call $depth (i32.sub (local.get 0) (i32.const 1))) (i32.const 1)))))
"#
    ));
    let t = || trap(StackExhausted);
    let rows = vec![
        row("depth", &[I32(1000)], ok(&[I32(1000)])),
        row("recurse", &[], t()),
        row("depth", &[I32(1000)], ok(&[I32(1000)])),
        row("recurse_args", &[I64(0), f64v(1.5)], t()),
        row("recurse_big_frame", &[I32(0)], t()),
        row("depth", &[I32(1000)], ok(&[I32(1000)])),
        row("recurse_indirect", &[], t()),
        row("mutual", &[I32(0)], t()),
        row("recurse", &[], t()),
        row("depth", &[I32(1000)], ok(&[I32(1000)])),
    ];
    run(&[Group {
        name: "stack",
        wat,
        rows,
    }]);
}

/// Traps crossing instances (an imported function, `call_indirect` through a shared table
/// to another instance's function, recursion that bounces between two instances) and a host
/// function's failure (`TrapCode::Host` with its message): each unwinds every instance it
/// passed through, and both instances keep working.
#[test]
fn traps_across_instances() {
    let a = module(
        r#"
  (table (export "table") 3 funcref)
  (memory (export "mem") 1)
  (func $boom (export "boom") (unreachable))
  (func (export "div") (param i32) (result i32) (i32.div_s (i32.const 1) (local.get 0)))
  ;; Calls table[0] (module b puts its function there).
  (func (export "bounce") (param i32) (result i32)
    (call_indirect (param i32) (result i32) (local.get 0) (i32.const 0)))
  (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
  (elem (i32.const 1) $boom)
"#,
    );
    let b = module(
        r#"
  (import "a" "div" (func $div (param i32) (result i32)))
  (import "a" "bounce" (func $bounce (param i32) (result i32)))
  (import "a" "table" (table 3 funcref))
  (import "a" "mem" (memory 1))
  (import "host" "fail" (func $fail (param i32)))
  ;; Calls b's export named by its argument (0: "times10", 1: "div" with 0, 2: "reenter_rec").
  (import "host" "reenter" (func $reenter (param i32 i32) (result i32)))
  (type $v (func))
  (func $rec (param i32) (result i32) (i32.add (call $bounce (local.get 0)) (i32.const 1)))
  (elem (i32.const 0) $rec)
  (func (export "div") (param i32) (result i32) (call $div (local.get 0)))
  (func (export "boom") (call_indirect (type $v) (i32.const 1)))
  (func (export "null") (call_indirect (type $v) (i32.const 2)))
  (func (export "past") (call_indirect (type $v) (i32.const 3)))
  (func (export "rec") (param i32) (result i32) (call $rec (local.get 0)))
  (func (export "host") (param i32) (call $fail (local.get 0)))
  (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "store") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
  (func (export "times10") (param i32) (result i32) (local i32 i32 i32)
    (local.set 1 (i32.const 999))
    (local.set 2 (i32.const 999))
    (local.set 3 (i32.const 999))
    (i32.mul (local.get 0) (i32.const 10)))
  ;; The host calls back into the store; this frame's locals must survive.
  (func (export "reenter_sum") (param i32) (result i32) (local i32 i32)
    (local.set 1 (i32.const 1234))
    (local.set 2 (i32.const 100000))
    (i32.add (i32.add (call $reenter (i32.const 0) (local.get 0)) (local.get 1)) (local.get 2)))
  (func (export "reenter_trap") (result i32) (call $reenter (i32.const 1) (i32.const 0)))
  (func (export "reenter_rec") (result i32) (call $reenter (i32.const 2) (i32.const 0)))
"#,
    );
    let a_rows = Group {
        name: "a",
        wat: a.clone(),
        rows: vec![
            row("div", &[I32(0)], trap(DivideByZero)),
            row("load", &[I32(0)], ok(&[I32(77)])),
            row("boom", &[], trap(Unreachable)),
        ],
    };
    let b_rows = Group {
        name: "b",
        wat: b.clone(),
        rows: vec![
            row("div", &[I32(0)], trap(DivideByZero)),
            row("div", &[I32(1)], ok(&[I32(1)])),
            row("div", &[I32(0)], trap(DivideByZero)),
            row("boom", &[], trap(Unreachable)),
            row(
                "null",
                &[],
                trap_msg(UninitializedElement, "uninitialized element 2"),
            ),
            row("past", &[], trap(UndefinedElement)),
            row("rec", &[I32(0)], trap(StackExhausted)),
            row("host", &[I32(0)], ok(&[])),
            row("host", &[I32(7)], trap_msg(Host, "host says no: 7")),
            row("store", &[I32(0), I32(77)], ok(&[])),
            row("load", &[I32(65533)], trap(MemoryOutOfBounds)),
            row("store", &[I32(65533), I32(1)], trap(MemoryOutOfBounds)),
            row("load", &[I32(0)], ok(&[I32(77)])),
            row("rec", &[I32(0)], trap(StackExhausted)),
            row("div", &[I32(-1)], ok(&[I32(-1)])),
            row("reenter_sum", &[I32(5)], ok(&[I32(101284)])),
            row("reenter_trap", &[], trap(DivideByZero)),
            row("reenter_rec", &[], trap(StackExhausted)),
            row("times10", &[I32(4)], ok(&[I32(40)])),
        ],
    };
    for_each_mode(|store, expected, actual| {
        let loaded = store.load(a.as_bytes()).expect("module a");
        let ia = store
            .instantiate(&loaded, &mut |_, _| None)
            .expect("module a");
        let exports: HashMap<String, Extern> = store.exports(ia).into_iter().collect();
        let ty = FuncType {
            params: vec![ValType::I32],
            results: vec![],
        };
        let fail = store.host_func(
            ty,
            Rc::new(|_: &mut Store, args: &[Val]| match args {
                [I32(0)] => Ok(vec![]),
                [I32(n)] => Err(Trap::host(format!("host says no: {n}"))),
                _ => Err(Trap::host("bad arguments")),
            }),
        );
        // b's exports, for `reenter` (known once b is instantiated).
        let b_exports = Rc::new(RefCell::new(HashMap::new()));
        let reenter = {
            let b_exports = b_exports.clone();
            store.host_func(
                FuncType {
                    params: vec![ValType::I32, ValType::I32],
                    results: vec![ValType::I32],
                },
                Rc::new(move |store: &mut Store, args: &[Val]| {
                    let (name, args) = match args {
                        [I32(0), x] => ("times10", vec![*x]),
                        [I32(1), x] => ("div", vec![*x]),
                        _ => ("reenter_rec", vec![]),
                    };
                    let Some(&Extern::Func(f)) = b_exports.borrow().get(name) else {
                        return Err(Trap::host("no such export"));
                    };
                    store.call(f, &args)
                }),
            )
        };
        let loaded = store.load(b.as_bytes()).expect("module b");
        let ib = store
            .instantiate(&loaded, &mut |m, n| match (m, n) {
                ("a", _) => exports.get(n).copied(),
                ("host", "fail") => Some(Extern::Func(fail)),
                ("host", "reenter") => Some(Extern::Func(reenter)),
                _ => None,
            })
            .expect("module b");
        *b_exports.borrow_mut() = store.exports(ib).into_iter().collect();
        check_rows(store, ib, &b_rows, expected, actual);
        check_rows(store, ia, &a_rows, expected, actual);
    });
}

/// Traps while instantiating (active segments out of bounds, a trapping start function):
/// `InstantiateError::Trap`, and the store goes on loading and running modules.
#[test]
fn traps_during_instantiation() {
    let cases: &[(&str, &str, TrapCode)] = &[
        (
            "data segment past the end",
            r#"(module (memory 1) (data (i32.const 65535) "ab"))"#,
            MemoryOutOfBounds,
        ),
        (
            "data segment at -1",
            r#"(module (memory 1) (data (i32.const -1) "a"))"#,
            MemoryOutOfBounds,
        ),
        (
            "elem segment past the end",
            r#"(module (table 2 funcref) (func $f) (elem (i32.const 1) $f $f))"#,
            TableOutOfBounds,
        ),
        (
            "start function traps",
            r#"(module (func $s (unreachable)) (start $s))"#,
            Unreachable,
        ),
        (
            "start function divides by zero",
            r#"(module (global $z (mut i32) (i32.const 0))
                 (func $s (drop (i32.div_u (i32.const 1) (global.get $z)))) (start $s))"#,
            DivideByZero,
        ),
        (
            "start function recurses",
            r#"(module (func $s (call $s)) (start $s))"#,
            StackExhausted,
        ),
    ];
    let working = r#"(module (func (export "f") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1))))"#;
    for be in backend::available() {
        for bounds_checks in [true, false] {
            let mode = format!("{} back end, bounds_checks: {bounds_checks}", be.name);
            let mut store = Store::new(options(be, bounds_checks));
            let (mut expected, mut actual) = (Vec::new(), Vec::new());
            for &(name, wat, code) in cases {
                let loaded = store.load(wat.as_bytes()).expect(name);
                let got = match store.instantiate(&loaded, &mut |_, _| None) {
                    Err(InstantiateError::Trap(t)) => Ok((t.code, t.message)),
                    Err(e) => Err(format!("instantiation failed otherwise: {e}")),
                    Ok(_) => Err("instantiated".to_string()),
                };
                // The store still works: a new module loads, instantiates and runs.
                let loaded = store.load(working.as_bytes()).expect("working module");
                let inst = store
                    .instantiate(&loaded, &mut |_, _| None)
                    .expect("working module");
                let after = outcome(&mut store, inst, "f", &[I32(41)]);
                expected.push((
                    name,
                    Ok((Some(code), spec_message(code).to_string())),
                    ok(&[I32(42)]),
                ));
                actual.push((name, got, after));
            }
            assert_eq!(expected, actual, "{mode}");
        }
    }
}

/// Where a trap happened, as wasmparser reads the module: the byte offset of the first
/// operator of function `func` (imports counted) that `pred` accepts.
fn op_offset(wasm: &[u8], func: u32, pred: impl Fn(&wasmparser::Operator<'_>) -> bool) -> usize {
    use wasmparser::{Parser, Payload};
    let mut imported = 0;
    let mut defined = 0;
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.expect("valid module") {
            Payload::ImportSection(r) => {
                imported = r
                    .into_imports()
                    .filter(|i| {
                        matches!(i.as_ref().expect("import").ty, wasmparser::TypeRef::Func(_))
                    })
                    .count() as u32
            }
            Payload::CodeSectionEntry(body) => {
                if imported + defined == func {
                    let mut ops = body.get_operators_reader().expect("operators");
                    while !ops.eof() {
                        let at = ops.original_position();
                        if pred(&ops.read().expect("operator")) {
                            return at as usize;
                        }
                    }
                    panic!("no such operator in function {func}");
                }
                defined += 1;
            }
            _ => {}
        }
    }
    panic!("no function {func}");
}

/// `Trap`'s `Display` for traps inside functions: the message, then the function's index
/// and name (from the name section) and the operator's byte offset in the module.
#[test]
fn trap_display_names_function_and_offset() {
    use wasmparser::Operator as O;
    let named = r#"(module
  (memory 1)
  (type $v (func))
  (table 2 funcref)
  (func $helper (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
  (func $boom (export "boom") (nop) (unreachable))
  (func $div (export "div") (param i32) (result i32) (call $helper (local.get 0)))
  (func $load (export "load") (param i32) (result i32) (i32.load offset=8 (local.get 0)))
  (func $trunc (export "trunc") (param f64) (result i32) (i32.trunc_f64_s (local.get 0)))
  (func $indirect (export "indirect") (param i32) (call_indirect (type $v) (local.get 0)))
  (func $fill (export "fill") (param i32) (memory.fill (local.get 0) (i32.const 0) (i32.const 2)))
  (func $table_get (export "table_get") (param i32) (result funcref) (table.get (local.get 0)))
)"#;
    let unnamed = r#"(module (func (export "f") (i32.const 1) (drop) (unreachable)))"#;
    let named_bin = wat::parse_str(named).expect("named module");
    let unnamed_bin = wat::parse_str(unnamed).expect("unnamed module");
    // (module, export, args, function index, its name, operator, message)
    type Pred = fn(&O<'_>) -> bool;
    type DisplayCase<'a> = (
        &'a [u8],
        &'a str,
        Vec<Val>,
        u32,
        Option<&'a str>,
        Pred,
        &'a str,
    );
    let cases: Vec<DisplayCase<'_>> = vec![
        (
            &named_bin,
            "boom",
            vec![],
            1,
            Some("boom"),
            |o| matches!(o, O::Unreachable),
            "unreachable",
        ),
        (
            &named_bin,
            "div",
            vec![I32(0)],
            0,
            Some("helper"),
            |o| matches!(o, O::I32DivU),
            "integer divide by zero",
        ),
        (
            &named_bin,
            "load",
            vec![I32(65530)],
            3,
            Some("load"),
            |o| matches!(o, O::I32Load { .. }),
            "out of bounds memory access",
        ),
        (
            &named_bin,
            "trunc",
            vec![f64v(f64::NAN)],
            4,
            Some("trunc"),
            |o| matches!(o, O::I32TruncF64S),
            "invalid conversion to integer",
        ),
        (
            &named_bin,
            "trunc",
            vec![f64v(1e10)],
            4,
            Some("trunc"),
            |o| matches!(o, O::I32TruncF64S),
            "integer overflow",
        ),
        (
            &named_bin,
            "indirect",
            vec![I32(1)],
            5,
            Some("indirect"),
            |o| matches!(o, O::CallIndirect { .. }),
            "uninitialized element 1",
        ),
        (
            &named_bin,
            "indirect",
            vec![I32(2)],
            5,
            Some("indirect"),
            |o| matches!(o, O::CallIndirect { .. }),
            "undefined element",
        ),
        (
            &named_bin,
            "fill",
            vec![I32(65535)],
            6,
            Some("fill"),
            |o| matches!(o, O::MemoryFill { .. }),
            "out of bounds memory access",
        ),
        (
            &named_bin,
            "table_get",
            vec![I32(2)],
            7,
            Some("table_get"),
            |o| matches!(o, O::TableGet { .. }),
            "out of bounds table access",
        ),
        (
            &unnamed_bin,
            "f",
            vec![],
            0,
            None,
            |o| matches!(o, O::Unreachable),
            "unreachable",
        ),
    ];
    for be in backend::available() {
        for bounds_checks in [true, false] {
            let mode = format!("{} back end, bounds_checks: {bounds_checks}", be.name);
            let mut store = Store::new(options(be, bounds_checks));
            let named_inst = {
                let l = store.load(&named_bin).expect("named");
                store.instantiate(&l, &mut |_, _| None).expect("named")
            };
            let unnamed_inst = {
                let l = store.load(&unnamed_bin).expect("unnamed");
                store.instantiate(&l, &mut |_, _| None).expect("unnamed")
            };
            let (mut expected, mut actual) = (Vec::new(), Vec::new());
            for (bin, export, args, index, name, pred, message) in &cases {
                let l = format!("{export}{args:?}");
                if SKIP_DISPLAY.contains(&l.as_str()) {
                    continue;
                }
                let inst = if std::ptr::eq(*bin, named_bin.as_slice()) {
                    named_inst
                } else {
                    unnamed_inst
                };
                let offset = op_offset(bin, *index, pred);
                let location = match name {
                    Some(n) => format!("at function {index} ({n}), byte offset {offset:#x}"),
                    None => format!("at function {index}, byte offset {offset:#x}"),
                };
                let want = format!("wasm trap: {message}\n    {location}");
                let want_fields = (Some((*index, name.map(str::to_string))), Some(offset));
                expected.push(format!("{l} -> {want:?}, {want_fields:?}"));
                let Some(Extern::Func(f)) = store.export(inst, export) else {
                    panic!("no export {export}");
                };
                actual.push(match store.call(f, args) {
                    Ok(v) => format!("{l} -> returned {v:?}"),
                    Err(t) => format!("{l} -> {:?}, {:?}", t.to_string(), (t.func, t.offset)),
                });
            }
            assert_eq!(expected, actual, "{mode}");
        }
    }
}

/// Display rows left out (`export[args]`), each with the bug.
const SKIP_DISPLAY: &[&str] = &[];

/// A literal check of the whole text for one simple case (the offsets above come from
/// wasmparser; this pins the format): header 8 bytes, type section 2+4 (0x08..0x0e),
/// function section 2+2 (0x0e..0x12), export section 2+5 (0x12..0x19), code section id and
/// size at 0x19, its count at 0x1b, the body's size at 0x1c, its local count at 0x1d, and
/// `unreachable` at 0x1e.
#[test]
fn trap_display_literal() {
    let wat = r#"(module (func $f (export "f") (unreachable)))"#;
    for be in backend::available() {
        let mut store = Store::new(options(be, true));
        let l = store.load(wat.as_bytes()).expect("module");
        let inst = store.instantiate(&l, &mut |_, _| None).expect("module");
        let Some(Extern::Func(f)) = store.export(inst, "f") else {
            panic!("no f");
        };
        let t = store.call(f, &[]).expect_err("traps");
        assert_eq!(
            "wasm trap: unreachable\n    at function 0 (f), byte offset 0x1e",
            t.to_string(),
            "{} back end",
            be.name
        );
    }
}
