//! Condition codes, branches over forward and backward labels, loops, system instructions.

// Table entries wrap infallible emitters as `|a| Ok(a.add(..))` to keep each case one line.
#![allow(clippy::unit_arg)]

use kiln::asm::aarch64::*;
use pretty_assertions::assert_eq;

use super::imm;
use crate::support::{case, check, run};

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
