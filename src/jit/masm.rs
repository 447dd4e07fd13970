//! The ISA-neutral macro-assembler interface the baseline compiler emits through.
//!
//! The compiler and its templates speak only this trait: frame-slot loads and stores,
//! NaN-box tag checks, int32 arithmetic with overflow exits, compares and branches, exits to
//! the interpreter. A second back end (x86-64) is a second implementation of this trait, not a
//! second compiler. Values live in the interpreter's register file (the frame's slots) between
//! bytecode ops; within a template they sit in the scratch registers [`Reg`].

use std::fmt;

/// A scratch register of the back end (0..[`SCRATCH_REGS`]). Never live across ops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reg(pub u8);

/// Number of scratch registers every back end provides.
pub const SCRATCH_REGS: u8 = 8;

/// Signed integer comparison conditions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntCond {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl IntCond {
    /// The condition that holds exactly when `self` does not.
    pub fn negate(self) -> IntCond {
        match self {
            IntCond::Eq => IntCond::Ne,
            IntCond::Ne => IntCond::Eq,
            IntCond::Lt => IntCond::Ge,
            IntCond::Le => IntCond::Gt,
            IntCond::Gt => IntCond::Le,
            IntCond::Ge => IntCond::Lt,
        }
    }
}

/// int32 operations with an overflow exit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntOp {
    Add,
    Sub,
    /// Also exits when the product is 0 (it may be −0, which is not an int32).
    Mul,
}

/// Why code generation failed (an operand the back end cannot encode, an unbound label).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MasmError(pub String);

impl fmt::Display for MasmError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "code generation: {}", self.0)
    }
}

impl std::error::Error for MasmError {}

pub type MasmResult<T = ()> = Result<T, MasmError>;

/// What a baseline template needs from a back end.
///
/// Conventions: a "slot" is a register-file index relative to the frame base (negative for
/// the frame header). Values are NaN-boxed 64-bit words (see `js::value`).
pub trait MacroAssembler {
    type Label: Copy;

    fn new_label(&mut self) -> Self::Label;
    fn bind(&mut self, label: Self::Label) -> MasmResult;
    /// Current code offset in bytes.
    fn offset(&self) -> usize;
    /// A point between ops (or between pieces of out-of-line code) where the back end may
    /// place code that is jumped over: branch islands that keep forward branches in reach in
    /// long functions.
    fn island_point(&mut self);

    /// Entry from the exec layer's entry stub: opens the function's machine frame, loads the
    /// back end's pinned constants and jumps to the code address the stub passed as its
    /// argument (any op boundary). With `count_ops`, `counter` is the address of a u64 that
    /// [`MacroAssembler::bump_counter`] adds to.
    fn stub_entry(&mut self, count_ops: bool, counter: u64) -> MasmResult;
    /// Entry from compiled code calling this function ([`MacroAssembler::call_compiled`]):
    /// opens the machine frame and checks the stack against the limit stored at VM +
    /// `limit_field`; below it, calls helper `overflow(vm)` and returns status 1 (threw);
    /// otherwise jumps to `start`.
    fn call_entry(&mut self, limit_field: i32, overflow: u64, start: Self::Label) -> MasmResult;
    /// Leaves compiled code: returns `status` with `value` to whoever entered it (the entry
    /// stub, or compiled code that called this function).
    fn exit(&mut self, status: u64, value: u64) -> MasmResult;

    /// Calls the Rust helper at `addr` (see `exec::helper_addr`) with arguments (VM, `arg`);
    /// its result stays in the result register until the next call.
    fn call_helper(&mut self, addr: u64, arg: u64) -> MasmResult;
    /// Branches to `label` if the result register equals `imm`.
    fn branch_if_result_eq(&mut self, imm: u64, label: Self::Label) -> MasmResult;
    /// Calls the compiled code whose address is in the result register, with the callee's
    /// frame window loaded from VM + `window_field`; afterwards restores this frame's window,
    /// and the result register holds the callee's status (0 returned, 1 threw).
    fn call_compiled(&mut self, window_field: i32) -> MasmResult;
    /// Branches to `label` with the exit value `value` (pc | reason << 32) for
    /// [`MacroAssembler::exit_through`].
    fn jump_with_exit_value(&mut self, value: u64, label: Self::Label);
    /// Branches to `label` with exit value `result | reason << 32` (the result register holds
    /// a pc).
    fn jump_with_result_pc(&mut self, reason: u64, label: Self::Label) -> MasmResult;
    /// The shared exit sequence: calls helper `addr(vm, exit value)`; its result 0 returns
    /// status 0 (the frame was finished), 1 returns status 1 (threw), anything else returns
    /// `deopt_status` with the exit value to the entry stub.
    fn exit_through(&mut self, addr: u64, deopt_status: u64) -> MasmResult;
    /// Calls helper `addr(vm, 0)` if the byte at VM + `field` is non-zero (a GC safepoint).
    fn safepoint(&mut self, field: i32, addr: u64) -> MasmResult;
    /// Adds `delta` to the op counter given to [`MacroAssembler::stub_entry`].
    fn bump_counter(&mut self, delta: i64) -> MasmResult;

    fn load_slot(&mut self, dst: Reg, slot: i32) -> MasmResult;
    fn store_slot(&mut self, src: Reg, slot: i32) -> MasmResult;
    fn mov_imm(&mut self, dst: Reg, value: u64);

    /// Branches to `label` unless `v` holds an int32.
    fn branch_if_not_int32(&mut self, v: Reg, label: Self::Label);
    /// `dst = box(a op b)` on two boxed int32s, branching to `overflow` instead when the
    /// result is not an int32 (`dst` may then be clobbered).
    fn int32_op(&mut self, op: IntOp, dst: Reg, a: Reg, b: Reg, overflow: Self::Label);
    /// `dst = box(a + imm)` on a boxed int32, branching to `overflow` on overflow.
    fn int32_add_imm(&mut self, dst: Reg, a: Reg, imm: i32, overflow: Self::Label) -> MasmResult;
    /// Sets the condition flags from two boxed int32s.
    fn int32_compare(&mut self, a: Reg, b: Reg);
    /// Sets the condition flags from two whole 64-bit words (equality of identical bits).
    fn word_compare(&mut self, a: Reg, b: Reg);
    /// `dst` = the boxed boolean of `cond` after a compare.
    fn set_bool(&mut self, dst: Reg, cond: IntCond) -> MasmResult;
    fn branch_if(&mut self, cond: IntCond, label: Self::Label);
    fn branch_if_word_eq(&mut self, v: Reg, word: u64, label: Self::Label, tmp: Reg);
    /// Branches to `label` if the 64-bit `v` is not `word` (`tmp` is clobbered).
    fn branch_if_word_ne(&mut self, v: Reg, word: u64, label: Self::Label, tmp: Reg);
    fn jump(&mut self, label: Self::Label);

    /// `dst` = the cell address of `v` if it is an object pointer, else branch to `label`.
    fn unbox_object_or(&mut self, dst: Reg, v: Reg, label: Self::Label);
    /// `dst = *(base + offset)` (64-bit).
    fn load_word(&mut self, dst: Reg, base: Reg, offset: i32) -> MasmResult;
    /// `dst = *(base + offset)` (32-bit, zero-extended).
    fn load_u32(&mut self, dst: Reg, base: Reg, offset: i32) -> MasmResult;
    /// `dst = *(base + offset)` (8-bit, zero-extended).
    fn load_u8(&mut self, dst: Reg, base: Reg, offset: i32) -> MasmResult;
    /// `dst = *(base + 8 * index)` with a zero-extended 32-bit index.
    fn load_indexed(&mut self, dst: Reg, base: Reg, index: Reg);
    /// `dst` = the u16 at `base + 2 * index` (index: the low 32 bits, unsigned).
    fn load_u16_indexed(&mut self, dst: Reg, base: Reg, index: Reg);
    /// `*(base + 8 * index) = src` with a zero-extended 32-bit index.
    fn store_indexed(&mut self, src: Reg, base: Reg, index: Reg);
    /// Branches to `label` if the words differ.
    fn branch_if_ne(&mut self, a: Reg, b: Reg, label: Self::Label);
    /// Branches to `label` if the low 32 bits of `v` differ from `imm`.
    fn branch_if_u32_ne(&mut self, v: Reg, imm: u32, label: Self::Label, tmp: Reg);
    /// Branches to `label` if `v & mask != 0` (low byte test).
    fn branch_if_any_bits(&mut self, v: Reg, mask: u8, label: Self::Label) -> MasmResult;
    /// Branches to `label` if the low 32 bits of `v` are zero.
    fn branch_if_zero32(&mut self, v: Reg, label: Self::Label);

    /// Resolves labels and returns the machine code.
    fn finish(self) -> MasmResult<Vec<u8>>;

    // Calls: frames pushed and popped in place by compiled code (`templates::calls`).

    /// `*(vm + offset) = src` (64-bit).
    fn store_vm_word(&mut self, src: Reg, offset: i32) -> MasmResult;
    /// `dst = *(vm + offset)` (8-bit, zero-extended).
    fn load_vm_u8(&mut self, dst: Reg, offset: i32) -> MasmResult;
    /// `dst = a + (b << shift)` (64-bit).
    fn add_shifted(&mut self, dst: Reg, a: Reg, b: Reg, shift: u8) -> MasmResult;
    /// `dst = a + imm` (64-bit).
    fn add_imm(&mut self, dst: Reg, a: Reg, imm: i64) -> MasmResult;
    /// `dst = base + index * size` (64-bit).
    fn index_addr(&mut self, dst: Reg, base: Reg, index: Reg, size: u64);
    /// Branches to `label` if `v` ≥ `imm` (64-bit, unsigned).
    fn branch_if_ge_imm(&mut self, v: Reg, imm: u64, label: Self::Label);
    /// Branches to `label` if bit `bit` of `v` is clear.
    fn branch_if_bit_clear(&mut self, v: Reg, bit: u8, label: Self::Label) -> MasmResult;
    /// Branches to `label` if `v` (64-bit) is zero.
    fn branch_if_zero(&mut self, v: Reg, label: Self::Label);
    /// Branches to `label` if `a > b` (64-bit, unsigned).
    fn branch_if_above(&mut self, a: Reg, b: Reg, label: Self::Label);
    /// `dst` = the address of this frame's slot `slot`.
    fn slot_addr(&mut self, dst: Reg, slot: i32) -> MasmResult;
    /// Calls the helper at `addr` with the VM and `arg` (clobbers every scratch register).
    fn call_helper_with(&mut self, addr: u64, arg: Reg) -> MasmResult;
    /// `dst` = the result of the last helper call.
    fn result_to(&mut self, dst: Reg);
    /// Stores `value` to every word from `from` (advanced) up to `to` (exclusive).
    fn fill_words(&mut self, from: Reg, to: Reg, value: Reg) -> MasmResult;
    /// Calls compiled code at `entry` (bit 0 ignored) with `window` as the callee's frame
    /// window; the callee's status is the result, and this frame's window is reloaded.
    fn call_compiled_at(&mut self, entry: Reg, window: Reg) -> MasmResult;

    // -----------------------------------------------------------------------------------------
    // Number, bitwise, element and global templates (types at the end of this file).
    // -----------------------------------------------------------------------------------------

    /// `dst` = the numeric value of `v` (int32 converted, double as is), else branch to
    /// `label` (not a number).
    fn unbox_number_or(&mut self, dst: FReg, v: Reg, label: Self::Label);
    /// `dst` (low 32 bits) = ToInt32(`v`) for an int32 or a double of magnitude below 2^63
    /// (NaN included), else branch to `label`. Upper 32 bits of `dst` are unspecified.
    fn unbox_int32_or(&mut self, dst: Reg, v: Reg, label: Self::Label, tmp: FReg);
    /// `dst = a op b` on doubles.
    fn fp_op(&mut self, op: FpOp, dst: FReg, a: FReg, b: FReg);
    /// `dst = -a`.
    fn fp_neg(&mut self, dst: FReg, a: FReg);
    /// `dst = op(a)`: one IEEE operation (a NaN result is the canonical NaN).
    fn fp_unary(&mut self, op: FpUnary, dst: FReg, a: FReg);
    /// `dst = value`.
    fn fp_mov_imm(&mut self, dst: FReg, value: f64);
    /// Sets the sign bit of `dst` if that of `src` is set.
    fn fp_or_sign(&mut self, dst: FReg, src: FReg);
    /// `dst` = the boxed number `src` exactly as `Value::number` boxes it: an int32 when
    /// integral, in range and not −0, else the double. A NaN in `src` must be the canonical
    /// one (every NaN arithmetic makes from canonical inputs is; `fp_neg` is not).
    fn box_number(&mut self, dst: Reg, src: FReg);
    /// Sets the condition flags from two doubles (test them with [`FpCond`]).
    fn fp_compare(&mut self, a: FReg, b: FReg);
    /// `dst` = the boxed boolean of `cond` after [`MacroAssembler::fp_compare`].
    fn set_bool_fp(&mut self, dst: Reg, cond: FpCond) -> MasmResult;
    fn branch_if_fp(&mut self, cond: FpCond, label: Self::Label);

    /// `dst = box(-a)` on a boxed int32, branching to `not_int` when the result is not an
    /// int32 (`a` is 0 or `i32::MIN`).
    fn int32_neg(&mut self, dst: Reg, a: Reg, not_int: Self::Label);
    /// `dst = box(a % b)` on boxed int32s when the result is an int32 (`b` ≠ 0, and not a
    /// zero remainder of a negative `a`, which is −0), else branch to `label`.
    fn int32_rem(&mut self, dst: Reg, a: Reg, b: Reg, label: Self::Label);
    /// `dst = box(a op b)` on the low 32 bits of `a` and `b` (see [`BitOp::UShr`]).
    fn int32_bitop(&mut self, op: BitOp, dst: Reg, a: Reg, b: Reg);
    /// `dst = box(!a)` on the low 32 bits of `a`.
    fn int32_not(&mut self, dst: Reg, a: Reg);

    /// Branches to `label` if `v` is a string pointer.
    fn branch_if_string(&mut self, v: Reg, label: Self::Label);
    /// Branches to `label` if the words are equal.
    fn branch_if_eq(&mut self, a: Reg, b: Reg, label: Self::Label);
    /// Branches to `label` if the low 32 bits of `a` are ≥ those of `b`, unsigned.
    fn branch_if_u32_ge(&mut self, a: Reg, b: Reg, label: Self::Label);
    /// Branches to `label` if the low 32 bits of `v` are ≤ `imm` (unsigned, `imm` < 4096).
    fn branch_if_u32_le_imm(&mut self, v: Reg, imm: u32, label: Self::Label) -> MasmResult;
    /// Branches to `label` if bit 31 of `v` is set (a negative int32).
    fn branch_if_negative32(&mut self, v: Reg, label: Self::Label);
    /// `dst = *(vm + offset)` (64-bit): a field of the VM the compiled code runs for.
    fn load_vm_word(&mut self, dst: Reg, offset: i32) -> MasmResult;
    /// `dst` = the pointer payload (low 48 bits) of `v`, whatever its tag.
    fn unbox_payload(&mut self, dst: Reg, v: Reg);
    /// `*(base + offset) = src` (64-bit).
    fn store_word(&mut self, src: Reg, base: Reg, offset: i32) -> MasmResult;
    /// `*(base + offset) = src` (the low 32 bits).
    fn store_u32(&mut self, src: Reg, base: Reg, offset: i32) -> MasmResult;
    /// `dst = *(vm + offset)` (32-bit, zero-extended).
    fn load_vm_u32(&mut self, dst: Reg, offset: i32) -> MasmResult;
    /// `dst` = the int32 value of the low 32 bits of `v`.
    fn box_int32(&mut self, dst: Reg, v: Reg);

    // -----------------------------------------------------------------------------------------
    // Templates specialised on what the compiler knows of their operands (`jit::facts`).
    // -----------------------------------------------------------------------------------------

    /// `dst` = the numeric value of `v`, known to hold a number (no check).
    fn unbox_number(&mut self, dst: FReg, v: Reg);
    /// `dst` = the low 32 bits of `v`, known to hold an int32, as a double.
    fn int32_to_fp(&mut self, dst: FReg, v: Reg);
    /// [`MacroAssembler::unbox_int32_or`] for `v` known to hold a number: branches to
    /// `label` only for doubles of magnitude 2^63 or more.
    fn number_to_int32_or(&mut self, dst: Reg, v: Reg, label: Self::Label, tmp: FReg);
    /// Low 32 bits of `dst` = `value` (the rest unspecified, as after an unbox).
    fn mov_int32(&mut self, dst: Reg, value: i32);
    /// `dst = box(a op imm)` on the low 32 bits of `a` (shift counts modulo 32; a `>>>` by a
    /// count that is 0 modulo 32 may give a double).
    fn int32_bitop_imm(&mut self, op: BitOp, dst: Reg, a: Reg, imm: i32);
    /// Sets the condition flags from the int32 in the low 32 bits of `a` and `imm`.
    fn int32_compare_imm(&mut self, a: Reg, imm: i32);
    /// `dst = -a`, keeping a NaN canonical (unlike [`MacroAssembler::fp_neg`]).
    fn fp_neg_number(&mut self, dst: FReg, a: FReg);
}

// ---------------------------------------------------------------------------------------------
// Number, bitwise, element and global templates (doubles in FP registers, int32 bit operations,
// unsigned bounds checks, VM fields). Kept in one section to ease merging.
// ---------------------------------------------------------------------------------------------

/// A scratch floating-point register of the back end (0..[`FP_SCRATCH_REGS`]), holding an
/// unboxed double. Never live across ops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FReg(pub u8);

/// Number of floating-point scratch registers every back end provides.
pub const FP_SCRATCH_REGS: u8 = 8;

/// One-operand double operations: square root, absolute value, rounding toward −∞, +∞
/// and zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FpUnary {
    Sqrt,
    Abs,
    Floor,
    Ceil,
    Trunc,
}

/// Double arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FpOp {
    Add,
    Sub,
    Mul,
    Div,
}

/// Conditions after a double compare. `Lt`/`Le`/`Gt`/`Ge`/`Eq` are false when either operand
/// is NaN (unordered); their negations (`NotLt`..., `Ne`) are true then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FpCond {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
    NotLt,
    NotLe,
    NotGt,
    NotGe,
}

impl FpCond {
    /// The condition that holds exactly when `self` does not (NaN included).
    pub fn negate(self) -> FpCond {
        match self {
            FpCond::Lt => FpCond::NotLt,
            FpCond::Le => FpCond::NotLe,
            FpCond::Gt => FpCond::NotGt,
            FpCond::Ge => FpCond::NotGe,
            FpCond::Eq => FpCond::Ne,
            FpCond::Ne => FpCond::Eq,
            FpCond::NotLt => FpCond::Lt,
            FpCond::NotLe => FpCond::Le,
            FpCond::NotGt => FpCond::Gt,
            FpCond::NotGe => FpCond::Ge,
        }
    }
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
