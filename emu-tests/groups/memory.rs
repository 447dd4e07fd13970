//! Every addressing mode: a fresh buffer in x0, checking the loaded result and what was
//! stored.

// Table entries wrap infallible emitters as `|a| Ok(a.add(..))` to keep each case one line.
#![allow(clippy::unit_arg)]

use kiln::asm::aarch64::*;
use pretty_assertions::assert_eq;

use super::imm;

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
const W1_HALVES_SWAPPED: u64 = W1.rotate_right(32);

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
            "ldp / stp w registers",
            |a| {
                a.ldp(W(1), W(2), X0, 8)?; // the two halves of word 1
                a.stp_pre(W(2), W(1), X0, 16)?; // word 2, halves swapped
                a.ldp_post(W(3), W(4), X0, 4)?;
                a.ldr(W0, Mem::off(X0, 0))?; // high half of word 2 = low half of word 1
                Ok(())
            },
            W1 & 0xffff_ffff,
            &[(2, W1_HALVES_SWAPPED)],
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
