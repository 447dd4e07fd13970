//! Typed-array element access `ta[i]` / `ta[i] = v` (`GetElement`/`SetElement`), out of line
//! from the dense-array template ([`super::elements`]) when the receiver is not an Array:
//! a class check for the Number element kinds, IsValidIntegerIndex (ECMA-262 §10.4.5.14)
//! against the buffer's current byte length, then a load or store of the element.
//!
//! Entered with R1 = the receiver's cell, R2 = the key (an int32 ≥ 0), R3 = its class.
//!
//! - Bounds: the view's byte offset (`aux[1]`) and fixed length (`aux[2]`, undefined for a
//!   length-tracking view) are int32s (else the generic path); the buffer's data pointer and
//!   byte length are read from its [`BufData`] on every access, so a resize or a detach
//!   (length 0) is seen at once. A fixed-length view is out of bounds as a whole when
//!   `offset + length × size` exceeds the byte length (§10.4.5.12 IsTypedArrayOutOfBounds);
//!   a length-tracking one has `(byteLength − offset) / size` elements.
//! - Loads: Int8…Int32 box as int32, Uint32 above `i32::MAX` and the float kinds box as
//!   `Value::number` does (NaN canonical). An invalid index reads undefined (§10.4.5.4).
//! - Stores (§10.4.5.16 TypedArraySetElement, §7.1.6–7.1.12): an int32 keeps its low bits, a
//!   double goes through ToInt32 (magnitudes of 2^63 and more, infinities included, take the
//!   generic path), Uint8Clamped clamps and rounds half to even, Float32 rounds to nearest.
//!   A non-number value takes the generic path (its ToNumber may call `valueOf`); a number
//!   stored at an invalid index is dropped.
//! - Float16 arrays are inline where the back end converts binary16 in an instruction
//!   (AArch64 `fcvt`: one rounding from double, as §25.1.3.17 NumericToRawBytes wants); on
//!   x86-64 (no F16C in baseline x86-64, and F16C would round through float32) they take the
//!   generic path, as do BigInt64 and BigUint64 arrays and any other class ([`EXIT_STEP`]:
//!   the step helper).

use std::mem::offset_of;

use super::{R0, R1, R2, R3, R4, R5, R6, R7};
use crate::jit::compiler::{Ctx, EXIT_STEP};
use crate::jit::masm::{
    Address, FReg, FSize, FpCond, FpUnary, IntCond, IntOp, MasmError, MasmResult, OutOfRange,
    RegImm, Size, Width, imm,
};
use crate::jit::values::ValueOps;
use crate::js::bytecode::Op;
use crate::js::heap::cells::ObjCell;
use crate::js::object::CLASS_TYPED_FIRST;
use crate::js::typed::{BufData, Kind, bytes};
use crate::js::value::UNDEFINED;

const F0: FReg = FReg(0);
const F1: FReg = FReg(1);

/// The kinds with inline code, in the order the dispatch tests them (most common first);
/// Float16 last, where the back end has binary16 conversions ([`crate::jit::masm::MacroAssembler::HALF_FLOAT`]).
const INLINE: [Kind; 10] = [
    Kind::Float64,
    Kind::Int32,
    Kind::Uint8,
    Kind::Float32,
    Kind::Uint8Clamped,
    Kind::Int8,
    Kind::Int16,
    Kind::Uint16,
    Kind::Uint32,
    Kind::Float16,
];

/// log2 of the element size of kinds `0..=Float64`, two bits per kind.
const SIZE_LOG2: u32 = {
    let mut packed = 0;
    let mut k = 0;
    while k <= Kind::Float64 as usize {
        let log2 = crate::js::typed::KINDS[k].size().trailing_zeros();
        packed |= log2 << (2 * k);
        k += 1;
    }
    packed
};

pub fn emit<M: ValueOps>(cx: &mut Ctx<'_, M>, op: Op, pc: usize) -> MasmResult {
    let get = op == Op::GetElement;
    let slow = cx.slow_exit(pc, EXIT_STEP);
    let (s32, s64) = (Size::S32, Size::S64);
    // R3 = the element kind; classes below the typed ones wrap around to large values.
    cx.m.int_op(IntOp::Sub, R3, R3, imm(CLASS_TYPED_FIRST as u64), s32)?;
    cx.m.branch(IntCond::GtU, R3, imm(Kind::Float64 as u64), slow, s32);
    if !M::HALF_FLOAT {
        cx.m.branch(IntCond::Eq, R3, imm(Kind::Float16 as u64), slow, s32);
    }
    // R4 = the buffer's data + the view's offset (R6), R5 = its byte length, R7 = the view's
    // fixed length (or undefined).
    let aux = offset_of!(ObjCell, aux) as i32;
    cx.m.load_word(R4, R1, aux)?;
    cx.m.unbox_payload(R4, R4);
    cx.m.load_word(R4, R4, offset_of!(ObjCell, buf) as i32)?;
    let data = offset_of!(BufData, bytes);
    cx.m.load_word(R5, R4, (data + bytes::OFF_LEN) as i32)?;
    cx.m.load_word(R4, R4, (data + bytes::OFF_PTR) as i32)?;
    cx.m.load_word(R6, R1, aux + 8)?;
    cx.m.branch_if_not_int32(R6, slow);
    cx.m.mov(R6, R6.into(), s32);
    cx.m.int_op(IntOp::Add, R4, R4, R6.into(), s64)?;
    cx.m.load_word(R7, R1, aux + 16)?;
    // R0 = log2 of the element size.
    cx.m.int_op(IntOp::Add, R0, R3, R3.into(), s32)?;
    cx.m.mov(R1, imm(SIZE_LOG2 as u64), s32);
    cx.m.int_op(IntOp::ShrU, R0, R1, R0.into(), s32)?;
    cx.m.int_op(IntOp::And, R0, R0, RegImm::Imm(3), s32)?;
    let (tracking, valid, invalid, done) = (
        cx.m.new_label(),
        cx.m.new_label(),
        cx.m.new_label(),
        cx.m.new_label(),
    );
    cx.m.branch_if_not_int32(R7, tracking);
    // Fixed length n: offset + (n << log2) ≤ byteLength and i < n.
    cx.m.mov(R7, R7.into(), s32);
    cx.m.int_op(IntOp::Shl, R1, R7, R0.into(), s64)?;
    cx.m.int_op(IntOp::Add, R1, R1, R6.into(), s64)?;
    cx.m.branch(IntCond::GtU, R1, R5.into(), invalid, s64);
    cx.m.branch(IntCond::GeU, R2, R7.into(), invalid, s32);
    cx.m.jump(valid);
    cx.m.bind(tracking)?;
    // Length-tracking: offset ≤ byteLength and i < (byteLength − offset) >> log2 (below
    // 2^32: byte lengths are at most `MAX_BYTE_LENGTH`).
    cx.m.branch_if_word_ne(R7, UNDEFINED, slow);
    cx.m.branch(IntCond::GtU, R6, R5.into(), invalid, s64);
    cx.m.int_op(IntOp::Sub, R1, R5, R6.into(), s64)?;
    cx.m.int_op(IntOp::ShrU, R1, R1, R0.into(), s64)?;
    cx.m.branch(IntCond::GeU, R2, R1.into(), invalid, s32);
    cx.m.bind(valid)?;
    if !get {
        cx.m.load_slot(R5, cx.reg(pc, 2) as i32)?;
    }
    let kinds = if M::HALF_FLOAT {
        &INLINE[..]
    } else {
        &INLINE[..INLINE.len() - 1]
    };
    for (n, &kind) in kinds.iter().enumerate() {
        let next = cx.m.new_label();
        if n + 1 < kinds.len() {
            cx.m.branch_if_u32_ne(R3, kind as u32, next);
        }
        if get {
            load(cx, kind)?;
            cx.m.store_slot(R5, cx.reg(pc, 0) as i32)?;
        } else {
            store(cx, kind, slow)?;
        }
        cx.m.jump(done);
        cx.m.bind(next)?;
    }
    cx.m.bind(invalid)?;
    if get {
        cx.m.mov_imm(R5, UNDEFINED);
        cx.m.store_slot(R5, cx.reg(pc, 0) as i32)?;
    } else {
        // A number is dropped; anything else is converted first (by the generic path).
        cx.m.load_slot(R5, cx.reg(pc, 2) as i32)?;
        cx.m.branch_on_upper_word(IntCond::GtU, R5, slow);
    }
    cx.m.bind(done)
}

/// The address of element R2 of a `kind` array whose data starts at R4.
fn element(kind: Kind) -> Address {
    Address::u32_index(R4, R2, kind.size().trailing_zeros() as u8)
}

/// R5 = the boxed element.
fn load<M: ValueOps>(cx: &mut Ctx<'_, M>, kind: Kind) -> MasmResult {
    let at = element(kind);
    let (width, signed) = match kind {
        Kind::Float32 | Kind::Float64 => {
            let size = if kind == Kind::Float32 {
                FSize::F32
            } else {
                FSize::F64
            };
            cx.m.fload(F0, at, size)?;
            if size == FSize::F32 {
                cx.m.fconvert(F0, F0, FSize::F64);
            }
            cx.m.canonicalize_nan(F0)?;
            cx.m.box_number(R5, F0);
            return Ok(());
        }
        Kind::Int8 => (Width::W8, true),
        Kind::Uint8 | Kind::Uint8Clamped => (Width::W8, false),
        Kind::Int16 => (Width::W16, true),
        Kind::Uint16 => (Width::W16, false),
        Kind::Int32 | Kind::Uint32 => (Width::W32, false),
        Kind::Float16 => {
            cx.m.load(R5, at, Width::W16, false, Size::S32)?;
            cx.m.f16_to_f64(F0, R5)?;
            cx.m.canonicalize_nan(F0)?;
            cx.m.box_number(R5, F0);
            return Ok(());
        }
        Kind::BigInt64 | Kind::BigUint64 => {
            return Err(MasmError::Unsupported(
                "a typed-array kind without inline loads",
            ));
        }
    };
    cx.m.load(R5, at, width, signed, Size::S32)?;
    if kind == Kind::Uint32 {
        cx.m.box_uint32_of(R5, R5)
    } else {
        cx.m.tag_int32(R5);
        Ok(())
    }
}

/// Stores the number in R5 (else `slow`) into the element, converted for `kind`.
fn store<M: ValueOps>(cx: &mut Ctx<'_, M>, kind: Kind, slow: M::Label) -> MasmResult {
    let at = element(kind);
    match kind {
        Kind::Float64 => {
            cx.m.unbox_number_or(F0, R5, slow);
            cx.m.fstore(F0, at, FSize::F64)
        }
        Kind::Float32 => {
            cx.m.unbox_number_or(F0, R5, slow);
            cx.m.fconvert(F0, F0, FSize::F32);
            cx.m.fstore(F0, at, FSize::F32)
        }
        Kind::Float16 => {
            cx.m.unbox_number_or(F0, R5, slow);
            cx.m.f64_to_f16(R0, F0)?;
            cx.m.store(R0, at, Width::W16)
        }
        Kind::Uint8Clamped => {
            clamp(cx, slow)?;
            cx.m.store(R0, at, Width::W8)
        }
        _ => {
            // ToInt8 … ToUint32 keep the low bits of ToInt32.
            cx.m.unbox_int32_or(R0, R5, slow, F0);
            let width = match kind.size() {
                1 => Width::W8,
                2 => Width::W16,
                _ => Width::W32,
            };
            cx.m.store(R0, at, width)
        }
    }
}

/// R0 = ToUint8Clamp (§7.1.12) of the number in R5 (else `slow`): clamped to 0..=255, NaN
/// to 0, fractions rounded half to even.
fn clamp<M: ValueOps>(cx: &mut Ctx<'_, M>, slow: M::Label) -> MasmResult {
    let (s32, f64_) = (Size::S32, FSize::F64);
    let (double, zero, max, ok) = (
        cx.m.new_label(),
        cx.m.new_label(),
        cx.m.new_label(),
        cx.m.new_label(),
    );
    cx.m.branch_if_not_int32(R5, double);
    cx.m.mov(R0, R5.into(), s32);
    cx.m.branch(IntCond::Lt, R0, RegImm::Imm(0), zero, s32);
    cx.m.branch(IntCond::Gt, R0, RegImm::Imm(255), max, s32);
    cx.m.jump(ok);
    cx.m.bind(double)?;
    cx.m.branch_on_upper_word(IntCond::GtU, R5, slow);
    cx.m.bits_float(F0, R5, f64_);
    cx.m.fmov_imm(F1, 0.0, f64_);
    // Not above 0 (NaN included).
    cx.m.fbranch(FpCond::NotGt, F0, F1, zero, f64_);
    cx.m.fmov_imm(F1, 255.0, f64_);
    cx.m.fbranch(FpCond::Ge, F0, F1, max, f64_);
    cx.m.fp_unary(FpUnary::Nearest, F0, F0, f64_);
    cx.m.float_to_int(R0, F0, true, f64_, s32, OutOfRange::Saturate)?;
    cx.m.jump(ok);
    cx.m.bind(zero)?;
    cx.m.mov(R0, RegImm::Imm(0), s32);
    cx.m.jump(ok);
    cx.m.bind(max)?;
    cx.m.mov(R0, RegImm::Imm(255), s32);
    cx.m.bind(ok)
}
