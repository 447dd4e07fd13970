//! Every integer instruction group, table-driven: a snippet over x0–x3 (returning x0), its
//! inputs and the expected result, run in the default executor. Memory cases get a fresh
//! buffer in x0 and also check what was stored.

// Table entries wrap infallible emitters as `|a| Ok(a.add(..))` to keep each case one line.
#![allow(clippy::unit_arg)]

use kiln::asm::*;
use pretty_assertions::assert_eq;

use crate::support::{Case, case, check, run};

fn imm(v: u64) -> Imm12 {
    Imm12::new(v).expect("test immediates are encodable")
}

/// `mrs x0, nzcv; lsr x0, x0, #28` — the flags as a 4-bit NZCV number.
fn flags(a: &mut Assembler) -> AsmResult {
    a.mrs(X0, SysReg::Nzcv);
    a.lsr_imm(X0, X0, 28)
}

const N: u64 = 8;
const Z: u64 = 4;
const C: u64 = 2;
const V: u64 = 1;

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

/// What each condition says about `x - y` (the architecture's definitions, written
/// independently of the assembler).
fn holds(cond: Cond, x: u64, y: u64) -> bool {
    let (diff, borrow) = x.overflowing_sub(y);
    let (n, z, c) = ((diff as i64) < 0, diff == 0, !borrow);
    let v = (x as i64).checked_sub(y as i64).is_none();
    match cond.name() {
        "eq" => z,
        "ne" => !z,
        "hs" | "cs" => c,
        "lo" | "cc" => !c,
        "mi" => n,
        "pl" => !n,
        "vs" => v,
        "vc" => !v,
        "hi" => c && !z,
        "ls" => !c || z,
        "ge" => n == v,
        "lt" => n != v,
        "gt" => !z && n == v,
        "le" => z || n != v,
        other => panic!("unexpected condition {other}"),
    }
}

/// `cmp x0, x1`, then every condition except al/nv through `cset` and `b.cond`, as bit masks.
#[test]
fn every_condition_code_in_cset_and_b_cond() {
    let conds: Vec<Cond> = Cond::ALL
        .into_iter()
        .filter(|c| !matches!(c.name(), "al" | "nv"))
        .collect();
    let pairs = [
        (0u64, 0u64),
        (1, 2),
        (2, 1),
        (1 << 63, 1),
        (i64::MAX as u64, u64::MAX),
        (u64::MAX, 1),
    ];
    let mut got = Vec::new();
    let mut want = Vec::new();
    for (x, y) in pairs {
        let csets = run(
            |a| {
                a.movz(X(3), 0, 0)?;
                a.cmp(X0, X(1));
                for (i, &c) in conds.iter().enumerate() {
                    a.cset(X(2), c)?;
                    a.orr_shifted(X(3), X(3), X(2), Shift::Lsl, i as u32)?;
                }
                a.mov(X0, X(3));
                a.ret();
                Ok(())
            },
            &[x, y],
        );
        let branches = run(
            |a| {
                a.movz(X(3), 0, 0)?;
                a.cmp(X0, X(1));
                for (i, &c) in conds.iter().enumerate() {
                    let skip = a.new_label();
                    a.b_cond(c.invert(), skip);
                    a.orr_imm(X(3), X(3), 1 << i)?;
                    a.bind(skip)?;
                }
                a.mov(X0, X(3));
                a.ret();
                Ok(())
            },
            &[x, y],
        );
        let mask: u64 = conds
            .iter()
            .enumerate()
            .filter(|(_, c)| holds(**c, x, y))
            .map(|(i, _)| 1 << i)
            .sum();
        got.push((x, y, csets, branches));
        want.push((x, y, mask, mask));
    }
    assert_eq!(got, want);
}

#[test]
fn logic() {
    check(&[
        case(
            "and",
            |a| Ok(a.and(X0, X0, X(1))),
            &[0xff0f, 0x0ff0],
            0x0f00,
        ),
        case(
            "orr",
            |a| Ok(a.orr(X0, X0, X(1))),
            &[0xf000, 0x000f],
            0xf00f,
        ),
        case("eor", |a| Ok(a.eor(X0, X0, X(1))), &[0xff, 0x0f], 0xf0),
        case("orn", |a| Ok(a.orn(X0, X0, X(1))), &[0, !0xffu64], 0xff),
        case("bic", |a| Ok(a.bic(X0, X0, X(1))), &[0xff, 0x0f], 0xf0),
        case("mvn", |a| Ok(a.mvn(X0, X0)), &[0], u64::MAX),
        case("mvn w", |a| Ok(a.mvn(W0, W0)), &[0], 0xffff_ffff),
        case(
            "orr ror",
            |a| a.orr_shifted(X0, XZR, X0, Shift::Ror, 4),
            &[0x1],
            1 << 60,
        ),
        case(
            "eor lsl w",
            |a| a.eor_shifted(W0, W0, W(1), Shift::Lsl, 31),
            &[0, 1],
            0x8000_0000,
        ),
        case(
            "and imm",
            |a| a.and_imm(X0, X0, 0x00ff_00ff_00ff_00ff),
            &[u64::MAX],
            0x00ff_00ff_00ff_00ff,
        ),
        case(
            "orr imm",
            |a| a.orr_imm(X0, X0, 0x5555_5555_5555_5555),
            &[0],
            0x5555_5555_5555_5555,
        ),
        case(
            "eor imm w",
            |a| a.eor_imm(W0, W0, 0xffff_0000),
            &[0x1234_5678],
            0xedcb_5678,
        ),
        case("ands imm", |a| a.ands_imm(X0, X0, 0xf), &[0x1234], 4),
        case("eon", |a| Ok(a.eon(X0, X0, X(1))), &[0xff, !0xf0u64], 0x0f),
        case("bic imm", |a| a.bic_imm(X0, X0, 0xff), &[0x1234], 0x1200),
        case("orn imm", |a| a.orn_imm(X0, X0, !0xf0), &[0x1], 0xf1),
        case(
            "eon imm w",
            |a| a.eon_imm(W0, W0, 0xff),
            &[0xf0f],
            0xffff_f00f,
        ),
        case(
            "bics imm",
            |a| {
                a.bics_imm(X(9), X0, !0xff)?;
                flags(a)
            },
            &[0xf00],
            Z,
        ),
        case(
            "bics",
            |a| {
                a.bics(X(9), X0, X(1));
                flags(a)
            },
            &[0xff, 0xff],
            Z,
        ),
        case(
            "orr imm to sp and back",
            |a| {
                a.mov_sp(X(9), SP);
                a.and_imm(SP, X(9), !0xff)?;
                a.mov_sp(X0, SP);
                a.mov_sp(SP, X(9));
                a.and_imm(X(9), X(9), !0xff)?;
                a.sub(X0, X0, X(9));
                Ok(())
            },
            &[],
            0,
        ),
    ]);
}

#[test]
fn shifts_and_bitfields() {
    check(&[
        case("lsl reg", |a| Ok(a.lsl(X0, X0, X(1))), &[1, 63], 1 << 63),
        case("lsl reg mod 64", |a| Ok(a.lsl(X0, X0, X(1))), &[1, 65], 2),
        case("lsl w reg mod 32", |a| Ok(a.lsl(W0, W0, W(1))), &[1, 33], 2),
        case("lsr reg", |a| Ok(a.lsr(X0, X0, X(1))), &[1 << 63, 63], 1),
        case(
            "asr reg",
            |a| Ok(a.asr(X0, X0, X(1))),
            &[1 << 63, 63],
            u64::MAX,
        ),
        case("ror reg", |a| Ok(a.ror(X0, X0, X(1))), &[1, 1], 1 << 63),
        case("lsl imm", |a| a.lsl_imm(X0, X0, 4), &[0xf, 0], 0xf0),
        case(
            "lsl imm w drops bits",
            |a| a.lsl_imm(W0, W0, 4),
            &[0xf000_000f],
            0xf0,
        ),
        case(
            "lsr imm",
            |a| a.lsr_imm(X0, X0, 60),
            &[0xf000_0000_0000_0000],
            0xf,
        ),
        case(
            "asr imm",
            |a| a.asr_imm(X0, X0, 4),
            &[-256i64 as u64],
            -16i64 as u64,
        ),
        case(
            "asr imm w",
            |a| a.asr_imm(W0, W0, 31),
            &[0x8000_0000],
            0xffff_ffff,
        ),
        case(
            "ror imm",
            |a| a.ror_imm(X0, X0, 8),
            &[0x12],
            0x1200_0000_0000_0000,
        ),
        case("ror imm w", |a| a.ror_imm(W0, W0, 8), &[0x12], 0x1200_0000),
        case(
            "extr",
            |a| a.extr(X0, X0, X(1), 8),
            &[0xab, 0xcd00_0000_0000_0000],
            0xabcd_0000_0000_0000,
        ),
        case("ubfx", |a| a.ubfx(X0, X0, 8, 8), &[0x12_3456], 0x34),
        case(
            "sbfx",
            |a| a.sbfx(X0, X0, 8, 8),
            &[0x12_8056],
            -128i64 as u64,
        ),
        case("ubfiz", |a| a.ubfiz(X0, X0, 4, 4), &[0xff], 0xf0),
        case("sbfiz", |a| a.sbfiz(X0, X0, 4, 4), &[0x8], -128i64 as u64),
        case(
            "bfi",
            |a| a.bfi(X0, X(1), 8, 8),
            &[0xffff_ffff, 0x12],
            0xffff_12ff,
        ),
        case(
            "bfxil",
            |a| a.bfxil(X0, X(1), 8, 8),
            &[0xffff_ffff, 0x3400],
            0xffff_ff34,
        ),
        case("ubfm", |a| a.ubfm(X0, X0, 4, 7), &[0xab], 0xa),
        case(
            "sbfm",
            |a| a.sbfm(X0, X0, 0, 15),
            &[0x8000],
            0xffff_ffff_ffff_8000,
        ),
        case(
            "sxtw",
            |a| Ok(a.sxtw(X0, W0)),
            &[0x8000_0000],
            0xffff_ffff_8000_0000,
        ),
        case("sxtb", |a| Ok(a.sxtb(X0, W0)), &[0x80], u64::MAX - 0x7f),
        case("sxth w", |a| Ok(a.sxth(W0, W0)), &[0x8000], 0xffff_8000),
        case("uxtb", |a| Ok(a.uxtb(W0, W0)), &[0x1ff], 0xff),
        case("uxth", |a| Ok(a.uxth(W0, W0)), &[0x1_ffff], 0xffff),
    ]);
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

#[test]
fn branches_over_forward_and_backward_labels() {
    check(&[
        case(
            "b forward skips",
            |a| {
                let end = a.new_label();
                a.b(end);
                a.movz(X0, 99, 0)?;
                a.bind(end)
            },
            &[7],
            7,
        ),
        case(
            "b backward",
            |a| {
                // jump forward to a block that jumps back
                let back = a.new_label();
                let fwd = a.new_label();
                let out = a.new_label();
                a.b(fwd);
                a.bind(back)?;
                a.add_imm(X0, X0, imm(100));
                a.b(out);
                a.bind(fwd)?;
                a.add_imm(X0, X0, imm(1));
                a.b(back);
                a.bind(out)
            },
            &[1],
            102,
        ),
        case(
            "cbz taken",
            |a| {
                let z = a.new_label();
                a.cbz(X0, z);
                a.movz(X0, 5, 0)?;
                a.ret();
                a.bind(z)?;
                a.movz(X0, 6, 0)
            },
            &[0],
            6,
        ),
        case(
            "cbnz w looks at 32 bits",
            |a| {
                let nz = a.new_label();
                a.cbnz(W0, nz);
                a.movz(X0, 5, 0)?;
                a.ret();
                a.bind(nz)?;
                a.movz(X0, 6, 0)
            },
            &[1 << 32],
            5,
        ),
        case(
            "tbz bit 63",
            |a| {
                let clear = a.new_label();
                a.tbz(X0, 63, clear)?;
                a.movz(X0, 1, 0)?;
                a.ret();
                a.bind(clear)?;
                a.movz(X0, 2, 0)
            },
            &[1 << 62],
            2,
        ),
        case(
            "tbnz bit 3",
            |a| {
                let set = a.new_label();
                a.tbnz(X0, 3, set)?;
                a.movz(X0, 1, 0)?;
                a.ret();
                a.bind(set)?;
                a.movz(X0, 2, 0)
            },
            &[8],
            2,
        ),
        case(
            "bl and ret to a local function",
            |a| {
                let f = a.new_label();
                let done = a.new_label();
                a.mov(X(9), X30);
                a.bl(f);
                a.bl(f);
                a.b(done);
                a.bind(f)?;
                a.add_imm(X0, X0, imm(10));
                a.ret();
                a.bind(done)?;
                a.mov(X30, X(9));
                Ok(())
            },
            &[1],
            21,
        ),
        case(
            "adr + br, adr + blr",
            |a| {
                let target = a.new_label();
                let f = a.new_label();
                let done = a.new_label();
                a.adr(X(1), target);
                a.br(X(1));
                a.movz(X0, 99, 0)?;
                a.bind(target)?;
                a.mov(X(9), X30);
                a.adr(X(2), f);
                a.blr(X(2));
                a.mov(X30, X(9));
                a.b(done);
                a.bind(f)?;
                a.add_imm(X0, X0, imm(5));
                a.ret();
                a.bind(done)
            },
            &[1],
            6,
        ),
        case(
            "ldr literal",
            |a| {
                let lit = a.new_label();
                let done = a.new_label();
                a.ldr_literal(X0, lit);
                a.b(done);
                a.align(8)?;
                a.bind(lit)?;
                a.emit_u64(0x1122_3344_5566_7788);
                a.bind(done)
            },
            &[],
            0x1122_3344_5566_7788,
        ),
        case(
            "ldrsw literal",
            |a| {
                let lit = a.new_label();
                let done = a.new_label();
                a.ldrsw_literal(X0, lit);
                a.b(done);
                a.bind(lit)?;
                a.emit_u32(0x8000_0001);
                a.bind(done)
            },
            &[],
            0xffff_ffff_8000_0001,
        ),
    ]);
}

#[test]
fn loops() {
    check(&[
        case(
            "sum 1..=n counting down with cbnz",
            |a| {
                let top = a.new_label();
                a.mov(X(1), X0);
                a.movz(X0, 0, 0)?;
                a.bind(top)?;
                a.add(X0, X0, X(1));
                a.sub_imm(X(1), X(1), imm(1));
                a.cbnz(X(1), top);
                Ok(())
            },
            &[1000],
            500_500,
        ),
        case(
            "nested loops with b.lt",
            |a| {
                // for i in 0..x0 { for j in 0..x1 { acc += i * j } }
                let (outer, inner) = (a.new_label(), a.new_label());
                a.movz(X(2), 0, 0)?; // i
                a.movz(X(4), 0, 0)?; // acc
                a.bind(outer)?;
                a.movz(X(3), 0, 0)?; // j
                a.bind(inner)?;
                a.madd(X(4), X(2), X(3), X(4));
                a.add_imm(X(3), X(3), imm(1));
                a.cmp(X(3), X(1));
                a.b_cond(Cond::Lt, inner);
                a.add_imm(X(2), X(2), imm(1));
                a.cmp(X(2), X0);
                a.b_cond(Cond::Lt, outer);
                a.mov(X0, X(4));
                Ok(())
            },
            &[10, 20],
            45 * 190,
        ),
        case(
            "fibonacci",
            |a| {
                let (top, done) = (a.new_label(), a.new_label());
                a.movz(X(1), 0, 0)?;
                a.movz(X(2), 1, 0)?;
                a.bind(top)?;
                a.cbz(X0, done);
                a.add(X(3), X(1), X(2));
                a.mov(X(1), X(2));
                a.mov(X(2), X(3));
                a.sub_imm(X0, X0, imm(1));
                a.b(top);
                a.bind(done)?;
                a.mov(X0, X(1));
                Ok(())
            },
            &[90],
            2_880_067_194_370_816_120,
        ),
    ]);
}

#[test]
fn system_instructions_execute() {
    check(&[
        case(
            "nop, barriers",
            |a| {
                a.nop();
                a.dmb(Barrier::Ish);
                a.dsb(Barrier::Sy);
                a.isb();
                a.add_imm(X0, X0, imm(1));
                Ok(())
            },
            &[1],
            2,
        ),
        case(
            "mrs ctr_el0 gives line sizes",
            |a| {
                a.mrs(X0, SysReg::CtrEl0);
                a.lsr_imm(X0, X0, 31) // RES1 bit 31
            },
            &[],
            1,
        ),
        case(
            "cache maintenance on this code",
            |a| {
                let here = a.here();
                a.adr(X(1), here);
                a.dc_cvau(X(1));
                a.dsb(Barrier::Ish);
                a.ic_ivau(X(1));
                a.dsb(Barrier::Ish);
                a.isb();
                a.add_imm(X0, X0, imm(1));
                Ok(())
            },
            &[41],
            42,
        ),
        case(
            "msr/mrs tpidr_el0",
            |a| {
                a.mrs(X(9), SysReg::TpidrEl0);
                a.msr(SysReg::TpidrEl0, X0)?;
                a.mrs(X0, SysReg::TpidrEl0);
                a.msr(SysReg::TpidrEl0, X(9))
            },
            &[0x1234],
            0x1234,
        ),
    ]);
}

/// A memory case: x0 = a fresh 16-word buffer holding [`init`], the snippet returns x0, and
/// afterwards the buffer must equal `init` with `stores` applied.
struct MemCase {
    name: &'static str,
    code: fn(&mut Assembler) -> AsmResult,
    want: u64,
    stores: &'static [(usize, u64)],
}

fn init() -> [u64; 16] {
    std::array::from_fn(|i| 0x1000 + i as u64 * 0x0101_0101_0101_0101)
}

fn mem(
    name: &'static str,
    code: fn(&mut Assembler) -> AsmResult,
    want: u64,
    stores: &'static [(usize, u64)],
) -> MemCase {
    MemCase {
        name,
        code,
        want,
        stores,
    }
}

fn check_mem(cases: &[MemCase]) {
    let mut got = Vec::new();
    let mut want = Vec::new();
    for c in cases {
        let mut buf = init();
        let base = buf.as_mut_ptr() as u64;
        let r = crate::support::try_run(
            |a| {
                (c.code)(a)?;
                a.ret();
                Ok(())
            },
            &[base],
        );
        got.push((c.name, r.map_err(|e| e.to_string()), buf));
        let mut expected = init();
        for &(i, v) in c.stores {
            expected[i] = v;
        }
        want.push((c.name, Ok(c.want), expected));
    }
    assert_eq!(got, want);
}

const W1: u64 = 0x1000 + 0x0101_0101_0101_0101;
const W2: u64 = 0x1000 + 2 * 0x0101_0101_0101_0101;

#[test]
fn every_addressing_mode() {
    check_mem(&[
        mem("ldr offset", |a| a.ldr(X0, Mem::off(X0, 8)), W1, &[]),
        mem("ldr_imm", |a| a.ldr_imm(X0, X0, 16), W2, &[]),
        mem(
            "ldur negative",
            |a| {
                a.add_imm(X0, X0, imm(16));
                a.ldr(X0, Mem::unscaled(X0, -8))
            },
            W1,
            &[],
        ),
        mem(
            "ldur unaligned",
            |a| a.ldr(W0, Mem::unscaled(X0, 9)),
            (W1 >> 8) & 0xffff_ffff,
            &[],
        ),
        mem(
            "ldr reg lsl",
            |a| {
                a.movz(X(1), 2, 0)?;
                a.ldr(X0, Mem::reg(X0, Index::X(X(1)), true))
            },
            W2,
            &[],
        ),
        mem(
            "ldr reg unscaled",
            |a| {
                a.movz(X(1), 8, 0)?;
                a.ldr(X0, Mem::reg(X0, Index::X(X(1)), false))
            },
            W1,
            &[],
        ),
        mem(
            "ldr reg sxtw negative",
            |a| {
                a.add_imm(X0, X0, imm(16));
                a.movn(W(1), 0, 0)?; // w1 = -1
                a.ldr(X0, Mem::reg(X0, Index::WSxtw(W(1)), true))
            },
            W1,
            &[],
        ),
        mem(
            "ldr reg uxtw",
            |a| {
                a.mov_imm64(X(1), 0xffff_ffff_0000_0001); // uxtw keeps the low word: 1
                a.ldr(X0, Mem::reg(X0, Index::WUxtw(W(1)), true))
            },
            W1,
            &[],
        ),
        mem(
            "ldr reg sxtx",
            |a| {
                a.add_imm(X0, X0, imm(16));
                a.movn(X(1), 0, 0)?;
                a.ldr(X0, Mem::reg(X0, Index::XSxtx(X(1)), true))
            },
            W1,
            &[],
        ),
        mem(
            "ldr pre-index writes back",
            |a| {
                a.mov(X(2), X0);
                a.ldr(X(1), Mem::pre(X0, 16))?;
                a.sub(X0, X0, X(2)); // 16
                a.add(X0, X0, X(1));
                Ok(())
            },
            16 + W2,
            &[],
        ),
        mem(
            "ldr post-index writes back",
            |a| {
                a.mov(X(2), X0);
                a.ldr(X(1), Mem::post(X0, 24))?;
                a.sub(X0, X0, X(2)); // 24
                a.add(X0, X0, X(1));
                Ok(())
            },
            24 + 0x1000,
            &[],
        ),
        mem(
            "str pre-index negative",
            |a| {
                a.add_imm(X(1), X0, imm(32));
                a.movz(X(2), 0xaa, 0)?;
                a.str(X(2), Mem::pre(X(1), -8))?;
                a.sub(X0, X(1), X0); // 24
                Ok(())
            },
            24,
            &[(3, 0xaa)],
        ),
        mem(
            "str post-index",
            |a| {
                a.mov(X(1), X0);
                a.movz(X(2), 0xbb, 0)?;
                a.str(X(2), Mem::post(X(1), 8))?;
                a.str(X(2), Mem::post(X(1), 8))?;
                a.sub(X0, X(1), X0);
                Ok(())
            },
            16,
            &[(0, 0xbb), (1, 0xbb)],
        ),
        mem(
            "str w leaves the upper half",
            |a| {
                a.mov_imm64(X(1), 0xffff_ffff_ffff_ffff);
                a.str(W(1), Mem::off(X0, 8))?;
                a.movz(X0, 0, 0)
            },
            0,
            &[(1, (W1 & !0xffff_ffff) | 0xffff_ffff)],
        ),
        mem(
            "stur / ldur",
            |a| {
                a.add_imm(X(3), X0, imm(256));
                a.movz(X(1), 0x77, 0)?;
                a.str(X(1), Mem::unscaled(X(3), -256))?; // word 0, the lowest offset
                a.sub_imm(X(3), X(3), imm(256 + 255 - 8 * 15));
                a.ldr(X0, Mem::unscaled(X(3), 255))?; // word 15, the highest offset
                a.add(X0, X0, X(1));
                Ok(())
            },
            0x1000 + 15 * 0x0101_0101_0101_0101 + 0x77,
            &[(0, 0x77)],
        ),
        mem(
            "str reg offset",
            |a| {
                a.movz(X(1), 5, 0)?;
                a.movz(X(2), 0x55, 0)?;
                a.str(X(2), Mem::reg(X0, Index::X(X(1)), true))?;
                a.movz(X0, 1, 0)
            },
            1,
            &[(5, 0x55)],
        ),
        mem(
            "ldrb",
            |a| a.ldrb(W0, Mem::off(X0, 9)),
            (W1 >> 8) & 0xff,
            &[],
        ),
        mem("ldrh", |a| a.ldrh(W0, Mem::off(X0, 8)), W1 & 0xffff, &[]),
        mem(
            "ldrsb / ldrsh / ldrsw sign-extend",
            |a| {
                a.mov_imm64(X(1), 0x8000_0000_8080_8080);
                a.str(X(1), Mem::off(X0, 0))?;
                a.ldrsb(X(2), Mem::off(X0, 0))?;
                a.ldrsh(X(3), Mem::off(X0, 0))?;
                a.ldrsw(X(4), Mem::off(X0, 4))?;
                a.ldrsb(W(5), Mem::off(X0, 0))?; // w form: zero upper 32
                // result = (x2 == -128) + 2*(x3 == -32640) + 4*(x4 == i32::MIN) + 8*(x5 == 0xffffff80)
                a.movz(X0, 0, 0)?;
                a.cmn_imm(X(2), imm(128));
                a.cinc(X0, X0, Cond::Eq)?;
                a.mov_imm64(X(6), -32640i64 as u64);
                a.cmp(X(3), X(6));
                a.cset(X(7), Cond::Eq)?;
                a.add_shifted(X0, X0, X(7), Shift::Lsl, 1)?;
                a.mov_imm64(X(6), i32::MIN as i64 as u64);
                a.cmp(X(4), X(6));
                a.cset(X(7), Cond::Eq)?;
                a.add_shifted(X0, X0, X(7), Shift::Lsl, 2)?;
                a.mov_imm64(X(6), 0xffff_ff80);
                a.cmp(X(5), X(6));
                a.cset(X(7), Cond::Eq)?;
                a.add_shifted(X0, X0, X(7), Shift::Lsl, 3)
            },
            15,
            &[(0, 0x8000_0000_8080_8080)],
        ),
        mem(
            "strb / strh",
            |a| {
                a.mov_imm64(X(1), 0x1122_3344);
                a.strb(W(1), Mem::off(X0, 0))?;
                a.strh(W(1), Mem::off(X0, 10))?;
                a.movz(X0, 0, 0)
            },
            0,
            &[(0, 0x1044), (1, (W1 & !0xffff_0000) | 0x3344_0000)],
        ),
        mem(
            "ldp / stp offset",
            |a| {
                a.ldp(X(1), X(2), X0, 16)?;
                a.stp(X(2), X(1), X0, 64)?;
                a.sub(X0, X(2), X(1));
                Ok(())
            },
            0x0101_0101_0101_0101,
            &[(8, W2 + 0x0101_0101_0101_0101), (9, W2)],
        ),
        mem(
            "ldp pre / post writeback",
            |a| {
                a.mov(X(5), X0);
                a.ldp_pre(X(1), X(2), X(5), 32)?; // words 4, 5; x5 += 32
                a.ldp_post(X(3), X(4), X(5), -16)?; // words 4, 5; x5 -= 16
                a.sub(X0, X(5), X0); // 16
                a.add(X0, X0, X(4));
                a.sub(X0, X0, X(2));
                Ok(())
            },
            16,
            &[],
        ),
        mem(
            "stp pre / post writeback",
            |a| {
                a.add_imm(X(5), X0, imm(64));
                a.movz(X(1), 1, 0)?;
                a.movz(X(2), 2, 0)?;
                a.stp_pre(X(1), X(2), X(5), -16)?; // words 6, 7
                a.stp_post(X(2), X(1), X(5), 32)?; // words 6, 7 again, swapped
                a.sub(X0, X(5), X0);
                Ok(())
            },
            80,
            &[(6, 2), (7, 1)],
        ),
        mem(
            "ldp / stp d registers",
            |a| {
                a.ldp(D(0), D(1), X0, 8)?;
                a.stp_pre(D(1), D(0), X0, 96)?;
                a.ldp_post(D(2), D(3), X0, 8)?;
                a.stp_post(D(2), D(3), X0, 8)?;
                a.fmov_to_gp(X0, D(3));
                Ok(())
            },
            W1,
            &[(12, W2), (13, W2), (14, W1)],
        ),
        mem(
            "ldr / str d with offset and index",
            |a| {
                a.ldr(D(0), Mem::off(X0, 8))?;
                a.str(D(0), Mem::pre(X0, 120))?;
                a.fmov_to_gp(X0, D(0));
                Ok(())
            },
            W1,
            &[(15, W1)],
        ),
        mem(
            "ldr / str s",
            |a| {
                a.ldr(S(0), Mem::off(X0, 8))?;
                a.str(S(0), Mem::off(X0, 4))?;
                a.fmov_to_gp(W0, S(0));
                Ok(())
            },
            W1 & 0xffff_ffff,
            &[(0, (W1 << 32) | 0x1000)],
        ),
        mem(
            "sp-relative with writeback",
            |a| {
                a.mov_sp(X(9), SP);
                a.movz(X(1), 0x99, 0)?;
                a.str(X(1), Mem::pre(SP, -16))?;
                a.ldr(X(2), Mem::post(SP, 16))?;
                a.mov_sp(X(3), SP);
                a.sub(X(3), X(3), X(9)); // 0
                a.add(X0, X(2), X(3));
                Ok(())
            },
            0x99,
            &[],
        ),
    ]);
}
