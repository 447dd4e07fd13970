//! Operand sizes of integer instructions: the marker types that tie a register type, a memory
//! access width and an immediate type together, so that mixing sizes does not compile.
//!
//! The width picks three encoding details: the `0x66` operand-size prefix (16 bits), `REX.W`
//! (64 bits), and the byte variant of an opcode (8 bits, usually the even opcode: `88` vs `89`).
//!
//! Misuse the types rule out, so it does not compile:
//!
//! ```compile_fail
//! # use kiln::asm::x86_64::*;
//! let mut a = Assembler::new();
//! a.add_rr(RAX, EAX); // operands of different sizes
//! ```
//! ```compile_fail
//! # use kiln::asm::x86_64::*;
//! let mut a = Assembler::new();
//! a.add_ri(RAX, 1i64 << 40); // 64-bit ALU immediates are sign-extended imm32
//! ```
//! ```compile_fail
//! # use kiln::asm::x86_64::*;
//! let mut a = Assembler::new();
//! a.cmp_ri(AL, 300); // an 8-bit operation takes an 8-bit immediate
//! ```
//! ```compile_fail
//! # use kiln::asm::x86_64::*;
//! let mut a = Assembler::new();
//! a.imul_rr(AL, BL); // no two-operand imul of bytes
//! ```
//! ```compile_fail
//! # use kiln::asm::x86_64::*;
//! let mut a = Assembler::new();
//! a.movzx_rr(EAX, ECX); // movzx only widens bytes and words
//! ```
//! ```compile_fail
//! # use kiln::asm::x86_64::*;
//! let mut a = Assembler::new();
//! a.cvtsi2sd_rr(XMM0, AX); // conversions take 32- or 64-bit integers
//! ```
//! ```
//! # use kiln::asm::x86_64::*;
//! let mut a = Assembler::new();
//! a.add_rr(RAX, RCX);
//! a.add_ri(RAX, -1);
//! a.cmp_ri(AL, -128);
//! a.imul_rr(AX, BX);
//! a.movzx_rr(EAX, CX);
//! a.cvtsi2sd_rr(XMM0, EAX);
//! a.mov_ri(RAX, 1i64 << 40); // mov takes any 64-bit constant
//! ```

use core::fmt::Debug;

/// The width of an integer operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Width {
    /// 8 bits (`byte ptr`).
    B8,
    /// 16 bits (`word ptr`, `0x66` prefix).
    B16,
    /// 32 bits (`dword ptr`; writing a 32-bit register zeroes bits 63:32).
    B32,
    /// 64 bits (`qword ptr`, `REX.W`).
    B64,
}

impl Width {
    /// Width in bits.
    pub const fn bits(self) -> u32 {
        match self {
            Width::B8 => 8,
            Width::B16 => 16,
            Width::B32 => 32,
            Width::B64 => 64,
        }
    }

    /// Whether the operation needs the `0x66` operand-size prefix.
    pub const fn opsize16(self) -> bool {
        matches!(self, Width::B16)
    }

    /// The `REX.W` bit.
    pub const fn rex_w(self) -> bool {
        matches!(self, Width::B64)
    }

    /// Whether the operation uses the byte variant of its opcode.
    pub const fn is_byte(self) -> bool {
        matches!(self, Width::B8)
    }

    /// The opcode for this width, given the byte opcode (the full-size one is `byte_op + 1`).
    pub const fn op(self, byte_op: u8) -> u8 {
        if self.is_byte() { byte_op } else { byte_op + 1 }
    }
}

/// An operand size, as a type: [`Byte`], [`Word`], [`Dword`] or [`Qword`].
pub trait OpSize: Copy + Debug {
    /// The width.
    const WIDTH: Width;
    /// An immediate operand of an arithmetic instruction at this size: as wide as the
    /// operation, except for 64 bits, where x86 only has a sign-extended 32-bit immediate.
    type Imm: Copy + Debug + Into<i64>;
    /// A constant `mov` can load into a register of this size (64 bits: any `i64`).
    type MovImm: Copy + Debug + Into<i64>;
}

/// 8-bit operand size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Byte;
/// 16-bit operand size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word;
/// 32-bit operand size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dword;
/// 64-bit operand size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Qword;

/// `byte ptr`: the size argument of memory-only forms (`add_mi(BYTE, mem, 1)`).
pub const BYTE: Byte = Byte;
/// `word ptr`.
pub const WORD: Word = Word;
/// `dword ptr`.
pub const DWORD: Dword = Dword;
/// `qword ptr`.
pub const QWORD: Qword = Qword;

impl OpSize for Byte {
    const WIDTH: Width = Width::B8;
    type Imm = i8;
    type MovImm = i8;
}
impl OpSize for Word {
    const WIDTH: Width = Width::B16;
    type Imm = i16;
    type MovImm = i16;
}
impl OpSize for Dword {
    const WIDTH: Width = Width::B32;
    type Imm = i32;
    type MovImm = i32;
}
impl OpSize for Qword {
    const WIDTH: Width = Width::B64;
    type Imm = i32;
    type MovImm = i64;
}

/// A size of 16, 32 or 64 bits: the operand sizes of `imul r, r/m`, `cmovcc`, `bt`, the bit
/// counts, and the destinations of `movzx`/`movsx` from a byte.
pub trait WideSize: OpSize {}
impl WideSize for Word {}
impl WideSize for Dword {}
impl WideSize for Qword {}

/// A size of 32 or 64 bits: `lea` destinations, `movzx`/`movsx` from a word, the general
/// register side of SSE conversions.
pub trait LongSize: WideSize {}
impl LongSize for Dword {}
impl LongSize for Qword {}

/// `Self` is wider than `S`: the destination sizes of `movzx`/`movsx` from an `S` source.
pub trait ExtendsFrom<S: OpSize>: OpSize {}
impl ExtendsFrom<Byte> for Word {}
impl ExtendsFrom<Byte> for Dword {}
impl ExtendsFrom<Byte> for Qword {}
impl ExtendsFrom<Word> for Dword {}
impl ExtendsFrom<Word> for Qword {}
