//! Encodings of integer data-processing instructions: add/sub, logical, move-wide,
//! bitfield, extract, 2- and 3-source, conditional select and conditional compare.
//!
//! Each function takes already-validated field values and only places bits; the caller
//! ([`super::Assembler`]) is responsible for range checks.

/// Add/subtract (immediate): `sf op S 100010 sh imm12 Rn Rd`.
pub const fn enc_arith_imm(sf: u32, op: u32, s: u32, sh: u32, imm12: u32, rn: u32, rd: u32) -> u32 {
    (sf << 31)
        | (op << 30)
        | (s << 29)
        | (0b100010 << 23)
        | (sh << 22)
        | (imm12 << 10)
        | (rn << 5)
        | rd
}

/// Add/subtract (shifted register): `sf op S 01011 shift 0 Rm imm6 Rn Rd`.
#[allow(clippy::too_many_arguments)]
pub const fn enc_arith_shifted(
    sf: u32,
    op: u32,
    s: u32,
    shift: u32,
    rm: u32,
    imm6: u32,
    rn: u32,
    rd: u32,
) -> u32 {
    (sf << 31)
        | (op << 30)
        | (s << 29)
        | (0b01011 << 24)
        | (shift << 22)
        | (rm << 16)
        | (imm6 << 10)
        | (rn << 5)
        | rd
}

/// Add/subtract (extended register): `sf op S 01011 00 1 Rm option imm3 Rn Rd`.
#[allow(clippy::too_many_arguments)]
pub const fn enc_arith_extended(
    sf: u32,
    op: u32,
    s: u32,
    rm: u32,
    option: u32,
    imm3: u32,
    rn: u32,
    rd: u32,
) -> u32 {
    (sf << 31)
        | (op << 30)
        | (s << 29)
        | (0b01011 << 24)
        | (1 << 21)
        | (rm << 16)
        | (option << 13)
        | (imm3 << 10)
        | (rn << 5)
        | rd
}

/// Logical (shifted register): `sf opc 01010 shift N Rm imm6 Rn Rd`
/// (opc: and 00, orr 01, eor 10, ands 11; N inverts Rm: bic, orn, eon, bics).
#[allow(clippy::too_many_arguments)]
pub const fn enc_logic_shifted(
    sf: u32,
    opc: u32,
    shift: u32,
    n: u32,
    rm: u32,
    imm6: u32,
    rn: u32,
    rd: u32,
) -> u32 {
    (sf << 31)
        | (opc << 29)
        | (0b01010 << 24)
        | (shift << 22)
        | (n << 21)
        | (rm << 16)
        | (imm6 << 10)
        | (rn << 5)
        | rd
}

/// Logical (immediate): `sf opc 100100 N immr imms Rn Rd`.
pub const fn enc_logic_imm(
    sf: u32,
    opc: u32,
    n: u32,
    immr: u32,
    imms: u32,
    rn: u32,
    rd: u32,
) -> u32 {
    (sf << 31)
        | (opc << 29)
        | (0b100100 << 23)
        | (n << 22)
        | (immr << 16)
        | (imms << 10)
        | (rn << 5)
        | rd
}

/// Move wide (immediate): `sf opc 100101 hw imm16 Rd` (opc: movn 00, movz 10, movk 11).
pub const fn enc_move_wide(sf: u32, opc: u32, hw: u32, imm16: u32, rd: u32) -> u32 {
    (sf << 31) | (opc << 29) | (0b100101 << 23) | (hw << 21) | (imm16 << 5) | rd
}

/// Bitfield: `sf opc 100110 N immr imms Rn Rd` (opc: sbfm 00, bfm 01, ubfm 10; N = sf).
pub const fn enc_bitfield(sf: u32, opc: u32, immr: u32, imms: u32, rn: u32, rd: u32) -> u32 {
    (sf << 31)
        | (opc << 29)
        | (0b100110 << 23)
        | (sf << 22)
        | (immr << 16)
        | (imms << 10)
        | (rn << 5)
        | rd
}

/// Extract: `sf 00 100111 N 0 Rm imms Rn Rd` (N = sf).
pub const fn enc_extr(sf: u32, rm: u32, imms: u32, rn: u32, rd: u32) -> u32 {
    (sf << 31) | (0b100111 << 23) | (sf << 22) | (rm << 16) | (imms << 10) | (rn << 5) | rd
}

/// Data-processing (2 source): `sf 0 0 11010110 Rm opcode Rn Rd`
/// (opcode: udiv 000010, sdiv 000011, lslv 001000, lsrv 001001, asrv 001010, rorv 001011).
pub const fn enc_dp2(sf: u32, opcode: u32, rm: u32, rn: u32, rd: u32) -> u32 {
    (sf << 31) | (0b11010110 << 21) | (rm << 16) | (opcode << 10) | (rn << 5) | rd
}

/// Data-processing (1 source): `sf 1 0 11010110 00000 opcode Rn Rd`
/// (opcode: rbit 000000, clz 000100).
pub const fn enc_dp1(sf: u32, opcode: u32, rn: u32, rd: u32) -> u32 {
    (sf << 31) | (1 << 30) | (0b11010110 << 21) | (opcode << 10) | (rn << 5) | rd
}

/// Data-processing (3 source): `sf 00 11011 op31 Rm o0 Ra Rn Rd`.
pub const fn enc_dp3(sf: u32, op31: u32, o0: u32, rm: u32, ra: u32, rn: u32, rd: u32) -> u32 {
    (sf << 31)
        | (0b11011 << 24)
        | (op31 << 21)
        | (rm << 16)
        | (o0 << 15)
        | (ra << 10)
        | (rn << 5)
        | rd
}

/// Conditional select: `sf op 0 11010100 Rm cond op2 Rn Rd`
/// (csel op=0 op2=00, csinc 0 01, csinv 1 00, csneg 1 01).
pub const fn enc_csel(sf: u32, op: u32, op2: u32, rm: u32, cond: u32, rn: u32, rd: u32) -> u32 {
    (sf << 31)
        | (op << 30)
        | (0b11010100 << 21)
        | (rm << 16)
        | (cond << 12)
        | (op2 << 10)
        | (rn << 5)
        | rd
}

/// Conditional compare: `sf op 1 11010010 Rm|imm5 cond is_imm 0 Rn 0 nzcv`
/// (op: ccmn 0, ccmp 1).
pub const fn enc_ccmp(
    sf: u32,
    op: u32,
    is_imm: u32,
    rm_or_imm5: u32,
    cond: u32,
    rn: u32,
    nzcv: u32,
) -> u32 {
    (sf << 31)
        | (op << 30)
        | (1 << 29)
        | (0b11010010 << 21)
        | (rm_or_imm5 << 16)
        | (cond << 12)
        | (is_imm << 11)
        | (rn << 5)
        | nzcv
}
