//! Floating point, table-driven: inputs are bit patterns in x0–x2 (moved to d0–d2 or s0–s2),
//! results are compared bit for bit (so -0.0, NaN payloads and signs count). Covers NaN, ±0,
//! ±inf, saturating conversions and every rounding mode (the frint* family and FPCR.RMode).

use kiln::asm::aarch64::*;

use crate::support::{Case, case, check};

fn b(x: f64) -> u64 {
    x.to_bits()
}

fn bs(x: f32) -> u64 {
    x.to_bits() as u64
}

/// d0, d1, d2 = x0, x1, x2.
fn load_d(a: &mut Assembler) {
    for i in 0..3u8 {
        a.fmov_from_gp(D(i), X(i));
    }
}

/// s0, s1 = w0, w1.
fn load_s(a: &mut Assembler) {
    for i in 0..2u8 {
        a.fmov_from_gp(S(i), W(i));
    }
}

/// x0 = d0.
fn ret_d(a: &mut Assembler) -> AsmResult {
    a.fmov_to_gp(X0, D(0));
    Ok(())
}

/// x0 = the NZCV flags as a 4-bit number.
fn flags(a: &mut Assembler) -> AsmResult {
    a.mrs(X0, SysReg::Nzcv);
    a.lsr_imm(X0, X0, 28)
}

const DEFAULT_NAN: u64 = 0x7ff8_0000_0000_0000;
const QNAN_PAYLOAD: u64 = 0x7ff8_0000_0000_0123;
const SNAN: u64 = 0x7ff0_0000_0000_0001;
const NEG_ZERO: u64 = 0x8000_0000_0000_0000;
const INF: f64 = f64::INFINITY;

macro_rules! op2 {
    ($m:ident) => {
        |a| {
            load_d(a);
            a.$m(D(0), D(0), D(1));
            ret_d(a)
        }
    };
}

macro_rules! op1 {
    ($m:ident) => {
        |a| {
            load_d(a);
            a.$m(D(0), D(0));
            ret_d(a)
        }
    };
}

#[test]
fn arithmetic_with_nan_zero_and_infinity() {
    check(&[
        case("fadd", op2!(fadd), &[b(1.5), b(2.25)], b(3.75)),
        case("fsub", op2!(fsub), &[b(1.5), b(2.25)], b(-0.75)),
        case("fmul", op2!(fmul), &[b(1.5), b(-4.0)], b(-6.0)),
        case("fdiv", op2!(fdiv), &[b(1.0), b(3.0)], b(1.0 / 3.0)),
        case("1 / +0 = +inf", op2!(fdiv), &[b(1.0), 0], b(INF)),
        case("1 / -0 = -inf", op2!(fdiv), &[b(1.0), NEG_ZERO], b(-INF)),
        case("0 / 0 = default NaN", op2!(fdiv), &[0, 0], DEFAULT_NAN),
        case(
            "inf - inf = default NaN",
            op2!(fsub),
            &[b(INF), b(INF)],
            DEFAULT_NAN,
        ),
        case(
            "inf * 0 = default NaN",
            op2!(fmul),
            &[b(INF), 0],
            DEFAULT_NAN,
        ),
        case("-0 + -0 = -0", op2!(fadd), &[NEG_ZERO, NEG_ZERO], NEG_ZERO),
        case("-0 + +0 = +0", op2!(fadd), &[NEG_ZERO, 0], 0),
        case("-0 * 5 = -0", op2!(fmul), &[NEG_ZERO, b(5.0)], NEG_ZERO),
        case(
            "qNaN payload propagates",
            op2!(fadd),
            &[QNAN_PAYLOAD, b(1.0)],
            QNAN_PAYLOAD,
        ),
        case(
            "sNaN is quieted",
            op2!(fmul),
            &[b(1.0), SNAN],
            SNAN | (1 << 51),
        ),
        case(
            "overflow to inf",
            op2!(fmul),
            &[b(f64::MAX), b(2.0)],
            b(INF),
        ),
        case("fnmul", op2!(fnmul), &[b(2.0), b(3.0)], b(-6.0)),
        case("fneg +0", op1!(fneg), &[0], NEG_ZERO),
        case(
            "fneg NaN flips sign",
            op1!(fneg),
            &[DEFAULT_NAN],
            DEFAULT_NAN | NEG_ZERO,
        ),
        case("fabs -0", op1!(fabs), &[NEG_ZERO], 0),
        case("fabs -inf", op1!(fabs), &[b(-INF)], b(INF)),
        case(
            "fsqrt 2",
            op1!(fsqrt),
            &[b(2.0)],
            b(std::f64::consts::SQRT_2),
        ),
        case(
            "fsqrt -1 = default NaN",
            op1!(fsqrt),
            &[b(-1.0)],
            DEFAULT_NAN,
        ),
        case("fsqrt -0 = -0", op1!(fsqrt), &[NEG_ZERO], NEG_ZERO),
        case("fsqrt inf", op1!(fsqrt), &[b(INF)], b(INF)),
        case("fmin -0 +0", op2!(fmin), &[0, NEG_ZERO], NEG_ZERO),
        case("fmax -0 +0", op2!(fmax), &[NEG_ZERO, 0], 0),
        case("fmin NaN", op2!(fmin), &[b(1.0), DEFAULT_NAN], DEFAULT_NAN),
        case("fmax -inf", op2!(fmax), &[b(-INF), b(-1e308)], b(-1e308)),
        case(
            "fminnm ignores qNaN",
            op2!(fminnm),
            &[DEFAULT_NAN, b(1.0)],
            b(1.0),
        ),
        case(
            "fmaxnm ignores qNaN",
            op2!(fmaxnm),
            &[b(-2.0), DEFAULT_NAN],
            b(-2.0),
        ),
        case("fmov reg", op1!(fmov), &[b(-7.5)], b(-7.5)),
        case(
            "fadd single",
            |a| {
                load_s(a);
                a.fadd(S(0), S(0), S(1));
                a.fmov_to_gp(W0, S(0));
                Ok(())
            },
            &[bs(1.5), bs(2.25)],
            bs(3.75),
        ),
        case(
            "fdiv single 1/0",
            |a| {
                load_s(a);
                a.fdiv(S(0), S(0), S(1));
                a.fmov_to_gp(W0, S(0));
                Ok(())
            },
            &[bs(-1.0), 0],
            bs(f32::NEG_INFINITY),
        ),
    ]);
}

#[test]
fn compares_and_select() {
    const N: u64 = 8;
    const Z: u64 = 4;
    const C: u64 = 2;
    const V: u64 = 1;
    let fcmp = |a: &mut Assembler| {
        load_d(a);
        a.fcmp(D(0), D(1));
        flags(a)
    };
    let cases: Vec<Case> = vec![
        case("fcmp less", fcmp, &[b(1.0), b(2.0)], N),
        case("fcmp equal", fcmp, &[b(2.0), b(2.0)], Z | C),
        case("fcmp greater", fcmp, &[b(3.0), b(2.0)], C),
        case("fcmp -0 == +0", fcmp, &[NEG_ZERO, 0], Z | C),
        case("fcmp NaN unordered", fcmp, &[DEFAULT_NAN, b(2.0)], C | V),
        case("fcmp -inf < inf", fcmp, &[b(-INF), b(INF)], N),
        case(
            "fcmp #0.0 with -0",
            |a| {
                load_d(a);
                a.fcmp_zero(D(0));
                flags(a)
            },
            &[NEG_ZERO],
            Z | C,
        ),
        case(
            "fcmp #0.0 with NaN",
            |a| {
                load_d(a);
                a.fcmp_zero(D(0));
                flags(a)
            },
            &[QNAN_PAYLOAD],
            C | V,
        ),
        case(
            "fcmpe NaN unordered",
            |a| {
                load_d(a);
                a.fcmpe(D(0), D(1));
                flags(a)
            },
            &[b(1.0), DEFAULT_NAN],
            C | V,
        ),
        case(
            "fcmpe #0.0 negative",
            |a| {
                load_d(a);
                a.fcmpe_zero(D(0));
                flags(a)
            },
            &[b(-3.0)],
            N,
        ),
        case(
            "fcmp single",
            |a| {
                load_s(a);
                a.fcmp(S(0), S(1));
                flags(a)
            },
            &[bs(1.0), bs(0.5)],
            C,
        ),
        case(
            "fcsel gt is false for NaN",
            |a| {
                load_d(a);
                a.fcmp(D(0), D(1));
                a.fcsel(D(0), D(0), D(2), Cond::Gt);
                ret_d(a)
            },
            &[DEFAULT_NAN, b(1.0), b(42.0)],
            b(42.0),
        ),
        case(
            "fcsel picks the first when true",
            |a| {
                load_d(a);
                a.fcmp(D(0), D(1));
                a.fcsel(D(0), D(0), D(2), Cond::Lt);
                ret_d(a)
            },
            &[b(-1.0), b(1.0), b(42.0)],
            b(-1.0),
        ),
    ];
    check(&cases);
}

#[test]
fn conversions_saturate_and_round() {
    let zs = |a: &mut Assembler| {
        load_d(a);
        a.fcvtzs(X0, D(0));
        Ok(())
    };
    let zs_w = |a: &mut Assembler| {
        load_d(a);
        a.fcvtzs(W0, D(0));
        Ok(())
    };
    let zu = |a: &mut Assembler| {
        load_d(a);
        a.fcvtzu(X0, D(0));
        Ok(())
    };
    let zu_w = |a: &mut Assembler| {
        load_d(a);
        a.fcvtzu(W0, D(0));
        Ok(())
    };
    let scvtf = |a: &mut Assembler| {
        a.scvtf(D(0), X0);
        ret_d(a)
    };
    let ucvtf = |a: &mut Assembler| {
        a.ucvtf(D(0), X0);
        ret_d(a)
    };
    let cases: Vec<Case> = vec![
        case("fcvtzs 2.9", zs, &[b(2.9)], 2),
        case("fcvtzs -2.9", zs, &[b(-2.9)], -2i64 as u64),
        case("fcvtzs -0.9", zs, &[b(-0.9)], 0),
        case("fcvtzs 1e300 saturates", zs, &[b(1e300)], i64::MAX as u64),
        case("fcvtzs -1e300 saturates", zs, &[b(-1e300)], i64::MIN as u64),
        case("fcvtzs inf", zs, &[b(INF)], i64::MAX as u64),
        case("fcvtzs -inf", zs, &[b(-INF)], i64::MIN as u64),
        case("fcvtzs NaN = 0", zs, &[DEFAULT_NAN], 0),
        case(
            "fcvtzs 2^63 saturates",
            zs,
            &[b(2f64.powi(63))],
            i64::MAX as u64,
        ),
        case("fcvtzs w 3e9 saturates", zs_w, &[b(3e9)], 0x7fff_ffff),
        case("fcvtzs w -3e9 saturates", zs_w, &[b(-3e9)], 0x8000_0000),
        case("fcvtzs w -1", zs_w, &[b(-1.5)], 0xffff_ffff),
        case("fcvtzu -1 = 0", zu, &[b(-1.0)], 0),
        case("fcvtzu 1e20 saturates", zu, &[b(1e20)], u64::MAX),
        case("fcvtzu NaN = 0", zu, &[DEFAULT_NAN], 0),
        case("fcvtzu 2^63", zu, &[b(2f64.powi(63))], 1 << 63),
        case("fcvtzu w 5e9 saturates", zu_w, &[b(5e9)], 0xffff_ffff),
        case("scvtf -1", scvtf, &[u64::MAX], b(-1.0)),
        case("scvtf i64::MIN", scvtf, &[1 << 63], b(-(2f64.powi(63)))),
        case(
            "scvtf 2^53+1 ties to even",
            scvtf,
            &[(1 << 53) + 1],
            b(9007199254740992.0),
        ),
        case(
            "ucvtf u64::MAX",
            ucvtf,
            &[u64::MAX],
            b(18446744073709551615.0),
        ),
        case(
            "scvtf from w",
            |a| {
                a.scvtf(D(0), W0);
                ret_d(a)
            },
            &[0xffff_ffff],
            b(-1.0),
        ),
        case(
            "ucvtf from w",
            |a| {
                a.ucvtf(D(0), W0);
                ret_d(a)
            },
            &[0xffff_ffff],
            b(4294967295.0),
        ),
        case(
            "fcvtzs from single",
            |a| {
                load_s(a);
                a.fcvtzs(X0, S(0));
                Ok(())
            },
            &[bs(-3.75)],
            -3i64 as u64,
        ),
        case(
            "fcvt d to s overflows to inf",
            |a| {
                load_d(a);
                a.fcvt_s_d(S(0), D(0));
                a.fmov_to_gp(W0, S(0));
                Ok(())
            },
            &[b(1e40)],
            bs(f32::INFINITY),
        ),
        case(
            "fcvt d to s to d rounds",
            |a| {
                load_d(a);
                a.fcvt_s_d(S(0), D(0));
                a.fcvt_d_s(D(0), S(0));
                ret_d(a)
            },
            &[b(0.1)],
            b(0.1f32 as f64),
        ),
        case(
            "fcvt keeps -0 and NaN sign",
            |a| {
                load_d(a);
                a.fcvt_s_d(S(0), D(0));
                a.fmov_to_gp(W0, S(0));
                a.fcvt_s_d(S(1), D(1));
                a.fmov_to_gp(W(1), S(1));
                a.orr_shifted(X0, X0, X(1), Shift::Lsl, 32)
            },
            &[NEG_ZERO, DEFAULT_NAN | NEG_ZERO],
            0xffc0_0000_8000_0000,
        ),
    ];
    check(&cases);
}

#[test]
fn frint_rounding_modes() {
    macro_rules! rounds {
        ($m:ident: $($x:expr => $want:expr),*) => {
            vec![$(case(concat!(stringify!($m), " ", stringify!($x)), op1!($m), &[b($x)], b($want))),*]
        };
    }
    let mut cases: Vec<Case> = Vec::new();
    cases.extend(rounds!(frintn: 2.5 => 2.0, 3.5 => 4.0, -2.5 => -2.0, -0.5 => -0.0, 0.49999999999999994 => 0.0));
    cases.extend(rounds!(frinta: 2.5 => 3.0, -2.5 => -3.0, 0.5 => 1.0, -0.4 => -0.0));
    cases.extend(rounds!(frintm: 2.5 => 2.0, -2.5 => -3.0, -0.0 => -0.0, -1e-300 => -1.0));
    cases.extend(rounds!(frintp: 2.1 => 3.0, -2.5 => -2.0, -0.5 => -0.0, 1e-300 => 1.0));
    cases.extend(rounds!(frintz: 2.7 => 2.0, -2.7 => -2.0, -0.7 => -0.0, 1e300 => 1e300));
    cases.extend(rounds!(frintx: 2.5 => 2.0, 3.5 => 4.0));
    cases.extend(rounds!(frinti: -2.5 => -2.0, 1.5 => 2.0));
    cases.push(case("frintm inf", op1!(frintm), &[b(-INF)], b(-INF)));
    cases.push(case(
        "frintn sNaN quiets",
        op1!(frintn),
        &[SNAN],
        SNAN | (1 << 51),
    ));
    cases.push(case(
        "frintp single",
        |a| {
            load_s(a);
            a.frintp(S(0), S(0));
            a.fmov_to_gp(W0, S(0));
            Ok(())
        },
        &[bs(-1.5)],
        bs(-1.0),
    ));
    check(&cases);
}

/// `frinti`/`frintx` and conversions follow FPCR.RMode (bits 23:22): the snippet sets it from
/// x1, rounds d0 and restores FPCR.
#[test]
fn fpcr_rounding_modes() {
    let with_mode = |a: &mut Assembler| {
        a.mrs(X(9), SysReg::Fpcr);
        a.lsl_imm(X(1), X(1), 22)?;
        a.msr(SysReg::Fpcr, X(1))?;
        load_d(a);
        a.frinti(D(0), D(0));
        a.msr(SysReg::Fpcr, X(9))?;
        ret_d(a)
    };
    let divide = |a: &mut Assembler| {
        a.mrs(X(9), SysReg::Fpcr);
        a.lsl_imm(X(1), X(1), 22)?;
        a.msr(SysReg::Fpcr, X(1))?;
        a.fmov_imm(D(0), 1.0)?;
        a.fmov_imm(D(1), 3.0)?;
        a.fdiv(D(0), D(0), D(1));
        a.msr(SysReg::Fpcr, X(9))?;
        ret_d(a)
    };
    let third = 1.0f64 / 3.0;
    check(&[
        case("RN 2.5", with_mode, &[b(2.5), 0], b(2.0)),
        case("RP 2.1", with_mode, &[b(2.1), 1], b(3.0)),
        case("RM -2.1", with_mode, &[b(-2.1), 2], b(-3.0)),
        case("RZ -2.9", with_mode, &[b(-2.9), 3], b(-2.0)),
        case("RN 1/3", divide, &[0, 0], b(third)),
        case("RP 1/3", divide, &[0, 1], b(third).wrapping_add(1)),
        case("RM 1/3", divide, &[0, 2], b(third)),
        case("RZ 1/3", divide, &[0, 3], b(third)),
    ]);
}

#[test]
fn moves_between_registers_and_immediates() {
    check(&[
        case(
            "fmov imm 2.5",
            |a| {
                a.fmov_imm(D(0), 2.5)?;
                ret_d(a)
            },
            &[],
            b(2.5),
        ),
        case(
            "fmov imm -0.125",
            |a| {
                a.fmov_imm(D(0), -0.125)?;
                ret_d(a)
            },
            &[],
            b(-0.125),
        ),
        case(
            "fmov imm 31 single",
            |a| {
                a.fmov_imm(S(0), 31.0)?;
                a.fmov_to_gp(W0, S(0));
                Ok(())
            },
            &[],
            bs(31.0),
        ),
        case(
            "fmov w to s zeroes the top of x",
            |a| {
                a.fmov_from_gp(S(0), W0);
                a.fmov_to_gp(X0, D(0));
                Ok(())
            },
            &[0xffff_ffff_3f80_0000],
            0x3f80_0000,
        ),
    ]);
}
