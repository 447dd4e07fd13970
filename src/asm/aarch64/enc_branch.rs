//! Encodings of branches, `adr`, and system instructions (hints, barriers, cache
//! maintenance, system-register moves, exceptions).
//!
//! PC-relative offset fields are left zero here and filled in by
//! [`FixupKind::patch`](super::fixup::FixupKind::patch).

/// Unconditional branch (immediate): `op 00101 imm26` (b: op 0, bl: op 1).
pub const fn enc_b_imm(op: u32) -> u32 {
    (op << 31) | (0b00101 << 26)
}

/// Conditional branch: `0101010 0 imm19 0 cond`.
pub const fn enc_b_cond(cond: u32) -> u32 {
    (0b01010100 << 24) | cond
}

/// Compare and branch: `sf 011010 op imm19 Rt` (cbz: op 0, cbnz: op 1).
pub const fn enc_cmp_branch(sf: u32, op: u32, rt: u32) -> u32 {
    (sf << 31) | (0b011010 << 25) | (op << 24) | rt
}

/// Test and branch: `b5 011011 op b40 imm14 Rt` (tbz: op 0, tbnz: op 1).
pub const fn enc_test_branch(b5: u32, op: u32, b40: u32, rt: u32) -> u32 {
    (b5 << 31) | (0b011011 << 25) | (op << 24) | (b40 << 19) | rt
}

/// Unconditional branch (register): `1101011 opc 11111 000000 Rn 00000`
/// (br: opc 0000, blr: 0001, ret: 0010).
pub const fn enc_br_reg(opc: u32, rn: u32) -> u32 {
    (0b1101011 << 25) | (opc << 21) | (0b11111 << 16) | (rn << 5)
}

/// PC-relative address: `op immlo 10000 immhi Rd` (adr: op 0).
pub const fn enc_adr(rd: u32) -> u32 {
    (0b10000 << 24) | rd
}

/// Exception generation: `11010100 opc imm16 op2 LL` (brk: opc 001).
pub const fn enc_exception(opc: u32, imm16: u32, ll: u32) -> u32 {
    (0b11010100 << 24) | (opc << 21) | (imm16 << 5) | ll
}

/// Permanently undefined: `0000000000000000 imm16`.
pub const fn enc_udf(imm16: u32) -> u32 {
    imm16
}

/// Hint: `11010101000000110010 CRm op2 11111` (nop: CRm 0, op2 0).
pub const fn enc_hint(crm: u32, op2: u32) -> u32 {
    0xd503_201f | (crm << 8) | (op2 << 5)
}

/// Barrier: `11010101000000110011 CRm op2 11111` (dsb op2 100, dmb 101, isb 110).
pub const fn enc_barrier(crm: u32, op2: u32) -> u32 {
    0xd503_301f | (crm << 8) | (op2 << 5)
}

/// System instruction / register move: `1101010100 L op0 op1 CRn CRm op2 Rt`
/// (`sys`/`dc`/`ic`: L 0 op0 01; `mrs`: L 1, `msr`: L 0, op0 1x).
#[allow(clippy::too_many_arguments)]
pub const fn enc_system(l: u32, op0: u32, op1: u32, crn: u32, crm: u32, op2: u32, rt: u32) -> u32 {
    (0b1101010100 << 22)
        | (l << 21)
        | (op0 << 19)
        | (op1 << 16)
        | (crn << 12)
        | (crm << 8)
        | (op2 << 5)
        | rt
}

/// The conditional branch that branches exactly when `insn` does not (`b.cond` with the
/// inverse condition, `cbz`↔`cbnz`, `tbz`↔`tbnz`; offset field kept), or `None` if `insn` is
/// not a conditional branch (or is `b.al`/`b.nv`, which always branch).
pub const fn invert_branch(insn: u32) -> Option<u32> {
    if insn & 0xff00_0010 == enc_b_cond(0) {
        if insn & 0xe == 0xe {
            return None;
        }
        return Some(insn ^ 1);
    }
    // cbz/cbnz and tbz/tbnz: bits 30:25 are 011010 or 011011; bit 24 picks the sense.
    let family = (insn >> 25) & 0x3f;
    if family == 0b011010 || family == 0b011011 {
        return Some(insn ^ (1 << 24));
    }
    None
}
