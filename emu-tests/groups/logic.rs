//! Logic (register and bitmask immediate), shifts (register and immediate), bitfields.

// Table entries wrap infallible emitters as `|a| Ok(a.add(..))` to keep each case one line.
#![allow(clippy::unit_arg)]

use kiln::asm::aarch64::*;

use super::{Z, flags};
use crate::support::{case, check};

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
