//! Shapes of compiled Wasm code that the spec suite's small functions never reach, checked by
//! running them on every back end this build runs: float constants used again after more
//! code than the AArch64 literal pool lets pass before it is placed (256 KiB), and a
//! function past the ±1 MiB reach of a literal load; and every shape of operator fusion
//! (a multiply or constant shift feeding an add, with the add's other operand below or read
//! next, the result stored to a register local or not), with wrapping and aliased operands.

use kiln::jit::backend::{self, BackEnd};
use kiln::wasm::runtime::{Extern, InstanceId, Store, StoreOptions, Val};
use pretty_assertions::assert_eq;

/// `f(x)`: `x * 1.1`, then `reps` blocks of integer work that leave `x` unchanged, then
/// `+ 2.2` and `* 1.1` again (the first constant both before and after a pool placement).
fn module(reps: usize) -> String {
    let mut body = String::from("(local.set $x (f64.mul (local.get $x) (f64.const 1.1)))\n");
    for i in 0..reps {
        body.push_str(&format!(
            "(local.set $i (i32.add (i32.mul (local.get $i) (i32.const {})) (i32.const {i})))\n",
            i % 7 + 3
        ));
    }
    body.push_str("(local.set $x (f64.add (local.get $x) (f64.const 2.2)))\n");
    body.push_str("(local.set $x (f64.mul (local.get $x) (f64.const 1.1)))\n");
    body.push_str("(local.set $y (f32.mul (f32.const 0.3) (f32.demote_f64 (local.get $x))))\n");
    format!(
        "(module (func (export \"f\") (param $x f64) (result f64 f32 i32) (local $i i32) (local $y f32)\n\
         {body} (local.get $x) (local.get $y) (local.get $i)))"
    )
}

/// A store on back end `be` (guard pages) with `wat` instantiated in it.
fn instance(be: &BackEnd, wat: &str) -> (Store, InstanceId) {
    let mut store = Store::new(StoreOptions {
        isa: Some(be.isa),
        bounds_checks: false,
    });
    let loaded = store.load(wat.as_bytes()).expect("module");
    let inst = store
        .instantiate(&loaded, &mut |_, _| None)
        .expect("instance");
    (store, inst)
}

#[test]
fn float_constants_across_pool_placements() {
    for reps in [10, 30_000, 120_000] {
        let wat = module(reps);
        // What the module computes, in Rust.
        let mut i: i32 = 0;
        for k in 0..reps {
            i = i.wrapping_mul((k % 7 + 3) as i32).wrapping_add(k as i32);
        }
        let x = (3.0f64 * 1.1 + 2.2) * 1.1;
        let y = 0.3f32 * (x as f32);
        let want = vec![Val::F64(x.to_bits()), Val::F32(y.to_bits()), Val::I32(i)];
        for be in backend::available() {
            let (mut store, inst) = instance(be, &wat);
            let Some(Extern::Func(f)) = store.export(inst, "f") else {
                panic!("no export")
            };
            let got = store.call(f, &[Val::F64(3.0f64.to_bits())]).expect("runs");
            assert_eq!(want, got, "{} reps on {}", reps, be.name);
        }
    }
}

/// `(name, params, body, f(args))`: each function takes two i32s or two i64s.
type Case = (
    &'static str,
    &'static str,
    &'static str,
    fn(i64, i64) -> i64,
);

const FUSED: &[Case] = &[
    (
        "mul_then_add",
        "i32",
        "(i32.add (local.get 1) (i32.mul (local.get 0) (local.get 1)))",
        |a, b| (b as i32).wrapping_add((a as i32).wrapping_mul(b as i32)) as i64,
    ),
    (
        "mul_add_local_next",
        "i32",
        "(i32.add (i32.mul (local.get 0) (local.get 0)) (local.get 1))",
        |a, b| (a as i32).wrapping_mul(a as i32).wrapping_add(b as i32) as i64,
    ),
    (
        "mul_add_same",
        "i32",
        "(i32.add (i32.mul (local.get 0) (local.get 0)) (local.get 0))",
        |a, _| (a as i32).wrapping_mul(a as i32).wrapping_add(a as i32) as i64,
    ),
    (
        "mul_add_const_below",
        "i32",
        "(i32.add (i32.const 7) (i32.mul (local.get 0) (local.get 1)))",
        |a, b| 7i32.wrapping_add((a as i32).wrapping_mul(b as i32)) as i64,
    ),
    (
        "shl_add",
        "i32",
        "(i32.add (local.get 1) (i32.shl (local.get 0) (i32.const 2)))",
        |a, b| (b as i32).wrapping_add((a as i32) << 2) as i64,
    ),
    (
        "shl_add_masked",
        "i32",
        "(i32.add (local.get 1) (i32.shl (local.get 0) (i32.const 33)))",
        |a, b| (b as i32).wrapping_add((a as i32) << 1) as i64,
    ),
    (
        "shl_add_local_next",
        "i32",
        "(i32.add (i32.shl (local.get 0) (i32.const 31)) (local.get 1))",
        |a, b| ((a as i32) << 31).wrapping_add(b as i32) as i64,
    ),
    (
        "shl_add_set",
        "i32",
        "(local.set 0 (i32.add (local.get 1) (i32.shl (local.get 0) (i32.const 3)))) (local.get 0)",
        |a, b| (b as i32).wrapping_add((a as i32) << 3) as i64,
    ),
    (
        "shl_add_set_other_reads_old",
        "i32",
        "(local.get 0) (local.set 0 (i32.add (local.get 1) (i32.shl (local.get 0) (i32.const 3)))) (i32.sub (local.get 0))",
        |a, b| (a as i32).wrapping_sub((b as i32).wrapping_add((a as i32) << 3)) as i64,
    ),
    (
        "mul_add_tee",
        "i32",
        "(i32.xor (local.tee 1 (i32.add (local.get 0) (i32.mul (local.get 0) (local.get 1)))) (local.get 1))",
        |_, _| 0,
    ),
    (
        "mul_add_i64",
        "i64",
        "(i64.add (local.get 1) (i64.mul (local.get 0) (local.get 1)))",
        |a, b| b.wrapping_add(a.wrapping_mul(b)),
    ),
    (
        "shl_add_i64",
        "i64",
        "(i64.add (i64.shl (local.get 0) (i64.const 63)) (local.get 1))",
        |a, b| (a << 63).wrapping_add(b),
    ),
];

#[test]
fn fused_arithmetic() {
    let mut funcs = String::new();
    for (name, ty, body, _) in FUSED {
        funcs.push_str(&format!(
            "(func (export \"{name}\") (param {ty} {ty}) (result {ty}) {body})\n"
        ));
    }
    let wat = format!("(module {funcs})");
    let inputs: [(i64, i64); 5] = [
        (3, 5),
        (-1, 0x7fff_ffff),
        (0x1234_5678, -0x7654_3210),
        (i64::MIN, -1),
        (0x0123_4567_89ab_cdef, 0x7fff_ffff_ffff_fff1),
    ];
    for be in backend::available() {
        let (mut store, inst) = instance(be, &wat);
        let (mut want, mut got) = (Vec::new(), Vec::new());
        for (name, ty, _, f) in FUSED {
            let Some(Extern::Func(func)) = store.export(inst, name) else {
                panic!("no export {name}")
            };
            for &(a, b) in &inputs {
                let args = if *ty == "i32" {
                    [Val::I32(a as i32), Val::I32(b as i32)]
                } else {
                    [Val::I64(a), Val::I64(b)]
                };
                let expect = if *ty == "i32" {
                    Val::I32(f(a as i32 as i64, b as i32 as i64) as i32)
                } else {
                    Val::I64(f(a, b))
                };
                want.push(format!("{} {name}({a}, {b}) = {expect:?}", be.name));
                let r = store.call(func, &args).expect("runs");
                got.push(format!("{} {name}({a}, {b}) = {:?}", be.name, r[0]));
            }
        }
        assert_eq!(want, got);
    }
}
