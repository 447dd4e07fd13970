//! Typed x86-64 registers.
//!
//! The sixteen general-purpose registers come in four views, one type each: [`Reg64`] (`rax`),
//! [`Reg32`] (`eax`), [`Reg16`] (`ax`) and [`Reg8`] (`al`). The operand size travels in the type
//! ([`Gpr::Size`]), so an instruction cannot mix sizes by mistake. Numbers 8–15 (`r8`–`r15`)
//! need a REX prefix bit; the byte views of 4–7 are `spl`, `bpl`, `sil`, `dil`, which exist
//! only with a REX prefix (without one those numbers mean `ah`, `ch`, `dh`, `bh`, which this
//! assembler does not offer). [`Xmm`] are the sixteen SSE registers.

use core::fmt;

use super::size::{Byte, Dword, OpSize, Qword, Word};

mod sealed {
    /// Only this module's register types are [`super::Gpr`]s: their numbers are 0..=15.
    pub trait Sealed {}
}

/// A general-purpose register viewed at one operand size (implemented by [`Reg64`],
/// [`Reg32`], [`Reg16`] and [`Reg8`] only).
pub trait Gpr: sealed::Sealed + Copy + fmt::Debug {
    /// The operand size of this view.
    type Size: OpSize;
    /// The register number 0..=15 (low 3 bits in ModRM/SIB/opcode, bit 3 in REX).
    fn num(self) -> u8;
    /// Whether encoding this register needs a REX prefix even with no REX bit set
    /// (`spl`, `bpl`, `sil`, `dil`).
    fn needs_rex(self) -> bool {
        false
    }
}

macro_rules! gpr_type {
    ($(#[$doc:meta])* $name:ident, $names:expr, [$($c:ident = $n:expr),* $(,)?]) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        pub struct $name(u8);

        impl $name {
            /// The register with number `n` (0..=15), `None` otherwise.
            pub const fn new(n: u8) -> Option<$name> {
                if n < 16 { Some($name(n)) } else { None }
            }
            /// The register number 0..=15.
            pub const fn num(self) -> u8 {
                self.0
            }
            /// The assembler name, as `llvm-mc` prints it.
            pub const fn name(self) -> &'static str {
                $names[self.0 as usize]
            }
            /// Every register of this view, in number order.
            pub const ALL: [$name; 16] = [$($c),*];
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name())
            }
        }

        $(
            #[doc = concat!("`", stringify!($c), "`.")]
            pub const $c: $name = $name($n);
        )*
    };
}

gpr_type!(
    /// A 64-bit general-purpose register `rax`..`r15`.
    Reg64,
    ["rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
     "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"],
    [RAX = 0, RCX = 1, RDX = 2, RBX = 3, RSP = 4, RBP = 5, RSI = 6, RDI = 7,
     R8 = 8, R9 = 9, R10 = 10, R11 = 11, R12 = 12, R13 = 13, R14 = 14, R15 = 15]
);
gpr_type!(
    /// A 32-bit general-purpose register `eax`..`r15d`; writing one zeroes bits 63:32.
    Reg32,
    ["eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi",
     "r8d", "r9d", "r10d", "r11d", "r12d", "r13d", "r14d", "r15d"],
    [EAX = 0, ECX = 1, EDX = 2, EBX = 3, ESP = 4, EBP = 5, ESI = 6, EDI = 7,
     R8D = 8, R9D = 9, R10D = 10, R11D = 11, R12D = 12, R13D = 13, R14D = 14, R15D = 15]
);
gpr_type!(
    /// A 16-bit general-purpose register `ax`..`r15w`.
    Reg16,
    ["ax", "cx", "dx", "bx", "sp", "bp", "si", "di",
     "r8w", "r9w", "r10w", "r11w", "r12w", "r13w", "r14w", "r15w"],
    [AX = 0, CX = 1, DX = 2, BX = 3, SP = 4, BP = 5, SI = 6, DI = 7,
     R8W = 8, R9W = 9, R10W = 10, R11W = 11, R12W = 12, R13W = 13, R14W = 14, R15W = 15]
);
gpr_type!(
    /// An 8-bit general-purpose register: the low byte `al`..`r15b` (`spl`..`dil` need REX).
    Reg8,
    ["al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil",
     "r8b", "r9b", "r10b", "r11b", "r12b", "r13b", "r14b", "r15b"],
    [AL = 0, CL = 1, DL = 2, BL = 3, SPL = 4, BPL = 5, SIL = 6, DIL = 7,
     R8B = 8, R9B = 9, R10B = 10, R11B = 11, R12B = 12, R13B = 13, R14B = 14, R15B = 15]
);
gpr_type!(
    /// An SSE register `xmm0`..`xmm15` (scalar `f64` in the low 64 bits, `f32` in the low 32).
    Xmm,
    ["xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",
     "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15"],
    [XMM0 = 0, XMM1 = 1, XMM2 = 2, XMM3 = 3, XMM4 = 4, XMM5 = 5, XMM6 = 6, XMM7 = 7,
     XMM8 = 8, XMM9 = 9, XMM10 = 10, XMM11 = 11, XMM12 = 12, XMM13 = 13, XMM14 = 14, XMM15 = 15]
);

impl sealed::Sealed for Reg64 {}
impl sealed::Sealed for Reg32 {}
impl sealed::Sealed for Reg16 {}
impl sealed::Sealed for Reg8 {}

impl Gpr for Reg64 {
    type Size = Qword;
    fn num(self) -> u8 {
        self.0
    }
}
impl Gpr for Reg32 {
    type Size = Dword;
    fn num(self) -> u8 {
        self.0
    }
}
impl Gpr for Reg16 {
    type Size = Word;
    fn num(self) -> u8 {
        self.0
    }
}
impl Gpr for Reg8 {
    type Size = Byte;
    fn num(self) -> u8 {
        self.0
    }
    fn needs_rex(self) -> bool {
        (4..8).contains(&self.0)
    }
}

impl Reg64 {
    /// The 32-bit view.
    pub const fn r32(self) -> Reg32 {
        Reg32(self.0)
    }
    /// The 16-bit view.
    pub const fn r16(self) -> Reg16 {
        Reg16(self.0)
    }
    /// The low-byte view.
    pub const fn r8(self) -> Reg8 {
        Reg8(self.0)
    }
}

impl Reg32 {
    /// The 64-bit view.
    pub const fn r64(self) -> Reg64 {
        Reg64(self.0)
    }
}

impl Reg16 {
    /// The 64-bit view.
    pub const fn r64(self) -> Reg64 {
        Reg64(self.0)
    }
}

impl Reg8 {
    /// The 64-bit view.
    pub const fn r64(self) -> Reg64 {
        Reg64(self.0)
    }
}
