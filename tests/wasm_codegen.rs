//! Shapes of compiled Wasm code that the spec suite's small functions never reach, checked by
//! running them on every back end this build runs: float constants used again after more
//! code than the AArch64 literal pool lets pass before it is placed (256 KiB), and a
//! function past the ±1 MiB reach of a literal load.

use kiln::jit::backend;
use kiln::wasm::runtime::{Extern, Store, StoreOptions, Val};
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
            let mut store = Store::new(StoreOptions {
                isa: Some(be.isa),
                bounds_checks: false,
            });
            let loaded = store.load(wat.as_bytes()).expect("module");
            let inst = store
                .instantiate(&loaded, &mut |_, _| None)
                .expect("instance");
            let Some(Extern::Func(f)) = store.export(inst, "f") else {
                panic!("no export")
            };
            let got = store.call(f, &[Val::F64(3.0f64.to_bits())]).expect("runs");
            assert_eq!(want, got, "{} reps on {}", reps, be.name);
        }
    }
}
