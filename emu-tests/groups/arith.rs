//! Arithmetic (register, shifted, immediate, extended; X and W), flags, moves and
//! constants, conditional select and compare.

// Table entries wrap infallible emitters as `|a| Ok(a.add(..))` to keep each case one line.
#![allow(clippy::unit_arg)]

use kiln::asm::aarch64::*;

use super::{C, N, V, Z, flags, imm};
use crate::support::{Case, case, check};

#[test]
fn arithmetic() {
    check(&[
        case("add", |a| Ok(a.add(X0, X0, X(1))), &[40, 2], 42),
        case("add wraps", |a| Ok(a.add(X0, X0, X(1))), &[u64::MAX, 2], 1),
        case(
            "add w wraps, zeroes top",
            |a| Ok(a.add(W0, W0, W(1))),
            &[0xffff_ffff, 2],
            1,
        ),
        case(
            "add lsl",
            |a| a.add_shifted(X0, X0, X(1), Shift::Lsl, 4),
            &[1, 2],
            33,
        ),
        case(
            "add lsr",
            |a| a.add_shifted(X0, X0, X(1), Shift::Lsr, 63),
            &[1, 1 << 63],
            2,
        ),
        case(
            "add asr",
            |a| a.add_shifted(X0, X0, X(1), Shift::Asr, 63),
            &[5, 1 << 63],
            4,
        ),
        case("add imm", |a| Ok(a.add_imm(X0, X0, imm(4095))), &[1], 4096),
        case(
            "add imm lsl 12",
            |a| Ok(a.add_imm(X0, X0, imm(0x7000))),
            &[1],
            0x7001,
        ),
        case(
            "add_imm_signed -",
            |a| a.add_imm_signed(X0, X0, -10),
            &[3],
            (-7i64) as u64,
        ),
        case(
            "add ext sxtw",
            |a| a.add_ext(X0, X0, W(1), Extend::Sxtw, 2),
            &[100, 0xffff_fffe],
            92,
        ),
        case(
            "add ext uxtb",
            |a| a.add_ext(X0, X0, W(1), Extend::Uxtb, 0),
            &[1, 0x1ff],
            0x100,
        ),
        case(
            "add ext uxtx from sp",
            |a| {
                a.mov_sp(X(9), SP);
                a.add_ext(X(10), SP, X(1), Extend::Uxtx, 3)?;
                a.sub(X0, X(10), X(9));
                Ok(())
            },
            &[0, 5],
            40,
        ),
        case("sub", |a| Ok(a.sub(X0, X0, X(1))), &[2, 3], u64::MAX),
        case("sub w", |a| Ok(a.sub(W0, W0, W(1))), &[2, 3], 0xffff_ffff),
        case(
            "sub lsl",
            |a| a.sub_shifted(X0, X0, X(1), Shift::Lsl, 1),
            &[10, 3],
            4,
        ),
        case("sub imm", |a| Ok(a.sub_imm(X0, X0, imm(1))), &[0], u64::MAX),
        case("neg", |a| Ok(a.neg(X0, X0)), &[5], (-5i64) as u64),
        case("neg w", |a| Ok(a.neg(W0, W0)), &[5], 0xffff_fffb),
        case(
            "mul",
            |a| Ok(a.mul(X0, X0, X(1))),
            &[-3i64 as u64, 7],
            -21i64 as u64,
        ),
        case("mul w", |a| Ok(a.mul(W0, W0, W(1))), &[0x10000, 0x10000], 0),
        case("madd", |a| Ok(a.madd(X0, X0, X(1), X(2))), &[3, 4, 5], 17),
        case(
            "msub",
            |a| Ok(a.msub(X0, X0, X(1), X(2))),
            &[3, 4, 5],
            (-7i64) as u64,
        ),
        case(
            "sdiv",
            |a| Ok(a.sdiv(X0, X0, X(1))),
            &[-7i64 as u64, 2],
            -3i64 as u64,
        ),
        case("sdiv by 0", |a| Ok(a.sdiv(X0, X0, X(1))), &[7, 0], 0),
        case(
            "sdiv min/-1",
            |a| Ok(a.sdiv(X0, X0, X(1))),
            &[1 << 63, u64::MAX],
            1 << 63,
        ),
        case(
            "sdiv w",
            |a| Ok(a.sdiv(W0, W0, W(1))),
            &[-9i32 as u32 as u64, 2],
            -4i32 as u32 as u64,
        ),
        case(
            "udiv",
            |a| Ok(a.udiv(X0, X0, X(1))),
            &[u64::MAX, 2],
            u64::MAX / 2,
        ),
        case("udiv by 0", |a| Ok(a.udiv(X0, X0, X(1))), &[7, 0], 0),
        case(
            "smulh",
            |a| Ok(a.smulh(X0, X0, X(1))),
            &[-1i64 as u64, 5],
            u64::MAX,
        ),
        case("umulh", |a| Ok(a.umulh(X0, X0, X(1))), &[u64::MAX, 5], 4),
        case(
            "smull",
            |a| Ok(a.smull(X0, W0, W(1))),
            &[0xffff_ffff, 3],
            -3i64 as u64,
        ),
        case(
            "umull",
            |a| Ok(a.umull(X0, W0, W(1))),
            &[0xffff_ffff, 3],
            0x2_ffff_fffd,
        ),
        case("mneg", |a| Ok(a.mneg(X0, X0, X(1))), &[3, 4], -12i64 as u64),
        case(
            "smaddl",
            |a| Ok(a.smaddl(X0, W0, W(1), X(2))),
            &[0xffff_fffe, 3, 10],
            4,
        ),
        case(
            "umaddl",
            |a| Ok(a.umaddl(X0, W0, W(1), X(2))),
            &[0xffff_ffff, 2, 2],
            0x2_0000_0000,
        ),
        case(
            "negs sets flags",
            |a| {
                a.negs(X(9), X0);
                flags(a)
            },
            &[1 << 63],
            N | V,
        ),
    ]);
}

#[test]
fn flags_from_arithmetic_and_compares() {
    let adds = |a: &mut Assembler| {
        a.adds(X(9), X0, X(1));
        flags(a)
    };
    let subs = |a: &mut Assembler| {
        a.subs(X(9), X0, X(1));
        flags(a)
    };
    let cases: Vec<Case> = vec![
        case("adds zero carry", adds, &[1, u64::MAX], Z | C),
        case("adds signed overflow", adds, &[i64::MAX as u64, 1], N | V),
        case("adds plain", adds, &[1, 1], 0),
        case("subs equal", subs, &[5, 5], Z | C),
        case("subs borrow", subs, &[4, 5], N),
        case("subs overflow", subs, &[1 << 63, 1], C | V),
        case(
            "adds w",
            |a| {
                a.adds(W(9), W0, W(1));
                flags(a)
            },
            &[0x7fff_ffff, 1],
            N | V,
        ),
        case(
            "subs imm",
            |a| {
                a.subs_imm(X(9), X0, imm(3));
                flags(a)
            },
            &[3],
            Z | C,
        ),
        case(
            "cmp",
            |a| {
                a.cmp(X0, X(1));
                flags(a)
            },
            &[2, 3],
            N,
        ),
        case(
            "cmp imm",
            |a| {
                a.cmp_imm(X0, imm(7));
                flags(a)
            },
            &[7],
            Z | C,
        ),
        case(
            "cmn",
            |a| {
                a.cmn(X0, X(1));
                flags(a)
            },
            &[u64::MAX, 1],
            Z | C,
        ),
        case(
            "cmn imm",
            |a| {
                a.cmn_imm(X0, imm(1));
                flags(a)
            },
            &[i64::MAX as u64],
            N | V,
        ),
        case(
            "tst",
            |a| {
                a.tst(X0, X(1));
                flags(a)
            },
            &[0xf0, 0x0f],
            Z,
        ),
        case(
            "tst imm",
            |a| {
                a.tst_imm(X0, 1 << 63)?;
                flags(a)
            },
            &[1 << 63],
            N,
        ),
        case(
            "ands",
            |a| {
                a.ands(X(9), X0, X(1));
                flags(a)
            },
            &[0x8000_0000_0000_00ff, 0xffff_0000_0000_0000],
            N,
        ),
        case(
            "msr nzcv",
            |a| {
                a.lsl_imm(X0, X0, 28)?;
                a.msr(SysReg::Nzcv, X0)?;
                flags(a)
            },
            &[Z | V],
            Z | V,
        ),
    ];
    check(&cases);
}

#[test]
fn moves_and_constants() {
    let mut cases = vec![
        case("movz", |a| a.movz(X0, 0xbeef, 16), &[], 0xbeef_0000),
        case(
            "movk",
            |a| a.movk(X0, 0xbeef, 48),
            &[0x1234],
            0xbeef_0000_0000_1234,
        ),
        case("movn", |a| a.movn(X0, 0, 0), &[], u64::MAX),
        case("movn w", |a| a.movn(W0, 1, 16), &[], 0xfffe_ffff),
        case("mov", |a| Ok(a.mov(X0, X(1))), &[0, 9], 9),
        case(
            "mov w zeroes top",
            |a| Ok(a.mov(W0, W(1))),
            &[0, u64::MAX],
            0xffff_ffff,
        ),
        case("mov xzr", |a| Ok(a.mov(X0, XZR)), &[9], 0),
        case(
            "mov_imm32",
            |a| Ok(a.mov_imm32(W0, 0xdead_beef)),
            &[u64::MAX],
            0xdead_beef,
        ),
    ];
    // mov_imm64 over constants that need each kind of sequence.
    macro_rules! constants {
        ($($v:expr),*) => { $( cases.push(case(stringify!($v), |a| Ok(a.mov_imm64(X0, $v)), &[7], $v)); )* };
    }
    constants!(
        0,
        1,
        0xffff,
        0x1_0000,
        u64::MAX,
        u64::MAX - 1,
        0xffff_ffff,
        0x1234_5678_9abc_def0,
        0xffff_1234_ffff_ffff,
        0x5555_5555_5555_5555,
        0x8000_0000_0000_0000,
        0x0000_ffff_0000_ffff,
        0xdead_0000_beef_0000
    );
    check(&cases);
}

#[test]
fn conditional_select_and_compare() {
    check(&[
        case(
            "csel taken",
            |a| {
                a.cmp(X0, X(1));
                a.csel(X0, X(2), X(3), Cond::Lt);
                Ok(())
            },
            &[1, 2, 10, 20],
            10,
        ),
        case(
            "csel not taken",
            |a| {
                a.cmp(X0, X(1));
                a.csel(X0, X(2), X(3), Cond::Lt);
                Ok(())
            },
            &[3, 2, 10, 20],
            20,
        ),
        case(
            "csinc",
            |a| {
                a.cmp(X0, X(1));
                a.csinc(X0, X(2), X(3), Cond::Eq);
                Ok(())
            },
            &[1, 2, 10, 20],
            21,
        ),
        case(
            "csinv",
            |a| {
                a.cmp(X0, X(1));
                a.csinv(X0, X(2), X(3), Cond::Eq);
                Ok(())
            },
            &[1, 2, 10, 20],
            !20,
        ),
        case(
            "csneg w",
            |a| {
                a.cmp(X0, X(1));
                a.csneg(W0, W(2), W(3), Cond::Eq);
                Ok(())
            },
            &[1, 2, 10, 20],
            (-20i32) as u32 as u64,
        ),
        case(
            "csetm",
            |a| {
                a.cmp(X0, X(1));
                a.csetm(X0, Cond::Hi)
            },
            &[3, 2],
            u64::MAX,
        ),
        case(
            "cinc",
            |a| {
                a.cmp(X0, X(1));
                a.cinc(X0, X(2), Cond::Ne)
            },
            &[3, 2, 41],
            42,
        ),
        case(
            "cneg",
            |a| {
                a.cmp(X0, X(1));
                a.cneg(X0, X(2), Cond::Ne)
            },
            &[3, 2, 41],
            -41i64 as u64,
        ),
        // x0 == x1 && x2 == x3, as ccmp chains it.
        case(
            "ccmp both equal",
            |a| {
                a.cmp(X0, X(1));
                a.ccmp(X(2), X(3), 0, Cond::Eq)?;
                a.cset(X0, Cond::Eq)
            },
            &[1, 1, 5, 5],
            1,
        ),
        case(
            "ccmp first differs",
            |a| {
                a.cmp(X0, X(1));
                a.ccmp(X(2), X(3), 0, Cond::Eq)?;
                a.cset(X0, Cond::Eq)
            },
            &[1, 2, 5, 5],
            0,
        ),
        case(
            "ccmp imm sets nzcv when false",
            |a| {
                a.cmp(X0, X(1));
                a.ccmp_imm(X(2), 3, 0b1001, Cond::Eq)?;
                flags(a)
            },
            &[1, 2, 5],
            N | V,
        ),
        case(
            "ccmn",
            |a| {
                a.cmp(X0, X(1));
                a.ccmn(X(2), X(3), 0, Cond::Eq)?;
                a.cset(X0, Cond::Eq)
            },
            &[1, 1, 5, -5i64 as u64],
            1,
        ),
    ]);
}
