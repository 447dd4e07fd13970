//! The macro-assembler conformance table: rows of (operation, operand size, inputs, expected
//! result) for every method of the ISA-only `MacroAssembler`, with the edge values that
//! differ between ISAs (overflow, NaN, ±0, shift counts at and past the width, `MIN / -1`,
//! out-of-range conversions). Each row is compiled by the JIT's back end
//! (`kiln::jit::harness::LeafBackend`) into a leaf function and run on this host: AArch64
//! code natively on aarch64 and in Unicorn elsewhere, x86-64 code natively on x86-64 hosts,
//! once per configuration the back end has (x86-64: with the optional CPU instructions the
//! host has, and with none, so every fallback runs). Every back end passes the same table.
//!
//! A row's code takes its inputs in `Reg(0)`/`Reg(1)` (floats as their bits) and leaves the
//! result in `Reg(2)` (a float as its bits; a branch as 1 taken / 0 not; an overflow or
//! out-of-range exit as [`EXIT`]).
#![cfg(any(target_arch = "aarch64", target_arch = "x86_64", feature = "emulator"))]

use std::cmp::Ordering;
use std::rc::Rc;

use kiln::codemem::JitBuffer;
use kiln::jit::harness::LeafBackend;
use kiln::jit::masm::{
    Address, CheckedOp, DivOp, FReg, FSize, FpCond, FpOp, FpUnary, IntCond, IntOp, MacroAssembler,
    MasmResult, OutOfRange, Reg, RegImm, Size, UnaryOp, Width, imm,
};
use pretty_assertions::assert_eq;

const A: Reg = Reg(0);
const B: Reg = Reg(1);
const R: Reg = Reg(2);
const FA: FReg = FReg(0);
const FB: FReg = FReg(1);
const FR: FReg = FReg(2);
/// The result of a row whose code took its overflow or out-of-range exit.
const EXIT: u64 = 0xE417;
use FSize::{F32, F64};
use Size::{S32, S64};

type Emit<M> = Box<dyn Fn(&mut M) -> MasmResult>;

struct Row<M> {
    what: String,
    emit: Emit<M>,
    a: u64,
    b: u64,
    want: u64,
}

fn row<M>(what: impl Into<String>, a: u64, b: u64, want: u64, emit: Emit<M>) -> Row<M> {
    Row {
        what: what.into(),
        emit,
        a,
        b,
        want,
    }
}

/// Code that sets R to 1 if `branch` (given the label) jumps, else 0.
fn taken<M: MacroAssembler>(m: &mut M, branch: impl FnOnce(&mut M, M::Label)) -> MasmResult {
    let (yes, done) = (m.new_label(), m.new_label());
    branch(m, yes);
    m.mov(R, RegImm::Imm(0), S64);
    m.jump(done);
    m.bind(yes)?;
    m.mov(R, RegImm::Imm(1), S64);
    m.bind(done)
}

/// Code that runs `op` (given the exit label), then leaves R as it is, or sets it to [`EXIT`]
/// if the op took its exit.
fn or_exit<M: MacroAssembler>(
    m: &mut M,
    op: impl FnOnce(&mut M, M::Label) -> MasmResult,
) -> MasmResult {
    let (exit, done) = (m.new_label(), m.new_label());
    op(m, exit)?;
    m.jump(done);
    m.bind(exit)?;
    m.mov(R, imm(EXIT), S64);
    m.bind(done)
}

fn f64b(v: f64) -> u64 {
    v.to_bits()
}
fn f32b(v: f32) -> u64 {
    v.to_bits() as u64
}

/// Loads the float inputs at `size`.
fn float_in<M: MacroAssembler>(m: &mut M, size: FSize) {
    m.bits_float(FA, A, size);
    m.bits_float(FB, B, size);
}

const I32_MIN: u64 = 0x8000_0000;
const I64_MIN: u64 = 1 << 63;
const M1_32: u64 = 0xffff_ffff;
const M1: u64 = u64::MAX;

fn int_op_rows<M: LeafBackend>() -> Vec<Row<M>> {
    use IntOp::*;
    // (op, size, a, b, a op b)
    let table: &[(IntOp, Size, u64, u64, u64)] = &[
        (Add, S32, 0x7fff_ffff, 1, I32_MIN),
        (Add, S32, M1_32, 1, 0),
        (Add, S64, M1, 2, 1),
        (Add, S64, 0x1_0000_0000, 0xffff_ffff, 0x1_ffff_ffff),
        (Sub, S32, 0, 1, M1_32),
        (Sub, S64, I64_MIN, 1, i64::MAX as u64),
        (Mul, S32, 0x10000, 0x10000, 0),
        (Mul, S32, M1_32, M1_32, 1),
        (Mul, S64, 0x1_0000_0001, 0x1_0000_0001, 0x2_0000_0001),
        (Mul, S64, M1, 3, M1 - 2),
        (And, S32, 0xf0f0_f0f0, 0xff00_ff00, 0xf000_f000),
        (And, S64, M1, 0x8000_0000_0000_0001, 0x8000_0000_0000_0001),
        (Or, S32, 0x1234_0000, 0x5678, 0x1234_5678),
        (Or, S64, 0xffff_0000_0000_0000, 2, 0xffff_0000_0000_0002),
        (Xor, S32, M1_32, 0x0f0f_0f0f, 0xf0f0_f0f0),
        (Xor, S64, M1, 1, M1 - 1),
        (Shl, S32, 1, 31, I32_MIN),
        (Shl, S32, 1, 32, 1),
        (Shl, S32, 3, 33, 6),
        (Shl, S64, 1, 63, I64_MIN),
        (Shl, S64, 1, 64, 1),
        (Shl, S64, 5, 65, 10),
        (ShrS, S32, I32_MIN, 31, M1_32),
        (ShrS, S32, I32_MIN, 32, I32_MIN),
        (ShrS, S64, I64_MIN, 63, M1),
        (ShrS, S64, 0x40, 70, 1),
        (ShrU, S32, I32_MIN, 31, 1),
        (ShrU, S32, M1_32, 32, M1_32),
        (ShrU, S64, M1, 63, 1),
        (ShrU, S64, M1, 64, M1),
        (Rotl, S32, I32_MIN | 1, 1, 3),
        (Rotl, S32, 0x1234_5678, 36, 0x2345_6781),
        (Rotl, S64, I64_MIN, 1, 1),
        (Rotl, S64, 0x0123_4567_89ab_cdef, 68, 0x1234_5678_9abc_def0),
        (Rotr, S32, 3, 1, I32_MIN | 1),
        (Rotr, S32, 0x1234_5678, 0, 0x1234_5678),
        (Rotr, S64, 1, 1, I64_MIN),
        (Rotr, S64, 0x0123_4567_89ab_cdef, 4, 0xf012_3456_789a_bcde),
        // Immediates an instruction may not hold: not sign-extended from 32 bits, wider
        // than 32, and a 32-bit operation's upper half that must be ignored.
        (And, S64, M1, 0x8000_0000, 0x8000_0000),
        (Add, S64, 0, 0xffff_ffff, 0xffff_ffff),
        (Mul, S64, 3, 0x1_0000_0000, 0x3_0000_0000),
        (Xor, S64, 0, 0xffff_ffff_8000_0000, 0xffff_ffff_8000_0000),
        (Sub, S32, 5, 0xffff_ffff_0000_0007, 0xffff_fffe),
    ];
    let mut rows = Vec::new();
    for &(op, size, a, b, want) in table {
        rows.push(row(
            format!("int_op {op:?} {size:?} reg {a:#x}, {b:#x}"),
            a,
            b,
            want,
            Box::new(move |m: &mut M| m.int_op(op, R, A, B.into(), size)),
        ));
        // The same with the second operand an immediate (small ones fit the instruction,
        // large ones are materialized by the back end).
        rows.push(row(
            format!("int_op {op:?} {size:?} imm {a:#x}, {b:#x}"),
            a,
            0,
            want,
            Box::new(move |m: &mut M| m.int_op(op, R, A, RegImm::Imm(b as i64), size)),
        ));
    }
    // The destination may be an operand.
    rows.push(row(
        "int_op Sub S64 dst = a",
        10,
        3,
        7,
        Box::new(|m: &mut M| {
            m.int_op(IntOp::Sub, A, A, B.into(), S64)?;
            m.mov(R, A.into(), S64);
            Ok(())
        }),
    ));
    // 32-bit results are zero-extended.
    rows.push(row(
        "int_op Add S32 zero-extends",
        M1,
        0,
        M1_32,
        Box::new(|m: &mut M| m.int_op(IntOp::Add, R, A, RegImm::Imm(0), S32)),
    ));
    rows
}

fn checked_rows<M: LeafBackend>() -> Vec<Row<M>> {
    use CheckedOp::*;
    let table: &[(CheckedOp, Size, u64, u64, u64)] = &[
        (Add, S32, 0x7fff_fffe, 1, 0x7fff_ffff),
        (Add, S32, 0x7fff_ffff, 1, EXIT),
        (Add, S32, I32_MIN, M1_32, EXIT),
        (Add, S32, M1_32, 1, 0),
        (Add, S64, i64::MAX as u64, 1, EXIT),
        (Add, S64, M1, 1, 0),
        (Sub, S32, I32_MIN, 1, EXIT),
        (Sub, S32, 0, I32_MIN, EXIT),
        (Sub, S32, 0, 1, M1_32),
        (Sub, S64, I64_MIN, 1, EXIT),
        (Mul, S32, 0x10000, 0x8000, EXIT),
        (Mul, S32, 0x10000, 0x7fff, 0x7fff_0000),
        (Mul, S32, M1_32, I32_MIN, EXIT),
        (Mul, S32, M1_32, 5, 0xffff_fffb),
        (Mul, S64, 1 << 32, 1 << 31, EXIT),
        (Mul, S64, M1, I64_MIN, EXIT),
        (Mul, S64, M1, 7, M1 - 6),
        (Mul, S64, 1 << 31, 1 << 31, 1 << 62),
    ];
    let mut rows = Vec::new();
    for &(op, size, a, b, want) in table {
        rows.push(row(
            format!("checked_op {op:?} {size:?} {a:#x}, {b:#x}"),
            a,
            b,
            want,
            Box::new(move |m: &mut M| {
                or_exit(m, |m, l| {
                    m.checked_op(op, R, A, B.into(), size, l);
                    Ok(())
                })
            }),
        ));
        rows.push(row(
            format!("checked_op {op:?} {size:?} imm {a:#x}, {b:#x}"),
            a,
            0,
            want,
            Box::new(move |m: &mut M| {
                or_exit(m, |m, l| {
                    m.checked_op(op, R, A, RegImm::Imm(b as i64), size, l);
                    Ok(())
                })
            }),
        ));
    }
    rows
}

fn div_unary_extend_rows<M: LeafBackend>() -> Vec<Row<M>> {
    use DivOp::*;
    let mut rows = Vec::new();
    let divs: &[(DivOp, Size, u64, u64, u64)] = &[
        (DivS, S32, 7, M1_32 - 1, M1_32 - 2),
        (DivS, S32, M1_32 - 6, 2, M1_32 - 2),
        (DivU, S32, M1_32, 2, 0x7fff_ffff),
        (DivS, S64, (-9i64) as u64, 4, (-2i64) as u64),
        (DivU, S64, M1, 16, M1 >> 4),
        (RemS, S32, M1_32 - 6, 2, M1_32),
        (RemS, S32, I32_MIN, M1_32, 0),
        (RemU, S32, M1_32, 10, 5),
        (RemS, S64, I64_MIN, M1, 0),
        (RemS, S64, 7, (-3i64) as u64, 1),
        (RemU, S64, M1, 10, 5),
    ];
    for &(op, size, a, b, want) in divs {
        rows.push(row(
            format!("div_op {op:?} {size:?} {a:#x}, {b:#x}"),
            a,
            b,
            want,
            Box::new(move |m: &mut M| {
                m.div_op(op, R, A, B, size);
                Ok(())
            }),
        ));
    }
    let unary: &[(UnaryOp, Size, u64, u64)] = &[
        (UnaryOp::Neg, S32, 1, M1_32),
        (UnaryOp::Neg, S32, I32_MIN, I32_MIN),
        (UnaryOp::Neg, S64, I64_MIN, I64_MIN),
        (UnaryOp::Not, S32, 0, M1_32),
        (UnaryOp::Not, S64, 0, M1),
        (UnaryOp::Clz, S32, 0, 32),
        (UnaryOp::Clz, S32, 1, 31),
        (UnaryOp::Clz, S64, 0, 64),
        (UnaryOp::Clz, S64, I64_MIN, 0),
        (UnaryOp::Ctz, S32, 0, 32),
        (UnaryOp::Ctz, S32, 0x8_0000_0000, 32),
        (UnaryOp::Ctz, S64, 0, 64),
        (UnaryOp::Ctz, S64, 0x100, 8),
        (UnaryOp::Popcnt, S32, M1, 32),
        (UnaryOp::Popcnt, S32, 0xf0f0_0000_0001, 1),
        (UnaryOp::Popcnt, S64, M1, 64),
        (UnaryOp::Popcnt, S64, 0, 0),
        (UnaryOp::Popcnt, S64, 0x8000_0000_0000_0101, 3),
    ];
    for &(op, size, a, want) in unary {
        rows.push(row(
            format!("unary_op {op:?} {size:?} {a:#x}"),
            a,
            0,
            want,
            Box::new(move |m: &mut M| {
                m.unary_op(op, R, A, size);
                Ok(())
            }),
        ));
    }
    let ext: &[(Width, bool, Size, u64, u64)] = &[
        (Width::W8, true, S32, 0x80, 0xffff_ff80),
        (Width::W8, true, S64, 0x17f, 0x7f),
        (Width::W8, false, S64, 0xffff_ff80, 0x80),
        (Width::W16, true, S64, 0x8000, 0xffff_ffff_ffff_8000),
        (Width::W16, false, S32, 0xffff_8001, 0x8001),
        (Width::W32, true, S64, 0x8000_0000, 0xffff_ffff_8000_0000),
        (Width::W32, false, S64, M1, M1_32),
        (Width::W32, true, S32, M1, M1_32),
    ];
    for &(from, signed, size, a, want) in ext {
        rows.push(row(
            format!("extend {from:?} signed={signed} {size:?} {a:#x}"),
            a,
            0,
            want,
            Box::new(move |m: &mut M| {
                m.extend(R, A, from, signed, size);
                Ok(())
            }),
        ));
    }
    rows.push(row(
        "mov S32 zero-extends",
        M1,
        0,
        M1_32,
        Box::new(|m: &mut M| {
            m.mov(R, A.into(), S32);
            Ok(())
        }),
    ));
    for v in [
        0u64,
        1,
        0xffff,
        0x1_0000,
        0xdead_beef_0000_0000,
        M1,
        0xfff9_0000_0000_0000,
    ] {
        rows.push(row(
            format!("mov S64 imm {v:#x}"),
            0,
            0,
            v,
            Box::new(move |m: &mut M| {
                m.mov(R, imm(v), S64);
                Ok(())
            }),
        ));
    }
    rows.push(row(
        "mov S32 imm",
        0,
        0,
        0x8000_0001,
        Box::new(|m: &mut M| {
            m.mov(R, imm(0xffff_ffff_8000_0001), S32);
            Ok(())
        }),
    ));
    rows.push(row(
        "add_shifted",
        0x1000,
        3,
        0x1018,
        Box::new(|m: &mut M| m.add_shifted(R, A, B, 3)),
    ));
    // mul_add and int_add_shifted: upper halves a 32-bit operation ignores, wrapping,
    // and operands that are the destination or each other.
    let fused: Vec<(&str, u64, u64, u64, Emit<M>)> = vec![
        (
            "mul_add S32 (a*b+a)",
            0x1_0000_0003,
            5,
            18,
            Box::new(|m: &mut M| {
                m.mul_add(R, A, B, A, S32);
                Ok(())
            }),
        ),
        (
            "mul_add S32 wraps",
            0x8000_0001,
            4,
            0x8000_0005,
            Box::new(|m: &mut M| {
                m.mul_add(R, A, B, A, S32);
                Ok(())
            }),
        ),
        (
            "mul_add S64 (a*b+a)",
            0x1_0000_0003,
            5,
            0x6_0000_0012,
            Box::new(|m: &mut M| {
                m.mul_add(R, A, B, A, S64);
                Ok(())
            }),
        ),
        (
            "mul_add S64 into b (a*b+b)",
            7,
            6,
            48,
            Box::new(|m: &mut M| {
                m.mul_add(B, A, B, B, S64);
                m.mov(R, B.into(), S64);
                Ok(())
            }),
        ),
        (
            "int_add_shifted S32 wraps",
            0xffff_fff0,
            0x4000_0005,
            4,
            Box::new(|m: &mut M| {
                m.int_add_shifted(R, A, B, 2, S32);
                Ok(())
            }),
        ),
        (
            "int_add_shifted S64",
            0x1000,
            3,
            0x1018,
            Box::new(|m: &mut M| {
                m.int_add_shifted(R, A, B, 3, S64);
                Ok(())
            }),
        ),
        (
            "int_add_shifted S64 into a",
            0x1000,
            0x10,
            0x1100,
            Box::new(|m: &mut M| {
                m.int_add_shifted(A, A, B, 4, S64);
                m.mov(R, A.into(), S64);
                Ok(())
            }),
        ),
        (
            "int_add_shifted S32 (a + a<<1)",
            0x1_0000_0007,
            0,
            21,
            Box::new(|m: &mut M| {
                m.int_add_shifted(R, A, A, 1, S32);
                Ok(())
            }),
        ),
    ];
    for (name, a, b, want, f) in fused {
        rows.push(row(name, a, b, want, f));
    }
    rows
}

fn compare_rows<M: LeafBackend>() -> Vec<Row<M>> {
    use IntCond::*;
    let conds = [Eq, Ne, Lt, Le, Gt, Ge, LtU, LeU, GtU, GeU];
    let pairs: &[(Size, u64, u64)] = &[
        (S32, 1, 2),
        (S32, M1_32, 1),
        (S32, 5, 5),
        (S32, 0x1_0000_0005, 5),
        (S64, M1, 1),
        (S64, I64_MIN, i64::MAX as u64),
        (S64, 7, 7),
        (S64, 0x1_0000_0000, 0),
    ];
    let pairs = [
        pairs,
        &[
            // Immediates that do not sign-extend from 32 bits, a negative one, and upper
            // halves a 32-bit compare ignores.
            (S64, 0x8000_0000, 0x8000_0000),
            (S64, 0, 0xffff_ffff),
            (S64, M1, 0xffff_ffff_ffff_fff0),
            (S32, 0xffff_ffff_0000_0000, 0x1_0000_0000),
        ][..],
    ]
    .concat();
    let pairs = &pairs[..];
    let mut rows = Vec::new();
    for &c in &conds {
        for &(size, a, b) in pairs {
            // The expected value from the condition's definition (IntCond::holds).
            let (za, zb) = match size {
                S32 => (a & M1_32, b & M1_32),
                S64 => (a, b),
            };
            let want = c.holds(za, zb, size) as u64;
            rows.push(row(
                format!("cmp_set {c:?} {size:?} {a:#x}, {b:#x}"),
                a,
                b,
                want,
                Box::new(move |m: &mut M| {
                    m.cmp_set(R, c, A, B.into(), size);
                    Ok(())
                }),
            ));
            rows.push(row(
                format!("branch {c:?} {size:?} {a:#x}, imm {b:#x}"),
                a,
                0,
                want,
                Box::new(move |m: &mut M| {
                    taken(m, |m, l| m.branch(c, A, RegImm::Imm(b as i64), l, size))
                }),
            ));
        }
    }
    // Spot checks of the definition itself.
    assert!(Lt.holds(M1_32, 1, S32) && !LtU.holds(M1_32, 1, S32));
    let masks: &[(Size, u64, u64, bool)] = &[
        (S32, 0x1_0000_0000, M1, false),
        (S64, 0x1_0000_0000, M1, true),
        (S32, 0x80, 0x80, true),
        (S64, 0x8000_0000_0000_0000, 1 << 63, true),
        (S64, 0x7, 0x8, false),
        (S32, 0x12345, 0xf0f0, true),
        (S64, 0x8000_0000, 0x8000_0000, true),
        (S64, 0x1_0000_0000, 0x8000_0000, false),
        (S64, 0x1_0000_0000, 0x1_0000_0000, true),
        (S64, 0xffff_0000_0000_0000, 0xffff_ffff_0000_0000, true),
        (S64, 0x10, 0xffff_ffff_ffff_fff0, true),
        (S32, 0xffff_ffff_0000_0000, 0xffff_ffff, false),
    ];
    for &(size, a, mask, nonzero) in masks {
        for test_nonzero in [true, false] {
            let want = (nonzero == test_nonzero) as u64;
            rows.push(row(
                format!("branch_mask {size:?} {a:#x} & imm {mask:#x} nonzero={test_nonzero}"),
                a,
                0,
                want,
                Box::new(move |m: &mut M| {
                    taken(m, |m, l| m.branch_mask(A, imm(mask), test_nonzero, l, size))
                }),
            ));
            rows.push(row(
                format!("branch_mask {size:?} {a:#x} & reg {mask:#x} nonzero={test_nonzero}"),
                a,
                mask,
                want,
                Box::new(move |m: &mut M| {
                    taken(m, |m, l| m.branch_mask(A, B.into(), test_nonzero, l, size))
                }),
            ));
        }
    }
    rows
}

fn memory_rows<M: LeafBackend>() -> Vec<Row<M>> {
    // A: the address of an 8-word buffer (filled by `run`), B: a value.
    let mut rows = Vec::new();
    let loads: &[(i32, Width, bool, Size, u64)] = &[
        (0, Width::W64, false, S64, 0x8877_6655_4433_2211),
        (8, Width::W64, false, S64, 0xffee_ddcc_bbaa_9988),
        (8, Width::W32, false, S64, 0xbbaa_9988),
        (8, Width::W32, true, S64, 0xffff_ffff_bbaa_9988),
        (12, Width::W32, true, S32, 0xffee_ddcc),
        (14, Width::W16, true, S64, 0xffff_ffff_ffff_ffee),
        (14, Width::W16, false, S64, 0xffee),
        (15, Width::W8, true, S32, 0xffff_ffff),
        (15, Width::W8, false, S64, 0xff),
        (1, Width::W16, false, S64, 0x3322),
        (-0, Width::W8, false, S32, 0x11),
    ];
    for &(disp, width, signed, size, want) in loads {
        rows.push(row(
            format!("load {width:?} signed={signed} {size:?} at +{disp}"),
            0,
            0,
            want,
            Box::new(move |m: &mut M| m.load(R, Address::at(A, disp), width, signed, size)),
        ));
    }
    // Float loads and stores: the bits move unchanged (a NaN payload included), at a plain
    // offset and indexed; a store writes only its own width.
    let floats: &[(&str, FSize, u64, u64)] = &[
        ("f32", F32, 0x7fa0_0001, 0x7fa0_0001),
        ("f64", F64, 0xfff4_0000_0000_0001, 0xfff4_0000_0000_0001),
    ];
    for &(name, size, bits, want) in floats {
        rows.push(row(
            format!("store and load {name} (fstore, fload)"),
            0,
            bits,
            want,
            Box::new(move |m: &mut M| {
                m.bits_float(FA, B, size);
                m.fstore(FA, Address::at(A, 24), size)?;
                m.fload(FB, Address::at(A, 24), size)?;
                m.float_bits(R, FB, size);
                Ok(())
            }),
        ));
    }
    rows.push(row(
        "store f32 (fstore) keeps its neighbours",
        0,
        0x3f80_0000,
        0xffee_ddcc_3f80_0000,
        Box::new(|m: &mut M| {
            m.bits_float(FA, B, F32);
            m.fstore(FA, Address::at(A, 8), F32)?;
            m.load(R, Address::at(A, 8), Width::W64, false, S64)
        }),
    ));
    rows.push(row(
        "load f64 (fload) indexed u32, shift 3",
        0,
        0,
        0xffee_ddcc_bbaa_9988,
        Box::new(|m: &mut M| {
            m.mov(Reg(3), imm(0xffff_ffff_0000_0001), S64);
            m.fload(FA, Address::u32_index(A, Reg(3), 3), F64)?;
            m.float_bits(R, FA, F64);
            Ok(())
        }),
    ));
    // A far offset the instruction cannot encode: the buffer's end, reached from 40000 below.
    rows.push(row(
        "load W64 at a far offset",
        0,
        0,
        0x8877_6655_4433_2211,
        Box::new(|m: &mut M| {
            m.int_op(IntOp::Sub, Reg(3), A, RegImm::Imm(40000), S64)?;
            m.load(R, Address::at(Reg(3), 40000), Width::W64, false, S64)
        }),
    ));
    rows.push(row(
        "load W64 indexed u32",
        0,
        0,
        0xffee_ddcc_bbaa_9988,
        Box::new(|m: &mut M| {
            m.mov(Reg(3), imm(0xffff_ffff_0000_0001), S64);
            m.load(R, Address::u32_index(A, Reg(3), 3), Width::W64, false, S64)
        }),
    ));
    rows.push(row(
        "load W16 indexed u32, shift 1",
        0,
        0,
        0x6655,
        Box::new(|m: &mut M| {
            m.mov(Reg(3), RegImm::Imm(2), S64);
            m.load(R, Address::u32_index(A, Reg(3), 1), Width::W16, false, S64)
        }),
    ));
    rows.push(row(
        "load W8 indexed u32, shift 3",
        0,
        0,
        0x88,
        Box::new(|m: &mut M| {
            m.mov(Reg(3), RegImm::Imm(1), S64);
            m.load(R, Address::u32_index(A, Reg(3), 3), Width::W8, false, S64)
        }),
    ));
    rows.push(row(
        "load W64 indexed u32, shift 4 (after a store there)",
        0,
        0x0102_0304_0506_0708,
        0x0102_0304_0506_0708,
        Box::new(|m: &mut M| {
            m.store(B, Address::at(A, 16), Width::W64)?;
            m.mov(Reg(3), imm(0xffff_ffff_0000_0001), S64);
            m.load(R, Address::u32_index(A, Reg(3), 4), Width::W64, false, S64)
        }),
    ));
    rows.push(row(
        "load W64 indexed by a 64-bit register",
        0,
        0,
        0xffee_ddcc_bbaa_9988,
        Box::new(|m: &mut M| {
            m.mov(Reg(3), RegImm::Imm(1), S64);
            let addr = Address::Indexed {
                base: A,
                index: Reg(3),
                shift: 3,
                index_u32: false,
            };
            m.load(R, addr, Width::W64, false, S64)
        }),
    ));
    rows.push(row(
        "load W64 into its own base register",
        0,
        0,
        0xffee_ddcc_bbaa_9988,
        Box::new(|m: &mut M| {
            m.mov(R, A.into(), S64);
            m.load(R, Address::at(R, 8), Width::W64, false, S64)
        }),
    ));
    rows.push(row(
        "store W16 indexed u32, shift 1, then load the word",
        0,
        0x0102_0304_0506_0708,
        0x8877_6655_0708_2211,
        Box::new(|m: &mut M| {
            m.mov(Reg(3), RegImm::Imm(1), S64);
            m.store(B, Address::u32_index(A, Reg(3), 1), Width::W16)?;
            m.load(R, Address::at(A, 0), Width::W64, false, S64)
        }),
    ));
    let stores: &[(i32, Width, u64)] = &[
        (0, Width::W64, 0x0102_0304_0506_0708),
        (0, Width::W32, 0x8877_6655_0506_0708),
        (2, Width::W16, 0x8877_6655_0708_2211),
        (7, Width::W8, 0x0877_6655_4433_2211),
    ];
    for &(disp, width, want) in stores {
        rows.push(row(
            format!("store {width:?} at +{disp}, then load the word"),
            0,
            0x0102_0304_0506_0708,
            want,
            Box::new(move |m: &mut M| {
                m.store(B, Address::at(A, disp), width)?;
                m.load(R, Address::at(A, 0), Width::W64, false, S64)
            }),
        ));
    }
    rows
}

fn float_rows<M: LeafBackend>() -> Vec<Row<M>> {
    let nan = f64::NAN.to_bits();
    let mut rows = Vec::new();
    let ops: &[(FpOp, FSize, u64, u64, u64)] = &[
        (FpOp::Add, F64, f64b(0.1), f64b(0.2), f64b(0.1 + 0.2)),
        (FpOp::Add, F64, f64b(-0.0), f64b(0.0), f64b(0.0)),
        (FpOp::Sub, F64, f64b(1.0), f64b(1.0), f64b(0.0)),
        (FpOp::Mul, F64, f64b(-0.0), f64b(5.0), f64b(-0.0)),
        (
            FpOp::Div,
            F64,
            f64b(1.0),
            f64b(-0.0),
            f64b(f64::NEG_INFINITY),
        ),
        (FpOp::Div, F64, f64b(0.0), f64b(0.0), nan),
        (FpOp::Min, F64, f64b(0.0), f64b(-0.0), f64b(-0.0)),
        (FpOp::Min, F64, f64b(-0.0), f64b(0.0), f64b(-0.0)),
        (FpOp::Max, F64, f64b(-0.0), f64b(0.0), f64b(0.0)),
        (FpOp::Min, F64, nan, f64b(1.0), nan),
        (FpOp::Max, F64, f64b(1.0), nan, nan),
        (FpOp::Min, F64, f64b(-1.0), f64b(2.0), f64b(-1.0)),
        (FpOp::CopySign, F64, f64b(3.0), f64b(-0.0), f64b(-3.0)),
        (FpOp::CopySign, F64, f64b(-3.0), f64b(1.0), f64b(3.0)),
        (FpOp::Add, F32, f32b(0.1), f32b(0.2), f32b(0.1f32 + 0.2f32)),
        (
            FpOp::Mul,
            F32,
            f32b(3.0e38),
            f32b(10.0),
            f32b(f32::INFINITY),
        ),
        (FpOp::Div, F32, f32b(1.0), f32b(3.0), f32b(1.0f32 / 3.0)),
        (FpOp::Min, F32, f32b(0.0), f32b(-0.0), f32b(-0.0)),
        (FpOp::Max, F32, f32b(f32::NAN), f32b(1.0), f32b(f32::NAN)),
        (FpOp::CopySign, F32, f32b(2.5), f32b(-1.0), f32b(-2.5)),
        // Invalid operations make the canonical NaN (x86's default NaN is negative).
        (
            FpOp::Add,
            F64,
            f64b(f64::INFINITY),
            f64b(f64::NEG_INFINITY),
            nan,
        ),
        (
            FpOp::Mul,
            F32,
            f32b(0.0),
            f32b(f32::INFINITY),
            f32b(f32::NAN),
        ),
        (
            FpOp::Sub,
            F32,
            f32b(f32::INFINITY),
            f32b(f32::INFINITY),
            f32b(f32::NAN),
        ),
        (FpOp::Max, F64, f64b(2.0), f64b(2.0), f64b(2.0)),
        (FpOp::Min, F64, f64b(-0.0), f64b(-0.0), f64b(-0.0)),
        (FpOp::Max, F64, f64b(-1.0), f64b(-2.0), f64b(-1.0)),
        (FpOp::Max, F32, f32b(-0.0), f32b(0.0), f32b(0.0)),
        (FpOp::Min, F32, f32b(1.0), f32b(f32::NAN), f32b(f32::NAN)),
    ];
    for &(op, size, a, b, want) in ops {
        rows.push(row(
            format!("fp_op {op:?} {size:?} {a:#x}, {b:#x}"),
            a,
            b,
            want,
            Box::new(move |m: &mut M| {
                float_in(m, size);
                m.fp_op(op, FR, FA, FB, size);
                m.float_bits(R, FR, size);
                Ok(())
            }),
        ));
    }
    // The destination may be either operand, or both may be one register.
    for (op, a_b, a_a) in [
        (FpOp::Sub, 9.0, 0.0),
        (FpOp::Div, -2.0, 1.0),
        (FpOp::Min, -3.0, 6.0),
        (FpOp::Max, 6.0, 6.0),
        (FpOp::CopySign, -6.0, 6.0),
    ] {
        for (name, dst) in [("dst = a", FA), ("dst = b", FB)] {
            rows.push(row(
                format!("fp_op {op:?} F64 {name}"),
                f64b(6.0),
                f64b(-3.0),
                f64b(a_b),
                Box::new(move |m: &mut M| {
                    float_in(m, F64);
                    m.fp_op(op, dst, FA, FB, F64);
                    m.float_bits(R, dst, F64);
                    Ok(())
                }),
            ));
        }
        rows.push(row(
            format!("fp_op {op:?} F64 dst = a = b"),
            f64b(6.0),
            0,
            f64b(a_a),
            Box::new(move |m: &mut M| {
                float_in(m, F64);
                m.fp_op(op, FA, FA, FA, F64);
                m.float_bits(R, FA, F64);
                Ok(())
            }),
        ));
    }
    let unary: &[(FpUnary, FSize, u64, u64)] = &[
        (FpUnary::Sqrt, F64, f64b(2.0), f64b(2f64.sqrt())),
        (FpUnary::Sqrt, F64, f64b(-1.0), nan),
        (FpUnary::Sqrt, F64, f64b(-0.0), f64b(-0.0)),
        (FpUnary::Abs, F64, f64b(-0.0), f64b(0.0)),
        (FpUnary::Neg, F64, f64b(0.0), f64b(-0.0)),
        (FpUnary::Floor, F64, f64b(-0.5), f64b(-1.0)),
        (FpUnary::Floor, F64, f64b(0.5), f64b(0.0)),
        (FpUnary::Ceil, F64, f64b(-0.5), f64b(-0.0)),
        (FpUnary::Ceil, F64, f64b(1.0000001), f64b(2.0)),
        (FpUnary::Trunc, F64, f64b(-1.9), f64b(-1.0)),
        (FpUnary::Nearest, F64, f64b(2.5), f64b(2.0)),
        (FpUnary::Nearest, F64, f64b(3.5), f64b(4.0)),
        (FpUnary::Nearest, F64, f64b(-0.5), f64b(-0.0)),
        (
            FpUnary::Floor,
            F64,
            f64b(f64::INFINITY),
            f64b(f64::INFINITY),
        ),
        (FpUnary::Sqrt, F32, f32b(16.0), f32b(4.0)),
        (FpUnary::Neg, F32, f32b(1.5), f32b(-1.5)),
        (FpUnary::Nearest, F32, f32b(0.5), f32b(0.0)),
        (FpUnary::Ceil, F32, f32b(-0.25), f32b(-0.0)),
        (FpUnary::Abs, F32, f32b(-7.0), f32b(7.0)),
        (FpUnary::Sqrt, F32, f32b(-1.0), f32b(f32::NAN)),
        // Rounding near and past the point where every float is an integer, and zeros
        // that keep their sign.
        (FpUnary::Floor, F64, f64b(-1e-300), f64b(-1.0)),
        (FpUnary::Ceil, F64, f64b(1e-300), f64b(1.0)),
        (FpUnary::Ceil, F64, f64b(-1e-300), f64b(-0.0)),
        (FpUnary::Trunc, F64, f64b(-0.9), f64b(-0.0)),
        (FpUnary::Floor, F64, f64b(-0.0), f64b(-0.0)),
        (FpUnary::Nearest, F64, f64b(-2.5), f64b(-2.0)),
        (FpUnary::Nearest, F64, f64b(0.5), f64b(0.0)),
        (FpUnary::Nearest, F64, f64b(1.5), f64b(2.0)),
        (
            FpUnary::Floor,
            F64,
            f64b(-4503599627370495.5),
            f64b(-4503599627370496.0),
        ),
        (
            FpUnary::Nearest,
            F64,
            f64b(4503599627370497.0),
            f64b(4503599627370497.0),
        ),
        (FpUnary::Trunc, F64, f64b(1e300), f64b(1e300)),
        (FpUnary::Trunc, F64, nan, nan),
        (
            FpUnary::Ceil,
            F64,
            f64b(f64::NEG_INFINITY),
            f64b(f64::NEG_INFINITY),
        ),
        (FpUnary::Floor, F32, f32b(-0.5), f32b(-1.0)),
        (FpUnary::Trunc, F32, f32b(8388607.5), f32b(8388607.0)),
        (FpUnary::Nearest, F32, f32b(-3.5), f32b(-4.0)),
        (FpUnary::Ceil, F32, f32b(16777216.0), f32b(16777216.0)),
        (FpUnary::Floor, F32, f32b(f32::NAN), f32b(f32::NAN)),
    ];
    for &(op, size, a, want) in unary {
        rows.push(row(
            format!("fp_unary {op:?} {size:?} {a:#x}"),
            a,
            0,
            want,
            Box::new(move |m: &mut M| {
                float_in(m, size);
                m.fp_unary(op, FR, FA, size);
                m.float_bits(R, FR, size);
                Ok(())
            }),
        ));
    }
    use FpCond::*;
    let pairs: &[(FSize, f64, f64)] = &[
        (F64, 1.0, 2.0),
        (F64, 2.0, 2.0),
        (F64, -0.0, 0.0),
        (F64, f64::NAN, 1.0),
        (F64, f64::INFINITY, f64::MAX),
        (F32, 1.0, 0.5),
        (F32, f64::NAN, f64::NAN),
    ];
    for c in [Lt, Le, Gt, Ge, Eq, Ne, NotLt, NotLe, NotGt, NotGe] {
        for &(size, a, b) in pairs {
            // Unordered (a NaN operand): only `Ne` and the negated conditions hold.
            let ord = a.partial_cmp(&b);
            let (lt, eq, gt) = (
                ord == Some(Ordering::Less),
                ord == Some(Ordering::Equal),
                ord == Some(Ordering::Greater),
            );
            let want = match c {
                Lt => lt,
                Le => lt || eq,
                Gt => gt,
                Ge => gt || eq,
                Eq => eq,
                Ne => !eq,
                NotLt => !lt,
                NotLe => !(lt || eq),
                NotGt => !gt,
                NotGe => !(gt || eq),
            } as u64;
            let (ba, bb) = match size {
                F64 => (f64b(a), f64b(b)),
                F32 => (f32b(a as f32), f32b(b as f32)),
            };
            rows.push(row(
                format!("fcmp_set {c:?} {size:?} {a}, {b}"),
                ba,
                bb,
                want,
                Box::new(move |m: &mut M| {
                    float_in(m, size);
                    m.fcmp_set(R, c, FA, FB, size);
                    Ok(())
                }),
            ));
            rows.push(row(
                format!("fbranch {c:?} {size:?} {a}, {b}"),
                ba,
                bb,
                want,
                Box::new(move |m: &mut M| {
                    float_in(m, size);
                    taken(m, |m, l| m.fbranch(c, FA, FB, l, size))
                }),
            ));
        }
    }
    for (v, size) in [
        (0.0, F64),
        (-0.0, F64),
        (1.5, F64),
        (0.1, F64),
        (1e300, F64),
        (0.1, F32),
        (-2.0, F32),
    ] {
        let want = match size {
            F64 => f64b(v),
            F32 => f32b(v as f32),
        };
        rows.push(row(
            format!("fmov_imm {size:?} {v}"),
            0,
            0,
            want,
            Box::new(move |m: &mut M| {
                m.fmov_imm(FR, v, size);
                m.float_bits(R, FR, size);
                Ok(())
            }),
        ));
    }
    rows.push(row(
        "fmov F64",
        f64b(-2.5),
        0,
        f64b(-2.5),
        Box::new(|m: &mut M| {
            float_in(m, F64);
            m.fmov(FR, FA, F64);
            m.float_bits(R, FR, F64);
            Ok(())
        }),
    ));
    rows.push(row(
        "float_bits F32 zero-extends, bits_float F32 takes the low word",
        0xdead_beef_3fc0_0000,
        0,
        0x3fc0_0000,
        Box::new(|m: &mut M| {
            m.bits_float(FR, A, F32);
            m.float_bits(R, FR, F32);
            Ok(())
        }),
    ));
    rows
}

fn conversion_rows<M: LeafBackend>() -> Vec<Row<M>> {
    let mut rows = Vec::new();
    let to_float: &[(bool, Size, FSize, u64, u64)] = &[
        (true, S32, F64, M1_32, f64b(-1.0)),
        (false, S32, F64, M1_32, f64b(4294967295.0)),
        (true, S64, F64, M1, f64b(-1.0)),
        (false, S64, F64, M1, f64b(18446744073709551615.0)),
        (true, S64, F64, (1 << 53) + 1, f64b(9007199254740992.0)),
        (true, S32, F32, 0x0100_0001, f32b(16777216.0)),
        (false, S64, F32, M1, f32b(18446744073709551615.0f32)),
        (true, S32, F64, 0xdead_0000_0000_0005, f64b(5.0)),
        (false, S64, F64, 1 << 63, f64b(9223372036854775808.0)),
        (
            false,
            S64,
            F64,
            0x8000_0000_0000_0401,
            f64b(0x8000_0000_0000_0401u64 as f64),
        ),
        // Half an ulp and one more: halving the value must keep the lost bit sticky.
        (
            false,
            S64,
            F32,
            0x8000_0080_0000_0001,
            f32b(0x8000_0080_0000_0001u64 as f32),
        ),
        (false, S32, F32, M1_32, f32b(4294967296.0)),
        (false, S32, F64, 0xffff_ffff_0000_0007, f64b(7.0)),
        (true, S64, F32, I64_MIN, f32b(-9223372036854775808.0)),
    ];
    for &(signed, isize, fsize, a, want) in to_float {
        rows.push(row(
            format!("int_to_float signed={signed} {isize:?}->{fsize:?} {a:#x}"),
            a,
            0,
            want,
            Box::new(move |m: &mut M| {
                m.int_to_float(FR, A, signed, isize, fsize);
                m.float_bits(R, FR, fsize);
                Ok(())
            }),
        ));
    }
    // (signed, fsize, isize, input, saturating result, trapping result)
    let to_int: &[(bool, FSize, Size, u64, u64, u64)] = &[
        (true, F64, S32, f64b(-1.9), M1_32, M1_32),
        (true, F64, S32, f64b(2147483647.9), 0x7fff_ffff, 0x7fff_ffff),
        (true, F64, S32, f64b(2147483648.0), 0x7fff_ffff, EXIT),
        (true, F64, S32, f64b(-2147483648.9), I32_MIN, I32_MIN),
        (true, F64, S32, f64b(-2147483649.0), I32_MIN, EXIT),
        (true, F64, S32, f64b(f64::NAN), 0, EXIT),
        (false, F64, S32, f64b(-0.9), 0, 0),
        (false, F64, S32, f64b(-1.0), 0, EXIT),
        (false, F64, S32, f64b(4294967295.5), M1_32, M1_32),
        (false, F64, S32, f64b(4294967296.0), M1_32, EXIT),
        (
            true,
            F64,
            S64,
            f64b(-9223372036854775808.0),
            I64_MIN,
            I64_MIN,
        ),
        (
            true,
            F64,
            S64,
            f64b(9223372036854775808.0),
            i64::MAX as u64,
            EXIT,
        ),
        (true, F64, S64, f64b(f64::NEG_INFINITY), I64_MIN, EXIT),
        (
            false,
            F64,
            S64,
            f64b(18446744073709549568.0),
            18446744073709549568,
            18446744073709549568,
        ),
        (false, F64, S64, f64b(1e20), M1, EXIT),
        (true, F32, S32, f32b(-2147483648.0), I32_MIN, I32_MIN),
        (true, F32, S32, f32b(2147483648.0), 0x7fff_ffff, EXIT),
        (false, F32, S64, f32b(f32::NAN), 0, EXIT),
        (false, F32, S32, f32b(3.99), 3, 3),
        (
            false,
            F64,
            S64,
            f64b(9223372036854775808.0),
            I64_MIN,
            I64_MIN,
        ),
        (
            false,
            F32,
            S64,
            f32b(13835058055282163712.0),
            0xc000_0000_0000_0000,
            0xc000_0000_0000_0000,
        ),
        (false, F64, S64, f64b(-0.0), 0, 0),
        (
            true,
            F32,
            S64,
            f32b(-9223372036854775808.0),
            I64_MIN,
            I64_MIN,
        ),
        (false, F64, S32, f64b(f64::INFINITY), M1_32, EXIT),
        (true, F64, S64, f64b(f64::NAN), 0, EXIT),
        (false, F32, S32, f32b(4294967040.0), 4294967040, 4294967040),
    ];
    for &(signed, fsize, isize, a, sat, trap) in to_int {
        rows.push(row(
            format!("float_to_int saturating signed={signed} {fsize:?}->{isize:?} {a:#x}"),
            a,
            0,
            sat,
            Box::new(move |m: &mut M| {
                m.bits_float(FA, A, fsize);
                m.float_to_int(R, FA, signed, fsize, isize, OutOfRange::Saturate)
            }),
        ));
        rows.push(row(
            format!("float_to_int trapping signed={signed} {fsize:?}->{isize:?} {a:#x}"),
            a,
            0,
            trap,
            Box::new(move |m: &mut M| {
                m.bits_float(FA, A, fsize);
                or_exit(m, |m, l| {
                    m.float_to_int(R, FA, signed, fsize, isize, OutOfRange::Branch(l))
                })
            }),
        ));
    }
    let convert: &[(FSize, u64, u64)] = &[
        (F64, f32b(0.1), f64b(0.1f32 as f64)),
        (F64, f32b(f32::NEG_INFINITY), f64b(f64::NEG_INFINITY)),
        (F32, f64b(0.1), f32b(0.1)),
        (F32, f64b(1e300), f32b(f32::INFINITY)),
        (F32, f64b(-0.0), f32b(-0.0)),
    ];
    for &(to, a, want) in convert {
        let from = if to == F64 { F32 } else { F64 };
        rows.push(row(
            format!("fconvert to {to:?} {a:#x}"),
            a,
            0,
            want,
            Box::new(move |m: &mut M| {
                m.bits_float(FA, A, from);
                m.fconvert(FR, FA, to);
                m.float_bits(R, FR, to);
                Ok(())
            }),
        ));
    }
    rows
}

#[path = "masm_conformance/placement.rs"]
mod placement;
use placement::placement_rows;

/// Compiles and runs every row with each of the back end's configurations; reports all
/// mismatches at once.
fn run<M: LeafBackend>(rows: Vec<Row<M>>) {
    let mut buf = JitBuffer::new(16 << 20).expect("code memory");
    let mut data = [0u64; 8];
    let (mut got, mut want) = (Vec::new(), Vec::new());
    for config in M::configs() {
        for r in &rows {
            let what = format!("{} {config:?}: {}", M::ISA, r.what);
            let code =
                M::leaf_function(config, |m| (r.emit)(m)).unwrap_or_else(|e| panic!("{what}: {e}"));
            let ptr = buf.publish(&code).expect("publishing");
            data[0] = 0x8877_6655_4433_2211;
            data[1] = 0xffee_ddcc_bbaa_9988;
            let a = if r.what.starts_with("load") || r.what.starts_with("store") {
                data.as_mut_ptr() as u64
            } else {
                r.a
            };
            // SAFETY: the row's code reads its two arguments and, for memory rows, the first
            // two words of `data`, whose address it was given.
            let out = unsafe { M::call_leaf(ptr, a, r.b) }
                .unwrap_or_else(|e| panic!("{what}: execution failed: {e}"));
            got.push(format!("{what}: {out:#x}"));
            want.push(format!("{what}: {:#x}", r.want));
        }
    }
    assert_eq!(got.join("\n"), want.join("\n"));
}

/// The table's tests for one back end.
macro_rules! conformance {
    ($module:ident, $backend:ty) => {
        mod $module {
            use super::*;
            type B = $backend;

            #[test]
            fn integer_operations() {
                let mut rows = int_op_rows::<B>();
                rows.extend(checked_rows());
                rows.extend(div_unary_extend_rows());
                run(rows);
            }

            #[test]
            fn compares_and_branches() {
                run(compare_rows::<B>());
            }

            #[test]
            fn loads_and_stores() {
                run(memory_rows::<B>());
            }

            #[test]
            fn floating_point() {
                run(float_rows::<B>());
            }

            #[test]
            fn conversions() {
                run(conversion_rows::<B>());
            }

            #[test]
            fn register_placement() {
                run(placement_rows::<B>());
            }
        }
    };
}

// AArch64 code runs natively on aarch64 hosts and in Unicorn elsewhere.
#[cfg(any(target_arch = "aarch64", feature = "emulator"))]
conformance!(aarch64, kiln::jit::aarch64::A64Masm);
// x86-64 code runs natively on x86-64 hosts.
#[cfg(target_arch = "x86_64")]
conformance!(x86_64, kiln::jit::x86_64::X64Masm);
