//! Planning `mov_imm64`/`mov_imm32`: the shortest sequence of movz/movn/orr-immediate
//! followed by movk instructions that materialises a constant.
//!
//! Candidates, shortest wins (ties prefer movz, then movn, then orr):
//! - `movz` of the first non-zero halfword, `movk` of every other non-zero halfword;
//! - `movn` of the first non-0xffff halfword, `movk` of every other non-0xffff halfword;
//! - `orr rd, zr, #bitmask` alone, or with one or two halfwords first replaced by a filler
//!   (0, 0xffff or another halfword of the value) that makes it a bitmask immediate, then
//!   fixed by `movk` (only searched when the movz/movn candidates need 3 or more).

use super::enc_arith::{enc_logic_imm, enc_move_wide};
use super::imm::BitmaskImm;

/// One instruction of a constant-loading sequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MovStep {
    /// `movz rd, #imm16, lsl #(16*hw)`.
    Movz {
        /// Halfword index.
        hw: u32,
        /// The halfword.
        imm16: u16,
    },
    /// `movn rd, #imm16, lsl #(16*hw)`.
    Movn {
        /// Halfword index.
        hw: u32,
        /// The inverted halfword.
        imm16: u16,
    },
    /// `movk rd, #imm16, lsl #(16*hw)`.
    Movk {
        /// Halfword index.
        hw: u32,
        /// The halfword.
        imm16: u16,
    },
    /// `orr rd, zr, #imm`.
    Orr(BitmaskImm),
}

impl MovStep {
    /// The instruction word for destination register field `rd` and size bit `sf`.
    pub fn encode(self, sf: u32, rd: u32) -> u32 {
        match self {
            MovStep::Movz { hw, imm16 } => enc_move_wide(sf, 0b10, hw, imm16 as u32, rd),
            MovStep::Movn { hw, imm16 } => enc_move_wide(sf, 0b00, hw, imm16 as u32, rd),
            MovStep::Movk { hw, imm16 } => enc_move_wide(sf, 0b11, hw, imm16 as u32, rd),
            MovStep::Orr(b) => enc_logic_imm(sf, 0b01, b.n(), b.immr(), b.imms(), 31, rd),
        }
    }
}

fn halfword(v: u64, i: u32) -> u16 {
    (v >> (16 * i)) as u16
}

fn with_halfword(v: u64, i: u32, h: u16) -> u64 {
    (v & !(0xffffu64 << (16 * i))) | ((h as u64) << (16 * i))
}

/// A movz- (`fill` 0) or movn- (`fill` 0xffff) based sequence.
fn wide_plan(v: u64, n: u32, fill: u16) -> Vec<MovStep> {
    let mut steps = Vec::new();
    for i in 0..n {
        let h = halfword(v, i);
        if h == fill {
            continue;
        }
        steps.push(if steps.is_empty() {
            if fill == 0 {
                MovStep::Movz { hw: i, imm16: h }
            } else {
                MovStep::Movn { hw: i, imm16: !h }
            }
        } else {
            MovStep::Movk { hw: i, imm16: h }
        });
    }
    if steps.is_empty() {
        steps.push(if fill == 0 {
            MovStep::Movz { hw: 0, imm16: 0 }
        } else {
            MovStep::Movn { hw: 0, imm16: 0 }
        });
    }
    steps
}

/// `orr` of `base` (which must be a bitmask immediate) then `movk` for every halfword where
/// `v` differs from it.
fn orr_plan(v: u64, base: u64, n: u32, bits: u32) -> Option<Vec<MovStep>> {
    let b = BitmaskImm::new(base, bits)?;
    let mut steps = vec![MovStep::Orr(b)];
    for i in 0..n {
        if halfword(v, i) != halfword(base, i) {
            steps.push(MovStep::Movk {
                hw: i,
                imm16: halfword(v, i),
            });
        }
    }
    Some(steps)
}

/// A short sequence for `value`, found without searching: movz/movn + movk (at most four),
/// or a single `orr` when `value` is a bitmask immediate. [`plan`] can be shorter (it searches
/// orr + movk combinations), but this is cheap enough for a JIT to call for every constant it
/// loads.
pub fn plan_quick(value: u64, bits: u32) -> Vec<MovStep> {
    let (v, n) = if bits == 32 {
        (value & 0xffff_ffff, 2)
    } else {
        (value, 4)
    };
    let best = wide_plan(v, n, 0);
    let movn = wide_plan(v, n, 0xffff);
    let best = if movn.len() < best.len() { movn } else { best };
    if best.len() > 1
        && let Some(b) = BitmaskImm::new(v, bits)
    {
        return vec![MovStep::Orr(b)];
    }
    best
}

/// The shortest known sequence for `value` at `bits` width (32 or 64; a 32-bit `value` must
/// fit in 32 bits, higher bits are ignored).
pub fn plan(value: u64, bits: u32) -> Vec<MovStep> {
    let (v, n) = if bits == 32 {
        (value & 0xffff_ffff, 2)
    } else {
        (value, 4)
    };
    let mut best = wide_plan(v, n, 0);
    let movn = wide_plan(v, n, 0xffff);
    if movn.len() < best.len() {
        best = movn;
    }
    if best.len() == 1 {
        return best;
    }
    if let Some(p) = orr_plan(v, v, n, bits) {
        return p;
    }
    if best.len() < 3 {
        return best;
    }
    // Fillers for replaced halfwords.
    let mut fillers: Vec<u16> = vec![0, 0xffff];
    for i in 0..n {
        let h = halfword(v, i);
        if !fillers.contains(&h) {
            fillers.push(h);
        }
    }
    for i in 0..n {
        for &f in &fillers {
            if let Some(p) = orr_plan(v, with_halfword(v, i, f), n, bits)
                && p.len() < best.len()
            {
                best = p;
            }
        }
    }
    if best.len() <= 3 {
        return best;
    }
    for i in 0..n {
        for j in i + 1..n {
            for &f in &fillers {
                for &g in &fillers {
                    let base = with_halfword(with_halfword(v, i, f), j, g);
                    if let Some(p) = orr_plan(v, base, n, bits)
                        && p.len() < best.len()
                    {
                        return p;
                    }
                }
            }
        }
    }
    best
}
