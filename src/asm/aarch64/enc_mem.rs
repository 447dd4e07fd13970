//! Encodings of loads and stores: single register (unsigned offset, unscaled, pre/post-index,
//! register offset, literal) and register pairs.
//!
//! `size`/`v`/`opc` select the data type, as in the architecture's "load/store register"
//! tables: e.g. x: size 11 V 0, w: 10/0, h: 01/0, b: 00/0, d: 11/1, s: 10/1;
//! opc: store 00, load 01, sign-extending load to 64 bits 10, to 32 bits 11.

/// Load/store register (unsigned immediate): `size 111 V 01 opc imm12 Rn Rt`.
pub const fn enc_ldst_uimm(size: u32, v: u32, opc: u32, imm12: u32, rn: u32, rt: u32) -> u32 {
    (size << 30)
        | (0b111 << 27)
        | (v << 26)
        | (0b01 << 24)
        | (opc << 22)
        | (imm12 << 10)
        | (rn << 5)
        | rt
}

/// Load/store register with a signed 9-bit offset: `size 111 V 00 opc 0 imm9 idx Rn Rt`
/// (idx: unscaled ldur/stur 00, post-index 01, pre-index 11).
#[allow(clippy::too_many_arguments)]
pub const fn enc_ldst_simm9(
    size: u32,
    v: u32,
    opc: u32,
    imm9: u32,
    idx: u32,
    rn: u32,
    rt: u32,
) -> u32 {
    (size << 30)
        | (0b111 << 27)
        | (v << 26)
        | (opc << 22)
        | (imm9 << 12)
        | (idx << 10)
        | (rn << 5)
        | rt
}

/// Unscaled (ldur/stur) index bits.
pub const IDX_UNSCALED: u32 = 0b00;
/// Post-index writeback.
pub const IDX_POST: u32 = 0b01;
/// Pre-index writeback.
pub const IDX_PRE: u32 = 0b11;

/// Load/store register (register offset): `size 111 V 00 opc 1 Rm option S 10 Rn Rt`.
#[allow(clippy::too_many_arguments)]
pub const fn enc_ldst_reg(
    size: u32,
    v: u32,
    opc: u32,
    rm: u32,
    option: u32,
    s: u32,
    rn: u32,
    rt: u32,
) -> u32 {
    (size << 30)
        | (0b111 << 27)
        | (v << 26)
        | (opc << 22)
        | (1 << 21)
        | (rm << 16)
        | (option << 13)
        | (s << 12)
        | (0b10 << 10)
        | (rn << 5)
        | rt
}

/// Load register (literal): `opc 011 V 00 imm19 Rt`, imm19 filled by a label fixup
/// (opc: w/s 00, x/d 01, ldrsw 10).
pub const fn enc_ldr_literal(opc: u32, v: u32, rt: u32) -> u32 {
    (opc << 30) | (0b011 << 27) | (v << 26) | rt
}

/// Load/store pair: `opc 101 V mode L imm7 Rt2 Rn Rt`
/// (opc: w/s 00, d 01, x 10; mode: post 001, signed offset 010, pre 011; L: load 1).
#[allow(clippy::too_many_arguments)]
pub const fn enc_ldst_pair(
    opc: u32,
    v: u32,
    mode: u32,
    l: u32,
    imm7: u32,
    rt2: u32,
    rn: u32,
    rt: u32,
) -> u32 {
    (opc << 30)
        | (0b101 << 27)
        | (v << 26)
        | (mode << 23)
        | (l << 22)
        | (imm7 << 15)
        | (rt2 << 10)
        | (rn << 5)
        | rt
}

/// Pair addressing: post-index.
pub const PAIR_POST: u32 = 0b001;
/// Pair addressing: signed offset, no writeback.
pub const PAIR_OFFSET: u32 = 0b010;
/// Pair addressing: pre-index.
pub const PAIR_PRE: u32 = 0b011;
