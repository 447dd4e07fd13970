//! JavaScript value operations over any back end: NaN-boxing (`js::value`), int32 fast paths
//! with overflow exits, tag tests, number boxing and unboxing, and the frame-slot and
//! VM-field accesses templates make — written once over the ISA-only
//! [`MacroAssembler`] and the runtime ABI, as default methods of [`ValueOps`]. A back end gets
//! them for free; it may override one where it can do better (AArch64 compares a value's upper
//! word with the int32 tag in one instruction, x86-64 without the value layer's temporaries:
//! [`ValueOps::branch_on_upper_word`]).
//!
//! Scratch use: the value layer's temporaries [`Reg::T0`], [`Reg::T1`] and [`FReg::T0`], never
//! live across calls of these methods; templates' scratch registers are left alone unless
//! named as operands.
//!
//! Paths that are rare but long go out of line: [`ValueOps::defer`] records them and
//! [`ValueOps::emit_deferred`] emits them after the function's main body.

use crate::jit::abi::RuntimeAbi;
use crate::jit::masm::{
    Address, CheckedOp, DivOp, FReg, FSize, FpCond, FpOp, FpUnary, IntCond, IntOp, MasmResult,
    OutOfRange, Reg, RegImm, Size, UnaryOp, Width, imm,
};
use crate::js::value::{ASR48_CELL, ASR48_STRING, FALSE, PAYLOAD_MASK, TAG_INT32, TAG_OBJECT};

/// The upper 32 bits of every int32 value (for back ends' overrides of the tag tests).
pub use crate::js::value::INT32_TAG_HI;

/// int32 arithmetic with an overflow exit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Int32Op {
    Add,
    Sub,
    /// Also exits when the product is 0 (it may be −0, which is not an int32).
    Mul,
}

/// Bitwise operations and shifts on int32s (shift counts taken modulo 32).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BitOp {
    And,
    Or,
    Xor,
    Shl,
    /// Arithmetic (sign-propagating) right shift.
    Shr,
    /// Logical right shift: a result above `i32::MAX` is boxed as a double.
    UShr,
}

impl BitOp {
    fn int_op(self) -> IntOp {
        match self {
            BitOp::And => IntOp::And,
            BitOp::Or => IntOp::Or,
            BitOp::Xor => IntOp::Xor,
            BitOp::Shl => IntOp::Shl,
            BitOp::Shr => IntOp::ShrS,
            BitOp::UShr => IntOp::ShrU,
        }
    }
}

/// Out-of-line code of the value layer, emitted after the function's main body: entered from
/// `entry`, it goes back to `back` (or to a slow path).
pub struct Deferred<L> {
    pub entry: L,
    pub back: L,
    /// The value register the inline code tested.
    pub v: Reg,
    /// Branch here for a non-number, if `v` may be one.
    pub not_number: Option<L>,
    pub kind: DeferredKind<L>,
}

pub enum DeferredKind<L> {
    /// The double case of ToInt32: into `dst`, `slow` for a double of magnitude 2^63 or more.
    Int32 { dst: Reg, tmp: FReg, slow: L },
    /// The int32 case of number unboxing: converted into `dst`.
    Number { dst: FReg },
    /// Number boxing of a double whose low 21 mantissa bits are clear: `v` (holding its
    /// bits) becomes the int32 if the double is one.
    BoxNumber,
}

/// The low 32 bits of the int32 tag's upper word, as an immediate.
fn tag_hi() -> RegImm {
    imm(INT32_TAG_HI as u64)
}

/// JavaScript value operations (see the module comment).
pub trait ValueOps: RuntimeAbi + Sized {
    /// The out-of-line code recorded so far (storage the back end provides).
    fn deferred(&mut self) -> &mut Vec<Deferred<Self::Label>>;

    /// Records out-of-line code.
    fn defer(&mut self, d: Deferred<Self::Label>) {
        self.deferred().push(d);
    }

    /// Emits the out-of-line code recorded so far; the compiler calls it after the body.
    fn emit_deferred(&mut self) -> MasmResult {
        for d in std::mem::take(self.deferred()) {
            self.island_point();
            self.bind(d.entry)?;
            if let Some(l) = d.not_number {
                // Here the upper word is the int32 tag or above it; above is not a number.
                self.branch_on_upper_word(IntCond::GtU, d.v, l);
            }
            match d.kind {
                DeferredKind::Int32 { dst, tmp, slow } => {
                    self.double_to_int32(dst, d.v, tmp, slow)?
                }
                DeferredKind::Number { dst } => {
                    self.int_to_float(dst, d.v, true, Size::S32, FSize::F64)
                }
                DeferredKind::BoxNumber => self.box_int32_valued(d.v, d.back),
            }
            self.jump(d.back);
        }
        Ok(())
    }

    // -----------------------------------------------------------------------------------------
    // Frame slots, VM fields and heap words.
    // -----------------------------------------------------------------------------------------

    fn load_slot(&mut self, dst: Reg, slot: i32) -> MasmResult {
        self.load(
            dst,
            Address::at(Reg::FRAME, 8 * slot),
            Width::W64,
            false,
            Size::S64,
        )
    }
    fn store_slot(&mut self, src: Reg, slot: i32) -> MasmResult {
        self.store(src, Address::at(Reg::FRAME, 8 * slot), Width::W64)
    }
    /// `dst` = the address of this frame's slot `slot`.
    fn slot_addr(&mut self, dst: Reg, slot: i32) -> MasmResult {
        self.int_op(
            IntOp::Add,
            dst,
            Reg::FRAME,
            RegImm::Imm(8 * slot as i64),
            Size::S64,
        )
    }
    fn mov_imm(&mut self, dst: Reg, value: u64) {
        self.mov(dst, imm(value), Size::S64);
    }
    /// `dst = *(base + offset)` (64-bit).
    fn load_word(&mut self, dst: Reg, base: Reg, offset: i32) -> MasmResult {
        self.load(dst, Address::at(base, offset), Width::W64, false, Size::S64)
    }
    /// `dst = *(base + offset)` (32-bit, zero-extended).
    fn load_u32(&mut self, dst: Reg, base: Reg, offset: i32) -> MasmResult {
        self.load(dst, Address::at(base, offset), Width::W32, false, Size::S64)
    }
    /// `dst = *(base + offset)` (8-bit, zero-extended).
    fn load_u8(&mut self, dst: Reg, base: Reg, offset: i32) -> MasmResult {
        self.load(dst, Address::at(base, offset), Width::W8, false, Size::S64)
    }
    /// `dst = *(base + offset)` (16-bit, zero-extended).
    fn load_u16(&mut self, dst: Reg, base: Reg, offset: i32) -> MasmResult {
        self.load(dst, Address::at(base, offset), Width::W16, false, Size::S64)
    }
    /// `*(base + offset) = src` (the low 8 bits).
    fn store_u8(&mut self, src: Reg, base: Reg, offset: i32) -> MasmResult {
        self.store(src, Address::at(base, offset), Width::W8)
    }
    /// `*(base + offset) = src` (64-bit).
    fn store_word(&mut self, src: Reg, base: Reg, offset: i32) -> MasmResult {
        self.store(src, Address::at(base, offset), Width::W64)
    }
    /// `*(base + offset) = src` (the low 32 bits).
    fn store_u32(&mut self, src: Reg, base: Reg, offset: i32) -> MasmResult {
        self.store(src, Address::at(base, offset), Width::W32)
    }
    /// `dst = *(base + 8 * index)` with a zero-extended 32-bit index.
    fn load_indexed(&mut self, dst: Reg, base: Reg, index: Reg) -> MasmResult {
        self.load(
            dst,
            Address::u32_index(base, index, 3),
            Width::W64,
            false,
            Size::S64,
        )
    }
    /// `dst` = the u16 at `base + 2 * index` (index: the low 32 bits, unsigned).
    fn load_u16_indexed(&mut self, dst: Reg, base: Reg, index: Reg) -> MasmResult {
        self.load(
            dst,
            Address::u32_index(base, index, 1),
            Width::W16,
            false,
            Size::S64,
        )
    }
    /// `*(base + 8 * index) = src` with a zero-extended 32-bit index.
    fn store_indexed(&mut self, src: Reg, base: Reg, index: Reg) -> MasmResult {
        self.store(src, Address::u32_index(base, index, 3), Width::W64)
    }
    fn load_vm_word(&mut self, dst: Reg, offset: i32) -> MasmResult {
        self.load_word(dst, Reg::VM, offset)
    }
    fn load_vm_u32(&mut self, dst: Reg, offset: i32) -> MasmResult {
        self.load_u32(dst, Reg::VM, offset)
    }
    fn load_vm_u8(&mut self, dst: Reg, offset: i32) -> MasmResult {
        self.load_u8(dst, Reg::VM, offset)
    }
    fn store_vm_word(&mut self, src: Reg, offset: i32) -> MasmResult {
        self.store_word(src, Reg::VM, offset)
    }
    /// `dst = a + imm` (64-bit).
    fn add_imm(&mut self, dst: Reg, a: Reg, imm: i64) -> MasmResult {
        self.int_op(IntOp::Add, dst, a, RegImm::Imm(imm), Size::S64)
    }
    /// `dst = base + index * size` (64-bit).
    fn index_addr(&mut self, dst: Reg, base: Reg, index: Reg, size: u64) -> MasmResult {
        self.int_op(IntOp::Mul, Reg::T0, index, imm(size), Size::S64)?;
        self.int_op(IntOp::Add, dst, base, Reg::T0.into(), Size::S64)
    }
    /// Stores `value` to every word from `from` (advanced) up to `to` (exclusive).
    /// The loop is tested at its bottom: one compare and branch per word.
    fn fill_words(&mut self, from: Reg, to: Reg, value: Reg) -> MasmResult {
        let (top, done) = (self.new_label(), self.new_label());
        self.branch(IntCond::GeU, from, to.into(), done, Size::S64);
        self.bind(top)?;
        self.store(value, Address::at(from, 0), Width::W64)?;
        self.add_imm(from, from, 8)?;
        self.branch(IntCond::LtU, from, to.into(), top, Size::S64);
        self.bind(done)
    }
    /// Calls helper `addr(vm, 0)` if the byte at VM + `field` is non-zero (a GC safepoint).
    fn safepoint(&mut self, field: i32, addr: u64) -> MasmResult {
        let skip = self.new_label();
        self.load_vm_u8(Reg::T0, field)?;
        self.branch(IntCond::Eq, Reg::T0, RegImm::Imm(0), skip, Size::S32);
        self.call_helper(addr, RegImm::Imm(0))?;
        self.bind(skip)
    }

    // -----------------------------------------------------------------------------------------
    // Word and u32 tests.
    // -----------------------------------------------------------------------------------------

    fn branch_if_word_eq(&mut self, v: Reg, word: u64, label: Self::Label) {
        self.branch(IntCond::Eq, v, imm(word), label, Size::S64);
    }
    fn branch_if_word_ne(&mut self, v: Reg, word: u64, label: Self::Label) {
        self.branch(IntCond::Ne, v, imm(word), label, Size::S64);
    }
    fn branch_if_eq(&mut self, a: Reg, b: Reg, label: Self::Label) {
        self.branch(IntCond::Eq, a, b.into(), label, Size::S64);
    }
    fn branch_if_ne(&mut self, a: Reg, b: Reg, label: Self::Label) {
        self.branch(IntCond::Ne, a, b.into(), label, Size::S64);
    }
    /// Branches to `label` if `v` ≥ `imm` (64-bit, unsigned).
    fn branch_if_ge_imm(&mut self, v: Reg, imm_: u64, label: Self::Label) {
        self.branch(IntCond::GeU, v, imm(imm_), label, Size::S64);
    }
    /// Branches to `label` if `a > b` (64-bit, unsigned).
    fn branch_if_above(&mut self, a: Reg, b: Reg, label: Self::Label) {
        self.branch(IntCond::GtU, a, b.into(), label, Size::S64);
    }
    fn branch_if_zero(&mut self, v: Reg, label: Self::Label) {
        self.branch(IntCond::Eq, v, RegImm::Imm(0), label, Size::S64);
    }
    /// Branches to `label` if bit `bit` of `v` is clear.
    fn branch_if_bit_clear(&mut self, v: Reg, bit: u8, label: Self::Label) {
        self.branch_mask(v, imm(1 << bit), false, label, Size::S64);
    }
    /// Branches to `label` if the low 32 bits of `v` differ from `imm`.
    fn branch_if_u32_ne(&mut self, v: Reg, imm_: u32, label: Self::Label) {
        self.branch(IntCond::Ne, v, imm(imm_ as u64), label, Size::S32);
    }
    /// Branches to `label` if `v & mask != 0` (low byte test).
    fn branch_if_any_bits(&mut self, v: Reg, mask: u8, label: Self::Label) {
        self.branch_mask(v, imm(mask as u64), true, label, Size::S32);
    }
    /// Branches to `label` if the low 32 bits of `v` are zero.
    fn branch_if_zero32(&mut self, v: Reg, label: Self::Label) {
        self.branch(IntCond::Eq, v, RegImm::Imm(0), label, Size::S32);
    }
    /// Branches to `label` if the low 32 bits of `a` are ≥ those of `b`, unsigned.
    fn branch_if_u32_ge(&mut self, a: Reg, b: Reg, label: Self::Label) {
        self.branch(IntCond::GeU, a, b.into(), label, Size::S32);
    }
    /// Branches to `label` if the low 32 bits of `v` are ≤ `imm` (unsigned).
    fn branch_if_u32_le_imm(&mut self, v: Reg, imm_: u32, label: Self::Label) {
        self.branch(IntCond::LeU, v, imm(imm_ as u64), label, Size::S32);
    }
    /// Branches to `label` if bit 31 of `v` is set (a negative int32).
    fn branch_if_negative32(&mut self, v: Reg, label: Self::Label) {
        self.branch_mask(v, imm(1 << 31), true, label, Size::S32);
    }

    // -----------------------------------------------------------------------------------------
    // Tags.
    // -----------------------------------------------------------------------------------------

    /// Branches to `label` if the upper 32 bits of `v`, unsigned, stand in relation `cond` to
    /// the int32 tag's (equal: an int32; above: not a number; below: a double).
    fn branch_on_upper_word(&mut self, cond: IntCond, v: Reg, label: Self::Label) {
        self.int_op(IntOp::ShrU, Reg::T0, v, RegImm::Imm(32), Size::S64)
            .expect("a shift by an immediate needs no encoding check");
        self.branch(cond, Reg::T0, tag_hi(), label, Size::S64);
    }
    /// Branches to `label` unless `v` holds an int32.
    fn branch_if_not_int32(&mut self, v: Reg, label: Self::Label) {
        self.branch_on_upper_word(IntCond::Ne, v, label);
    }
    /// Branches to `label` if `v`'s bits 63..48, sign-extended (`asr #48`), equal `asr48`.
    fn branch_if_asr48(&mut self, v: Reg, asr48: i64, label: Self::Label) {
        self.int_op(IntOp::ShrS, Reg::T0, v, RegImm::Imm(48), Size::S64)
            .expect("a shift by an immediate needs no encoding check");
        self.branch(IntCond::Eq, Reg::T0, RegImm::Imm(asr48), label, Size::S64);
    }
    /// Branches to `label` if `v` is a string pointer.
    fn branch_if_string(&mut self, v: Reg, label: Self::Label) {
        self.branch_if_asr48(v, ASR48_STRING, label);
    }
    /// Branches to `label` unless `v` is a string pointer.
    fn branch_if_not_string(&mut self, v: Reg, label: Self::Label) {
        self.int_op(IntOp::ShrS, Reg::T0, v, RegImm::Imm(48), Size::S64)
            .expect("a shift by an immediate needs no encoding check");
        self.branch(
            IntCond::Ne,
            Reg::T0,
            RegImm::Imm(ASR48_STRING),
            label,
            Size::S64,
        );
    }
    /// Branches to `label` if `v` is a string or an internal-cell pointer (a BigInt among
    /// them): the heap values that are not objects.
    fn branch_if_heap_primitive(&mut self, v: Reg, label: Self::Label) {
        self.branch_if_asr48(v, ASR48_STRING, label);
        self.branch_if_asr48(v, ASR48_CELL, label);
    }
    /// `dst` = the cell address of `v` if it is an object pointer, else branch to `label`.
    fn unbox_object_or(&mut self, dst: Reg, v: Reg, label: Self::Label) {
        self.int_op(IntOp::Xor, dst, v, imm(TAG_OBJECT), Size::S64)
            .expect("the back end materializes immediates");
        self.int_op(IntOp::ShrU, Reg::T0, dst, RegImm::Imm(48), Size::S64)
            .expect("a shift by an immediate needs no encoding check");
        self.branch(IntCond::Ne, Reg::T0, RegImm::Imm(0), label, Size::S64);
    }
    /// `dst` = the pointer payload (low 48 bits) of `v`, whatever its tag.
    fn unbox_payload(&mut self, dst: Reg, v: Reg) {
        self.int_op(IntOp::And, dst, v, imm(PAYLOAD_MASK), Size::S64)
            .expect("the back end materializes immediates");
    }

    // -----------------------------------------------------------------------------------------
    // int32s.
    // -----------------------------------------------------------------------------------------

    /// `dst` = the boxed int32 of the low 32 bits of `v`.
    fn box_int32(&mut self, dst: Reg, v: Reg) {
        self.mov(dst, v.into(), Size::S32);
        self.tag_int32(dst);
    }
    /// `dst |= the int32 tag` (`dst` holds a zero-extended 32-bit value).
    fn tag_int32(&mut self, dst: Reg) {
        self.int_op(IntOp::Or, dst, dst, imm(TAG_INT32), Size::S64)
            .expect("the back end materializes immediates");
    }
    /// Low 32 bits of `dst` = `value` (the rest unspecified, as after an unbox).
    fn mov_int32(&mut self, dst: Reg, value: i32) {
        self.mov(dst, RegImm::Imm(value as u32 as i64), Size::S32);
    }
    /// `dst = box(a op b)` on two boxed int32s, branching to `overflow` instead when the
    /// result is not an int32 (`dst` may then be clobbered).
    fn int32_op(&mut self, op: Int32Op, dst: Reg, a: Reg, b: Reg, overflow: Self::Label) {
        let op = match op {
            Int32Op::Add => CheckedOp::Add,
            Int32Op::Sub => CheckedOp::Sub,
            Int32Op::Mul => CheckedOp::Mul,
        };
        self.checked_op(op, dst, a, b.into(), Size::S32, overflow);
        if op == CheckedOp::Mul {
            self.branch(IntCond::Eq, dst, RegImm::Imm(0), overflow, Size::S32);
        }
        self.tag_int32(dst);
    }
    /// `dst = box(a + imm)` on a boxed int32, branching to `overflow` on overflow.
    fn int32_add_imm(&mut self, dst: Reg, a: Reg, imm_: i32, overflow: Self::Label) -> MasmResult {
        self.checked_op(
            CheckedOp::Add,
            dst,
            a,
            RegImm::Imm(imm_ as i64),
            Size::S32,
            overflow,
        );
        self.tag_int32(dst);
        Ok(())
    }
    /// `dst = box(-a)` on a boxed int32, branching to `not_int` when the result is not an
    /// int32 (`a` is 0 or `i32::MIN`).
    fn int32_neg(&mut self, dst: Reg, a: Reg, not_int: Self::Label) {
        self.branch(IntCond::Eq, a, RegImm::Imm(0), not_int, Size::S32);
        self.branch(IntCond::Eq, a, imm(1 << 31), not_int, Size::S32);
        self.unary_op(UnaryOp::Neg, dst, a, Size::S32);
        self.tag_int32(dst);
    }
    /// `dst = box(a % b)` on boxed int32s when the result is an int32 (`b` ≠ 0, and not a
    /// zero remainder of a negative `a`, which is −0), else branch to `label`.
    fn int32_rem(&mut self, dst: Reg, a: Reg, b: Reg, label: Self::Label) -> MasmResult {
        let nonzero = self.new_label();
        self.branch(IntCond::Eq, b, RegImm::Imm(0), label, Size::S32);
        self.div_op(DivOp::RemS, Reg::T1, a, b, Size::S32);
        self.branch(IntCond::Ne, Reg::T1, RegImm::Imm(0), nonzero, Size::S32);
        self.branch_if_negative32(a, label);
        self.bind(nonzero)?;
        self.mov(dst, Reg::T1.into(), Size::S64);
        self.tag_int32(dst);
        Ok(())
    }
    /// `dst = box(a op b)` on the low 32 bits of `a` and `b` (see [`BitOp::UShr`]).
    fn int32_bitop(&mut self, op: BitOp, dst: Reg, a: Reg, b: Reg) -> MasmResult {
        self.int_op(op.int_op(), Reg::T1, a, b.into(), Size::S32)?;
        if op == BitOp::UShr {
            self.box_uint32(dst)
        } else {
            self.mov(dst, Reg::T1.into(), Size::S64);
            self.tag_int32(dst);
            Ok(())
        }
    }
    /// `dst = box(a op imm)` on the low 32 bits of `a` (shift counts modulo 32; a `>>>` by a
    /// count that is 0 modulo 32 may give a double).
    fn int32_bitop_imm(&mut self, op: BitOp, dst: Reg, a: Reg, imm_: i32) -> MasmResult {
        let b = match op {
            BitOp::And | BitOp::Or | BitOp::Xor => RegImm::Imm(imm_ as u32 as i64),
            _ => RegImm::Imm((imm_ & 31) as i64),
        };
        self.int_op(op.int_op(), Reg::T1, a, b, Size::S32)?;
        if op == BitOp::UShr && imm_ & 31 == 0 {
            self.box_uint32(dst)
        } else {
            self.mov(dst, Reg::T1.into(), Size::S64);
            self.tag_int32(dst);
            Ok(())
        }
    }
    /// `dst = box(!a)` on the low 32 bits of `a`.
    fn int32_not(&mut self, dst: Reg, a: Reg) {
        self.unary_op(UnaryOp::Not, dst, a, Size::S32);
        self.tag_int32(dst);
    }
    /// `dst` = the boxed uint32 in the low word of [`Reg::T1`]: an int32 up to `i32::MAX`,
    /// else a double (integral, never NaN or −0).
    fn box_uint32(&mut self, dst: Reg) -> MasmResult {
        let (big, done) = (self.new_label(), self.new_label());
        self.branch_if_negative32(Reg::T1, big);
        self.mov(dst, Reg::T1.into(), Size::S32);
        self.tag_int32(dst);
        self.jump(done);
        self.bind(big)?;
        self.int_to_float(FReg::T0, Reg::T1, false, Size::S32, FSize::F64);
        self.float_bits(dst, FReg::T0, FSize::F64);
        self.bind(done)
    }
    /// `dst` = the boxed uint32 in the low word of `src` (see [`ValueOps::box_uint32`]).
    fn box_uint32_of(&mut self, dst: Reg, src: Reg) -> MasmResult {
        self.mov(Reg::T1, src.into(), Size::S32);
        self.box_uint32(dst)
    }
    /// `dst` = the boxed boolean of `a cond b` on the low 32 bits (int32s) or whole words.
    fn set_bool(&mut self, dst: Reg, cond: IntCond, a: Reg, b: RegImm, size: Size) {
        self.cmp_set(dst, cond, a, b, size);
        self.int_op(IntOp::Or, dst, dst, imm(FALSE), Size::S64)
            .expect("the back end materializes immediates");
    }
    /// `dst` = the boxed boolean of `a cond b` on doubles.
    fn set_bool_fp(&mut self, dst: Reg, cond: FpCond, a: FReg, b: FReg) {
        self.fcmp_set(dst, cond, a, b, FSize::F64);
        self.int_op(IntOp::Or, dst, dst, imm(FALSE), Size::S64)
            .expect("the back end materializes immediates");
    }

    // -----------------------------------------------------------------------------------------
    // Numbers.
    // -----------------------------------------------------------------------------------------

    /// `dst` = the numeric value of `v` (int32 converted, double as is), else branch to
    /// `label` (not a number).
    fn unbox_number_or(&mut self, dst: FReg, v: Reg, label: Self::Label) {
        self.number_deferred(dst, v, Some(label));
    }
    /// `dst` = the numeric value of `v`, known to hold a number (no check).
    fn unbox_number(&mut self, dst: FReg, v: Reg) {
        self.number_deferred(dst, v, None);
    }
    /// `dst` = the number in `v`: the double inline (one untaken branch, no conversion), an
    /// int32 converted out of line; a non-number branches to `not_number`.
    fn number_deferred(&mut self, dst: FReg, v: Reg, not_number: Option<Self::Label>) {
        let (entry, back) = (self.new_label(), self.new_label());
        self.branch_on_upper_word(IntCond::GeU, v, entry);
        self.bits_float(dst, v, FSize::F64);
        self.bind(back).expect("a fresh label binds");
        self.defer(Deferred {
            entry,
            back,
            v,
            not_number,
            kind: DeferredKind::Number { dst },
        });
    }
    /// `dst` (low 32 bits) = ToInt32(`v`) for an int32 or a double of magnitude below 2^63
    /// (NaN included), else branch to `label`. Upper 32 bits of `dst` are unspecified.
    fn unbox_int32_or(&mut self, dst: Reg, v: Reg, label: Self::Label, tmp: FReg) {
        self.int32_deferred(dst, v, label, tmp, true);
    }
    /// [`ValueOps::unbox_int32_or`] for `v` known to hold a number: branches to `label` only
    /// for doubles of magnitude 2^63 or more.
    fn number_to_int32_or(&mut self, dst: Reg, v: Reg, label: Self::Label, tmp: FReg) {
        self.int32_deferred(dst, v, label, tmp, false);
    }
    /// ToInt32 of `v` into `dst`: inline for an int32 (one untaken branch), out of line for
    /// a double; `check`: also branch to `slow` for a non-number.
    fn int32_deferred(&mut self, dst: Reg, v: Reg, slow: Self::Label, tmp: FReg, check: bool) {
        let (entry, back) = (self.new_label(), self.new_label());
        self.branch_on_upper_word(IntCond::Ne, v, entry);
        self.mov(dst, v.into(), Size::S32);
        self.bind(back).expect("a fresh label binds");
        self.defer(Deferred {
            entry,
            back,
            v,
            not_number: check.then_some(slow),
            kind: DeferredKind::Int32 { dst, tmp, slow },
        });
    }
    /// `dst` = ToInt32 of the double in `v`, else (|v| ≥ 2^63, infinite) branch to `slow`.
    fn double_to_int32(&mut self, dst: Reg, v: Reg, tmp: FReg, slow: Self::Label) -> MasmResult {
        self.bits_float(tmp, v, FSize::F64);
        // Truncated to 64 bits, saturating (NaN gives 0); the low word is then ToInt32 unless
        // the conversion saturated: x ^ (x >> 63) is i64::MAX exactly for both saturated
        // results.
        self.float_to_int(dst, tmp, true, FSize::F64, Size::S64, OutOfRange::Saturate)?;
        self.int_op(IntOp::ShrS, Reg::T1, dst, RegImm::Imm(63), Size::S64)?;
        self.int_op(IntOp::Xor, Reg::T1, Reg::T1, dst.into(), Size::S64)?;
        self.branch(IntCond::Eq, Reg::T1, RegImm::Imm(i64::MAX), slow, Size::S64);
        Ok(())
    }
    /// `dst` = the low 32 bits of `v`, known to hold an int32, as a double.
    fn int32_to_fp(&mut self, dst: FReg, v: Reg) {
        self.int_to_float(dst, v, true, Size::S32, FSize::F64);
    }
    /// `dst` = the boxed number `src` exactly as `Value::number` boxes it: an int32 when
    /// integral, in range and not −0, else the double. A NaN in `src` must be the canonical
    /// one (every NaN arithmetic makes from canonical inputs is; `FpUnary::Neg` is not).
    fn box_number(&mut self, dst: Reg, src: FReg) {
        // An int32-valued double has at most 31 significant bits after the leading one, so
        // its low 21 mantissa bits are clear; most other doubles fail that test in one test.
        // The exact test runs out of line (`box_int32_valued`).
        let (entry, back) = (self.new_label(), self.new_label());
        self.float_bits(dst, src, FSize::F64);
        self.branch_mask(dst, imm((1 << 21) - 1), false, entry, Size::S64);
        self.bind(back).expect("a fresh label binds");
        self.defer(Deferred {
            entry,
            back,
            v: dst,
            not_number: None,
            kind: DeferredKind::BoxNumber,
        });
    }
    /// `v` (a double's bits) = the int32 of equal value if there is one (not for −0), then
    /// on to `back`; else `v` is left as it is. With integer instructions only: FP
    /// conversions are library calls under QEMU. With k = the unbiased exponent, a double is
    /// an int32 iff it is +0, or 0 ≤ k ≤ 31 with no mantissa bits below 2^0 and the signed
    /// value fitting 32 bits (−2^31 has k = 31). −0, NaN and infinities fall out of the
    /// exponent range.
    fn box_int32_valued(&mut self, v: Reg, back: Self::Label) {
        let (t0, t1, s) = (Reg::T0, Reg::T1, Size::S64);
        let e = "the back end materializes immediates";
        let (not_int, positive) = (self.new_label(), self.new_label());
        self.int_op(IntOp::ShrU, t1, v, RegImm::Imm(52), s)
            .expect(e);
        self.int_op(IntOp::And, t1, t1, RegImm::Imm(0x7ff), s)
            .expect(e);
        self.int_op(IntOp::Sub, t1, t1, RegImm::Imm(1023), s)
            .expect(e);
        self.branch(IntCond::GtU, t1, RegImm::Imm(31), not_int, s);
        // Fraction bits: the mantissa shifted left by 12 + k must be all zero.
        self.int_op(IntOp::Add, t0, t1, RegImm::Imm(12), s)
            .expect(e);
        self.int_op(IntOp::Shl, t0, v, t0.into(), s).expect(e);
        self.branch(IntCond::Ne, t0, RegImm::Imm(0), back, s);
        // |value| = (1.mantissa left-aligned at bit 63) >> (63 − k); 63 − k = 63 ^ k here.
        self.int_op(IntOp::Xor, t1, t1, RegImm::Imm(63), s)
            .expect(e);
        self.int_op(IntOp::Shl, t0, v, RegImm::Imm(11), s).expect(e);
        self.int_op(IntOp::Or, t0, t0, imm(1 << 63), s).expect(e);
        self.int_op(IntOp::ShrU, t0, t0, t1.into(), s).expect(e);
        self.branch_mask(v, imm(1 << 63), false, positive, s);
        self.unary_op(UnaryOp::Neg, t0, t0, s);
        self.bind(positive).expect("a fresh label binds");
        // It must fit 32 bits, signed.
        self.extend(t1, t0, Width::W32, true, s);
        self.branch(IntCond::Ne, t0, t1.into(), back, s);
        self.box_int32(v, t0);
        self.jump(back);
        self.bind(not_int).expect("a fresh label binds");
        // +0 (all bits clear) is the int32 0.
        self.branch(IntCond::Ne, v, RegImm::Imm(0), back, s);
        self.mov(v, imm(TAG_INT32), s);
    }
    /// Replaces a NaN in `f` by the canonical one, as [`ValueOps::box_number`] requires of a
    /// double that did not come from arithmetic (a load from memory, a float32 widened).
    fn canonicalize_nan(&mut self, f: FReg) -> MasmResult {
        let ordered = self.new_label();
        self.fbranch(FpCond::Eq, f, f, ordered, FSize::F64);
        self.fmov_imm(f, f64::NAN, FSize::F64);
        self.bind(ordered)
    }
    /// `dst = value`.
    fn fp_mov_imm(&mut self, dst: FReg, value: f64) {
        self.fmov_imm(dst, value, FSize::F64);
    }
    /// Sets the sign bit of `dst` if that of `src` is set.
    fn fp_or_sign(&mut self, dst: FReg, src: FReg) {
        let e = "the back end materializes immediates";
        self.float_bits(Reg::T0, src, FSize::F64);
        self.float_bits(Reg::T1, dst, FSize::F64);
        self.int_op(IntOp::And, Reg::T0, Reg::T0, imm(1 << 63), Size::S64)
            .expect(e);
        self.int_op(IntOp::Or, Reg::T1, Reg::T1, Reg::T0.into(), Size::S64)
            .expect(e);
        self.bits_float(dst, Reg::T1, FSize::F64);
    }
    /// `dst = -a`, keeping a NaN canonical (unlike [`FpUnary::Neg`]).
    fn fp_neg_number(&mut self, dst: FReg, a: FReg) {
        // -a as a * -1: exact for every non-NaN, and a NaN operand comes back as it is.
        self.fmov_imm(FReg::T0, -1.0, FSize::F64);
        self.fp_op(FpOp::Mul, dst, a, FReg::T0, FSize::F64);
    }
    /// `dst = op(a)` on doubles.
    fn fp_unary_f64(&mut self, op: FpUnary, dst: FReg, a: FReg) {
        self.fp_unary(op, dst, a, FSize::F64);
    }
    /// `dst = a op b` on doubles.
    fn fp_op_f64(&mut self, op: FpOp, dst: FReg, a: FReg, b: FReg) {
        self.fp_op(op, dst, a, b, FSize::F64);
    }
    /// Branches to `label` if `a cond b` on doubles.
    fn fbranch_f64(&mut self, cond: FpCond, a: FReg, b: FReg, label: Self::Label) {
        self.fbranch(cond, a, b, label, FSize::F64);
    }
}
