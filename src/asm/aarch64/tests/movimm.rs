//! `mov_imm64`/`mov_imm32` (and the JIT's `mov_imm64_quick`): each emitted sequence, executed by a small model of
//! movz/movn/movk/orr written here, yields the constant, and its length is the optimum over
//! all movz/movn+movk and orr-immediate+movk sequences (computed by brute force over every
//! bitmask immediate).

use std::collections::HashSet;

use pretty_assertions::assert_eq;

use super::bitmask::decode_bitmask;
use crate::asm::aarch64::{Assembler, W1, X3};

/// Runs movz/movn/movk/orr-immediate words on a zero register file; panics on anything else.
fn simulate(code: &[u8], width: u32) -> u64 {
    let mask = if width == 64 { u64::MAX } else { 0xffff_ffff };
    let mut reg = 0xdead_beef_dead_beef_u64; // garbage: the first instruction must overwrite
    for w in code.chunks(4) {
        let insn = u32::from_le_bytes([w[0], w[1], w[2], w[3]]);
        let sf = insn >> 31;
        assert_eq!(sf, (width == 64) as u32, "{insn:#010x}: wrong size");
        if (insn >> 23) & 0x3f == 0b100101 {
            let hw = (insn >> 21) & 3;
            let imm = (((insn >> 5) & 0xffff) as u64) << (16 * hw);
            reg = match (insn >> 29) & 3 {
                0b00 => !imm & mask,
                0b10 => imm,
                0b11 => (reg & !(0xffffu64 << (16 * hw))) | imm,
                _ => panic!("{insn:#010x}: not a move-wide"),
            };
        } else if (insn >> 23) & 0x3f == 0b100100
            && (insn >> 29) & 3 == 0b01
            && (insn >> 5) & 31 == 31
        {
            let (n, immr, imms) = ((insn >> 22) & 1, (insn >> 16) & 63, (insn >> 10) & 63);
            reg = decode_bitmask(n, immr, imms, width).expect("valid bitmask");
        } else {
            panic!("{insn:#010x}: unexpected instruction");
        }
    }
    reg & mask
}

/// The shortest length of any movz/movn+movk or orr+movk sequence for `v`.
fn optimum(v: u64, width: u32, bitmasks: &[u64]) -> usize {
    let n = (width / 16) as usize;
    let hws: Vec<u16> = (0..n).map(|i| (v >> (16 * i)) as u16).collect();
    let movz = hws.iter().filter(|&&h| h != 0).count().max(1);
    let movn = hws.iter().filter(|&&h| h != 0xffff).count().max(1);
    let orr = bitmasks
        .iter()
        .map(|&b| 1 + (0..n).filter(|&i| (b >> (16 * i)) as u16 != hws[i]).count())
        .min()
        .unwrap();
    movz.min(movn).min(orr)
}

fn all_bitmasks(width: u32) -> Vec<u64> {
    let mut set = HashSet::new();
    for n in 0..2 {
        for immr in 0..64 {
            for imms in 0..64 {
                if let Some(v) = decode_bitmask(n, immr, imms, width) {
                    set.insert(v);
                }
            }
        }
    }
    set.into_iter().collect()
}

fn tricky_constants() -> Vec<u64> {
    let parts = [0u64, 0xffff, 0x1234, 0x8000, 0x00ff, 0x5555, 0xfffe, 0x0001];
    let mut out = Vec::new();
    for a in parts {
        for b in parts {
            for c in parts {
                for d in parts {
                    out.push(a | (b << 16) | (c << 32) | (d << 48));
                }
            }
        }
    }
    out.extend([
        i64::MIN as u64,
        i64::MAX as u64,
        0x7ff8_0000_0000_0000, // NaN
        0xfff0_0000_0000_0000, // -inf
        1.5f64.to_bits(),
        (-0.0f64).to_bits(),
        0x0000_7fff_ffff_0000,
        0x5555_1234_5555_5555,
        0x1234_00ff_00ff_5678,
        0xaaaa_aaaa_aaaa_0000,
        0x0f0f_0f0f_0f0f_1234,
        0xffff_0000_ffff_1234,
        0x0000_0001_0000_0001,
    ]);
    let mut x = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..500 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.push(x);
    }
    out
}

#[test]
fn mov_imm64_loads_every_constant_optimally() {
    let bitmasks = all_bitmasks(64);
    let mut wrong = Vec::new();
    for v in tricky_constants()
        .into_iter()
        .chain(bitmasks.iter().copied().take(2000))
    {
        let mut a = Assembler::new();
        a.mov_imm64(X3, v);
        let code = a.finalize().unwrap();
        let got = simulate(&code, 64);
        let best = optimum(v, 64, &bitmasks);
        if got != v || code.len() / 4 != best {
            wrong.push(format!(
                "{v:#018x}: loads {got:#018x} in {} (best {best})",
                code.len() / 4
            ));
        }
    }
    assert_eq!(wrong, Vec::<String>::new());
}

#[test]
fn mov_imm32_loads_every_constant_optimally() {
    let bitmasks = all_bitmasks(32);
    let mut wrong = Vec::new();
    let values = tricky_constants()
        .into_iter()
        .flat_map(|v| [v as u32, (v >> 32) as u32]);
    for v in values.chain(bitmasks.iter().map(|&b| b as u32)) {
        let mut a = Assembler::new();
        a.mov_imm32(W1, v);
        let code = a.finalize().unwrap();
        let got = simulate(&code, 32) as u32;
        let best = optimum(v as u64, 32, &bitmasks);
        if got != v || code.len() / 4 != best {
            wrong.push(format!(
                "{v:#010x}: loads {got:#010x} in {} (best {best})",
                code.len() / 4
            ));
        }
    }
    assert_eq!(wrong, Vec::<String>::new());
}

#[test]
fn mov_imm64_quick_loads_every_constant_in_at_most_four_instructions() {
    let bitmasks = all_bitmasks(64);
    let mut wrong = Vec::new();
    for v in tricky_constants()
        .into_iter()
        .chain(bitmasks.iter().copied().take(2000))
    {
        let mut a = Assembler::new();
        a.mov_imm64_quick(X3, v);
        let code = a.finalize().unwrap();
        let got = simulate(&code, 64);
        let best = optimum(v, 64, &bitmasks);
        // Never longer than the plain movz/movn + movk sequence; a bitmask in one.
        let limit = if bitmasks.contains(&v) { 1 } else { 4 };
        if got != v || code.len() / 4 > limit.max(best) {
            wrong.push(format!(
                "{v:#018x}: loads {got:#018x} in {} (best {best})",
                code.len() / 4
            ));
        }
    }
    assert_eq!(wrong, Vec::<String>::new());
}
