//! `box_number` run through the executor against `Value::number` (the interpreter's boxing)
//! on a table of doubles at every edge of the int32 test: ±0, fractions with few mantissa
//! bits, every power of two around the int32 range, ±2^31 and neighbours, NaN, infinities,
//! subnormals, and a deterministic sweep of products and quotients.

use super::A64Masm;
use crate::asm::aarch64::{D, SP, X, X29};
use crate::codemem::JitBuffer;
use crate::jit::masm::{FReg, MacroAssembler, Reg};
use crate::jit::values::ValueOps;
use crate::js::value::TAG_INT32;
use crate::js::value::Value;
use pretty_assertions::assert_eq;

/// A leaf function: x0 = box_number(the double whose bits are in x0), with x23 (the pinned
/// int32 tag) saved and set up as compiled code has it.
fn box_number_code() -> Vec<u8> {
    let mut m = A64Masm::new();
    let a = &mut m.a;
    a.stp_pre(X29, X(23), SP, -16).unwrap();
    a.mov_imm64(X(23), TAG_INT32);
    a.fmov_from_gp(D(0), X(0));
    m.box_number(Reg(0), FReg(0));
    let a = &mut m.a;
    a.mov(X(0), X(9));
    a.ldp_post(X29, X(23), SP, 16).unwrap();
    a.ret();
    m.emit_deferred().unwrap();
    m.finish().unwrap()
}

fn edge_doubles() -> Vec<f64> {
    let mut v = vec![
        0.0,
        -0.0,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::MIN_POSITIVE,
        5e-324,
        -5e-324,
        f64::MAX,
        0.5,
        -0.5,
        1.5,
        -2.5,
        0.75,
        2147483647.0,
        2147483647.5,
        2147483648.0,
        -2147483648.0,
        -2147483648.5,
        -2147483649.0,
        4294967296.0,
        4294967295.0,
        1e21,
        123456789.0,
        -123456789.0,
        1073741824.5,
    ];
    for e in -60..=70 {
        let p = 2f64.powi(e);
        for x in [p, -p, p + 1.0, p - 1.0, -p + 1.0, p * 1.5, p * 0.75] {
            v.push(x);
        }
    }
    for i in -300..300 {
        let i = i as f64;
        v.extend([i, i / 4.0, i * 1024.0 * 1024.0, i * 7_000_003.0, i / 3.0]);
    }
    v
}

#[test]
fn box_number_matches_the_interpreters_boxing() {
    if crate::exec::BACKEND == crate::exec::Backend::Unavailable {
        return;
    }
    let code = box_number_code();
    let mut buf = JitBuffer::new(code.len()).unwrap();
    let f = buf.publish(&code).unwrap();
    let mut wrong = Vec::new();
    for x in edge_doubles() {
        // The JIT only boxes canonical doubles (FP arithmetic makes the default NaN).
        let bits = Value::double(x).0;
        // SAFETY: the code is a leaf function of one argument that only touches x0, x15,
        // x16, d0 and x23 (saved and restored), and returns.
        let r = unsafe { crate::exec::call(f, &[bits]) }.unwrap();
        let want = Value::number(x).0;
        if r != want {
            wrong.push(format!("{x:e}: got {r:#x}, want {want:#x}"));
        }
    }
    assert_eq!(wrong, Vec::<String>::new());
}
