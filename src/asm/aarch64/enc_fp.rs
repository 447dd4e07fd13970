//! Encodings of scalar floating-point instructions and FP↔integer conversions.
//! `ftype`: 00 single, 01 double, 11 half.

/// FP data-processing (2 source): `000 11110 ftype 1 Rm opcode 10 Rn Rd`
/// (fmul 0000, fdiv 0001, fadd 0010, fsub 0011, fmax 0100, fmin 0101, fmaxnm 0110,
/// fminnm 0111, fnmul 1000).
pub const fn enc_fp_rrr(ftype: u32, opcode: u32, rm: u32, rn: u32, rd: u32) -> u32 {
    (0b11110 << 24)
        | (ftype << 22)
        | (1 << 21)
        | (rm << 16)
        | (opcode << 12)
        | (0b10 << 10)
        | (rn << 5)
        | rd
}

/// FP data-processing (1 source): `000 11110 ftype 1 opcode 10000 Rn Rd`
/// (fmov 000000, fabs 000001, fneg 000010, fsqrt 000011, fcvt→s 000100, fcvt→d 000101,
/// fcvt→h 000111, frintn 001000, frintp 001001, frintm 001010, frintz 001011, frinta 001100).
pub const fn enc_fp_rr(ftype: u32, opcode: u32, rn: u32, rd: u32) -> u32 {
    (0b11110 << 24) | (ftype << 22) | (1 << 21) | (opcode << 15) | (0b10000 << 10) | (rn << 5) | rd
}

/// FP compare: `000 11110 ftype 1 Rm 00 1000 Rn opcode2` (opcode2: fcmp 00000,
/// fcmp #0.0 01000, fcmpe 10000, fcmpe #0.0 11000).
pub const fn enc_fcmp(ftype: u32, rm: u32, rn: u32, opcode2: u32) -> u32 {
    (0b11110 << 24) | (ftype << 22) | (1 << 21) | (rm << 16) | (0b1000 << 10) | (rn << 5) | opcode2
}

/// FP conditional select: `000 11110 ftype 1 Rm cond 11 Rn Rd`.
pub const fn enc_fcsel(ftype: u32, rm: u32, cond: u32, rn: u32, rd: u32) -> u32 {
    (0b11110 << 24)
        | (ftype << 22)
        | (1 << 21)
        | (rm << 16)
        | (cond << 12)
        | (0b11 << 10)
        | (rn << 5)
        | rd
}

/// FP move immediate: `000 11110 ftype 1 imm8 100 00000 Rd`.
pub const fn enc_fmov_imm(ftype: u32, imm8: u32, rd: u32) -> u32 {
    (0b11110 << 24) | (ftype << 22) | (1 << 21) | (imm8 << 13) | (0b100 << 10) | rd
}

/// Conversion between FP and integer: `sf 00 11110 ftype 1 rmode opcode 000000 Rn Rd`
/// (scvtf 00/010, ucvtf 00/011, fcvtzs 11/000, fcvtzu 11/001, fmov to gp 00/110,
/// fmov from gp 00/111).
pub const fn enc_fp_int(sf: u32, ftype: u32, rmode: u32, opcode: u32, rn: u32, rd: u32) -> u32 {
    (sf << 31)
        | (0b11110 << 24)
        | (ftype << 22)
        | (1 << 21)
        | (rmode << 19)
        | (opcode << 16)
        | (rn << 5)
        | rd
}
