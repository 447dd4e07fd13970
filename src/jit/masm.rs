//! The ISA-only macro-assembler: the machine operations every back end provides, typed like
//! Winch's (`winch/codegen/src/masm.rs`).
//!
//! Nothing here knows JavaScript or WebAssembly: operand sizes (32/64-bit integers, f32/f64),
//! register-or-immediate operands, loads and stores of every width with or without sign
//! extension, compares that branch or produce 0/1, the integer and floating-point operations
//! a Wasm compiler needs, and conversions both ways (saturating or trapping). What a back end
//! cannot encode directly (a large immediate, a far offset) it materializes itself; callers
//! never ask. There is no condition-flags protocol between calls: a compare and what it
//! decides are one call.
//!
//! Above this trait: [`crate::jit::abi::RuntimeAbi`] (kiln's frame and runtime calling
//! convention, per ISA) and [`crate::jit::values::ValueOps`] (JavaScript value operations,
//! written once over both). A second ISA is a second implementation of this trait and of
//! `RuntimeAbi`.

use std::fmt;

use crate::asm::AsmError;

/// A register of the JIT's register space: the template scratch registers
/// `0..`[`SCRATCH_REGS`], the value layer's temporaries [`Reg::T0`]/[`Reg::T1`], and the
/// registers the runtime ABI pins ([`Reg::FRAME`], [`Reg::VM`]). Each back end maps them to
/// machine registers in its `abi.rs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reg(pub u8);

/// Number of scratch registers templates use (`Reg(0)..Reg(SCRATCH_REGS)`). Never live
/// across ops.
pub const SCRATCH_REGS: u8 = 8;

/// First number of the registers a compiler may keep variables in ([`Reg::local`]).
pub const LOCAL_BASE: u8 = 0x20;

impl Reg {
    /// The `i`-th register a compiler may keep a variable in across ops: see
    /// [`MacroAssembler::LOCAL_REGS`] for which exist on a back end.
    pub const fn local(i: u8) -> Reg {
        Reg(LOCAL_BASE + i)
    }

    /// Temporaries of the value layer (`jit::values`), never used by templates.
    pub const T0: Reg = Reg(SCRATCH_REGS);
    pub const T1: Reg = Reg(SCRATCH_REGS + 1);
    /// The current frame's register window (slot `i` at `8 * i`, the header below it).
    pub const FRAME: Reg = Reg(0xF0);
    /// The VM the code runs for (fields at fixed offsets).
    pub const VM: Reg = Reg(0xF1);
}

/// A floating-point register: scratch `0..`[`FP_SCRATCH_REGS`] plus the value layer's
/// temporary [`FReg::T0`]. Never live across ops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FReg(pub u8);

/// Number of floating-point scratch registers templates use.
pub const FP_SCRATCH_REGS: u8 = 8;

impl FReg {
    pub const T0: FReg = FReg(FP_SCRATCH_REGS);

    /// The `i`-th floating-point register a compiler may keep a variable in across ops.
    pub const fn local(i: u8) -> FReg {
        FReg(LOCAL_BASE + i)
    }
}

/// Width of an integer operation. 32-bit results are zero-extended to 64 bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    S32,
    S64,
}

impl Size {
    pub fn bits(self) -> u32 {
        match self {
            Size::S32 => 32,
            Size::S64 => 64,
        }
    }
}

/// Width of a floating-point operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FSize {
    F32,
    F64,
}

/// A register or an immediate operand (sign-extended from 64 bits; 32-bit operations use its
/// low 32 bits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegImm {
    Reg(Reg),
    Imm(i64),
}

impl From<Reg> for RegImm {
    fn from(r: Reg) -> RegImm {
        RegImm::Reg(r)
    }
}

/// The immediate `v` (bits as they are).
pub fn imm(v: u64) -> RegImm {
    RegImm::Imm(v as i64)
}

/// Integer comparison conditions, signed and unsigned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntCond {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    LtU,
    LeU,
    GtU,
    GeU,
}

impl IntCond {
    /// The condition that holds exactly when `self` does not.
    pub fn negate(self) -> IntCond {
        use IntCond::*;
        match self {
            Eq => Ne,
            Ne => Eq,
            Lt => Ge,
            Le => Gt,
            Gt => Le,
            Ge => Lt,
            LtU => GeU,
            LeU => GtU,
            GtU => LeU,
            GeU => LtU,
        }
    }

    /// Whether `a cond b` holds (`a`, `b`: the operands at `size`, zero-extended).
    pub fn holds(self, a: u64, b: u64, size: Size) -> bool {
        let (sa, sb) = match size {
            Size::S32 => (a as u32 as i32 as i64, b as u32 as i32 as i64),
            Size::S64 => (a as i64, b as i64),
        };
        use IntCond::*;
        match self {
            Eq => a == b,
            Ne => a != b,
            Lt => sa < sb,
            Le => sa <= sb,
            Gt => sa > sb,
            Ge => sa >= sb,
            LtU => a < b,
            LeU => a <= b,
            GtU => a > b,
            GeU => a >= b,
        }
    }
}

/// Conditions after a floating-point compare. `Lt`/`Le`/`Gt`/`Ge`/`Eq` are false when either
/// operand is NaN (unordered); their negations (`NotLt`..., `Ne`) are true then.
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
        use FpCond::*;
        match self {
            Lt => NotLt,
            Le => NotLe,
            Gt => NotGt,
            Ge => NotGe,
            Eq => Ne,
            Ne => Eq,
            NotLt => Lt,
            NotLe => Le,
            NotGt => Gt,
            NotGe => Ge,
        }
    }
}

/// Two-operand integer operations without an overflow check (wrapping).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntOp {
    Add,
    Sub,
    Mul,
    And,
    Or,
    Xor,
    /// Shifts and rotates take the count modulo the width.
    Shl,
    ShrS,
    ShrU,
    Rotl,
    Rotr,
}

/// Division and remainder. The divisor must not be zero, and a signed division must not be
/// `MIN / -1` (the caller checks, for its own semantics: a Wasm trap, a JavaScript double);
/// the signed remainder of `MIN` by `-1` is 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DivOp {
    DivS,
    DivU,
    RemS,
    RemU,
}

/// Integer operations that branch on signed overflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckedOp {
    Add,
    Sub,
    Mul,
}

/// One-operand integer operations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Not,
    Clz,
    Ctz,
    Popcnt,
}

/// Two-operand floating-point operations. `Min`/`Max`: a NaN operand gives NaN, and −0 is
/// below +0 (IEEE 754-2019 minimum/maximum, as Wasm and `Math.min`/`max` want).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FpOp {
    Add,
    Sub,
    Mul,
    Div,
    Min,
    Max,
    /// The magnitude of the first operand with the sign of the second.
    CopySign,
}

/// One-operand floating-point operations (rounding: toward −∞, +∞, zero, nearest-even).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FpUnary {
    Sqrt,
    Abs,
    Neg,
    Floor,
    Ceil,
    Trunc,
    Nearest,
}

/// Width of a memory access.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Width {
    W8,
    W16,
    W32,
    W64,
}

impl Width {
    pub fn bytes(self) -> u32 {
        match self {
            Width::W8 => 1,
            Width::W16 => 2,
            Width::W32 => 4,
            Width::W64 => 8,
        }
    }
}

/// A memory operand: `base + disp`, or `base + (index << shift)` with a 64-bit index or the
/// zero-extended low 32 bits of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Address {
    Offset {
        base: Reg,
        disp: i32,
    },
    Indexed {
        base: Reg,
        index: Reg,
        shift: u8,
        index_u32: bool,
    },
}

impl Address {
    pub fn at(base: Reg, disp: i32) -> Address {
        Address::Offset { base, disp }
    }
    /// `base + (zero-extended u32 index << shift)`.
    pub fn u32_index(base: Reg, index: Reg, shift: u8) -> Address {
        Address::Indexed {
            base,
            index,
            shift,
            index_u32: true,
        }
    }
}

/// What a float-to-integer conversion does with NaN and values out of range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutOfRange<L> {
    /// Saturate to the integer range (NaN gives 0): Wasm's `trunc_sat`.
    Saturate,
    /// Branch to the label: Wasm's trapping `trunc`.
    Branch(L),
}

/// Why code generation failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MasmError {
    /// The assembler refused an instruction (an unbound label, a branch out of reach, …).
    Asm(AsmError),
    /// An operand combination the operation does not define (e.g. a 64-bit load into a
    /// 32-bit destination).
    Unsupported(&'static str),
    /// The bytecode at `pc` cannot be compiled as it is (`what`: an invalid opcode, a jump
    /// out of the function, an inline-cache index out of range).
    Bytecode { pc: usize, what: &'static str },
    /// The function's code outgrew the offsets the JIT records (4 GiB).
    CodeTooLarge,
}

impl fmt::Display for MasmError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MasmError::Asm(e) => write!(f, "code generation: {e}"),
            MasmError::Unsupported(what) => write!(f, "code generation: {what}"),
            MasmError::Bytecode { pc, what } => write!(f, "code generation: {what} at pc {pc}"),
            MasmError::CodeTooLarge => write!(f, "code generation: function too large"),
        }
    }
}

impl std::error::Error for MasmError {}

impl From<AsmError> for MasmError {
    fn from(e: AsmError) -> MasmError {
        MasmError::Asm(e)
    }
}

pub type MasmResult<T = ()> = Result<T, MasmError>;

/// The machine operations of one ISA.
pub trait MacroAssembler {
    type Label: Copy;

    /// Registers a compiler may keep variables in for a whole function: the macro-assembler
    /// never uses them itself, calls (helpers, compiled code) clobber them. Where a back end
    /// has no spare registers these are scratch registers (`Reg(i)`, `i <`
    /// [`SCRATCH_REGS`]), which the compiler then stops using as scratch.
    const LOCAL_REGS: &'static [Reg];
    /// Floating-point registers for the same use.
    const LOCAL_FREGS: &'static [FReg];

    // Labels and layout.
    fn new_label(&mut self) -> Self::Label;
    fn bind(&mut self, label: Self::Label) -> MasmResult;
    /// Current code offset in bytes.
    fn offset(&self) -> usize;
    /// A point between ops (or between pieces of out-of-line code) where the back end may
    /// place code that is jumped over: branch islands that keep forward branches in reach in
    /// long functions.
    fn island_point(&mut self);
    /// Resolves labels and returns the machine code.
    fn finish(self) -> MasmResult<Vec<u8>>;

    // Moves, loads and stores.
    /// `dst = src` (a 32-bit move zero-extends).
    fn mov(&mut self, dst: Reg, src: RegImm, size: Size);
    /// `dst` = the value at `addr` of `width`, sign- or zero-extended to `size`.
    fn load(
        &mut self,
        dst: Reg,
        addr: Address,
        width: Width,
        signed: bool,
        size: Size,
    ) -> MasmResult;
    /// Stores the low `width` bits of `src` at `addr`.
    fn store(&mut self, src: Reg, addr: Address, width: Width) -> MasmResult;
    /// `dst` = the float of `size` at `addr`.
    fn fload(&mut self, dst: FReg, addr: Address, size: FSize) -> MasmResult;
    /// Stores the float of `size` in `src` at `addr`.
    fn fstore(&mut self, src: FReg, addr: Address, size: FSize) -> MasmResult;
    /// `dst = a + (b << shift)` (64-bit address arithmetic).
    fn add_shifted(&mut self, dst: Reg, a: Reg, b: Reg, shift: u8) -> MasmResult;

    // Integer arithmetic.
    fn int_op(&mut self, op: IntOp, dst: Reg, a: Reg, b: RegImm, size: Size) -> MasmResult;
    /// `dst = a * b + c` at `size` (wrapping; a 32-bit result zero-extended). Any of the
    /// registers may be the same.
    fn mul_add(&mut self, dst: Reg, a: Reg, b: Reg, c: Reg, size: Size);
    /// `dst = a + (b << shift)` at `size` (wrapping; a 32-bit result zero-extended),
    /// `shift` below the size's bits. Any of the registers may be the same.
    fn int_add_shifted(&mut self, dst: Reg, a: Reg, b: Reg, shift: u8, size: Size);
    /// `dst = a op b`, branching to `overflow` instead when the signed result overflows
    /// (`dst` may then be clobbered).
    fn checked_op(
        &mut self,
        op: CheckedOp,
        dst: Reg,
        a: Reg,
        b: RegImm,
        size: Size,
        overflow: Self::Label,
    );
    /// See [`DivOp`] for what the caller must rule out first.
    fn div_op(&mut self, op: DivOp, dst: Reg, a: Reg, b: Reg, size: Size);
    fn unary_op(&mut self, op: UnaryOp, dst: Reg, a: Reg, size: Size);
    /// `dst` = the low `from` bits of `src`, sign- or zero-extended to `size`.
    fn extend(&mut self, dst: Reg, src: Reg, from: Width, signed: bool, size: Size);

    // Compares and control flow.
    /// `dst = (a cond b) ? 1 : 0`.
    fn cmp_set(&mut self, dst: Reg, cond: IntCond, a: Reg, b: RegImm, size: Size);
    /// Branches to `label` if `a cond b`.
    fn branch(&mut self, cond: IntCond, a: Reg, b: RegImm, label: Self::Label, size: Size);
    /// Branches to `label` if `a & mask` is non-zero (`nonzero`) or zero (`!nonzero`).
    fn branch_mask(&mut self, a: Reg, mask: RegImm, nonzero: bool, label: Self::Label, size: Size);
    fn jump(&mut self, label: Self::Label);

    // Floating point.
    fn fmov(&mut self, dst: FReg, src: FReg, size: FSize);
    /// `dst = value` (rounded to f32 for `F32`).
    fn fmov_imm(&mut self, dst: FReg, value: f64, size: FSize);
    fn fp_op(&mut self, op: FpOp, dst: FReg, a: FReg, b: FReg, size: FSize);
    fn fp_unary(&mut self, op: FpUnary, dst: FReg, a: FReg, size: FSize);
    /// `dst = (a cond b) ? 1 : 0`.
    fn fcmp_set(&mut self, dst: Reg, cond: FpCond, a: FReg, b: FReg, size: FSize);
    /// Branches to `label` if `a cond b`.
    fn fbranch(&mut self, cond: FpCond, a: FReg, b: FReg, label: Self::Label, size: FSize);
    /// `dst` = the integer in `src` (`isize`, signed or unsigned) converted (rounded to
    /// nearest) to `fsize`.
    fn int_to_float(&mut self, dst: FReg, src: Reg, signed: bool, isize: Size, fsize: FSize);
    /// `dst` = `src` truncated toward zero to an `isize` integer, signed or unsigned; NaN and
    /// values out of range as `range` says.
    fn float_to_int(
        &mut self,
        dst: Reg,
        src: FReg,
        signed: bool,
        fsize: FSize,
        isize: Size,
        range: OutOfRange<Self::Label>,
    ) -> MasmResult;
    /// f32 → f64 (`to = F64`) or f64 → f32 (`to = F32`, rounded to nearest).
    fn fconvert(&mut self, dst: FReg, src: FReg, to: FSize);
    /// Whether the back end has binary16 conversions as instructions
    /// ([`MacroAssembler::f16_to_f64`], [`MacroAssembler::f64_to_f16`]); callers check it
    /// first (without them the operations fail with [`MasmError::Unsupported`]).
    const HALF_FLOAT: bool = false;
    /// `dst` = the binary16 whose bits are the low 16 bits of `src` (the rest zero), widened
    /// to f64 (exact).
    fn f16_to_f64(&mut self, _dst: FReg, _src: Reg) -> MasmResult {
        Err(MasmError::Unsupported("binary16 conversions"))
    }
    /// `dst` = the bits of `src` rounded to binary16 (to nearest, ties to even, in one
    /// rounding), zero-extended.
    fn f64_to_f16(&mut self, _dst: Reg, _src: FReg) -> MasmResult {
        Err(MasmError::Unsupported("binary16 conversions"))
    }
    /// `dst` = the bits of `src` (reinterpret).
    fn float_bits(&mut self, dst: Reg, src: FReg, size: FSize);
    /// `dst` = the float whose bits are `src` (reinterpret).
    fn bits_float(&mut self, dst: FReg, src: Reg, size: FSize);
}
