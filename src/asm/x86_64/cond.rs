//! Condition codes for `jcc`, `setcc` and `cmovcc`: the 4-bit `tttn` field added to the
//! opcode (`0x70 + cc`, `0F 80 + cc`, `0F 90 + cc`, `0F 40 + cc`).

/// One of the 16 x86 conditions, in encoding order; flipping bit 0 negates it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Cond {
    /// Overflow (OF = 1).
    O = 0,
    /// No overflow.
    No = 1,
    /// Unsigned below / carry set (CF = 1); also `c`, `nae`.
    B = 2,
    /// Unsigned above or equal / carry clear; also `nc`, `nb`.
    Ae = 3,
    /// Equal / zero (ZF = 1).
    E = 4,
    /// Not equal / not zero.
    Ne = 5,
    /// Unsigned below or equal (CF = 1 or ZF = 1).
    Be = 6,
    /// Unsigned above.
    A = 7,
    /// Sign (SF = 1).
    S = 8,
    /// No sign.
    Ns = 9,
    /// Parity even (PF = 1): after `ucomisd`, "unordered" (a NaN operand).
    P = 10,
    /// Parity odd: after `ucomisd`, "ordered".
    Np = 11,
    /// Signed less (SF ≠ OF).
    L = 12,
    /// Signed greater or equal.
    Ge = 13,
    /// Signed less or equal (ZF = 1 or SF ≠ OF).
    Le = 14,
    /// Signed greater.
    G = 15,
}

impl Cond {
    /// All 16 conditions in encoding order.
    pub const ALL: [Cond; 16] = [
        Cond::O,
        Cond::No,
        Cond::B,
        Cond::Ae,
        Cond::E,
        Cond::Ne,
        Cond::Be,
        Cond::A,
        Cond::S,
        Cond::Ns,
        Cond::P,
        Cond::Np,
        Cond::L,
        Cond::Ge,
        Cond::Le,
        Cond::G,
    ];

    /// The 4-bit field value.
    pub const fn bits(self) -> u8 {
        self as u8
    }

    /// The condition that holds exactly when `self` does not (flips bit 0).
    pub const fn invert(self) -> Cond {
        Cond::ALL[(self as usize) ^ 1]
    }

    /// The mnemonic suffix as `llvm-mc` prints it (`e`, `ne`, `b`, `ae`, …).
    pub const fn name(self) -> &'static str {
        match self {
            Cond::O => "o",
            Cond::No => "no",
            Cond::B => "b",
            Cond::Ae => "ae",
            Cond::E => "e",
            Cond::Ne => "ne",
            Cond::Be => "be",
            Cond::A => "a",
            Cond::S => "s",
            Cond::Ns => "ns",
            Cond::P => "p",
            Cond::Np => "np",
            Cond::L => "l",
            Cond::Ge => "ge",
            Cond::Le => "le",
            Cond::G => "g",
        }
    }
}
