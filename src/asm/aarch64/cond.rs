//! Condition codes for `b.cond`, `csel`, `ccmp` and friends.

/// One of the 16 AArch64 condition codes (the 4-bit `cond` field).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Cond {
    /// Equal (Z set).
    Eq = 0,
    /// Not equal.
    Ne = 1,
    /// Carry set / unsigned higher or same (alias `hs`).
    Cs = 2,
    /// Carry clear / unsigned lower (alias `lo`).
    Cc = 3,
    /// Minus / negative.
    Mi = 4,
    /// Plus / positive or zero.
    Pl = 5,
    /// Overflow.
    Vs = 6,
    /// No overflow.
    Vc = 7,
    /// Unsigned higher.
    Hi = 8,
    /// Unsigned lower or same.
    Ls = 9,
    /// Signed greater or equal.
    Ge = 10,
    /// Signed less than.
    Lt = 11,
    /// Signed greater than.
    Gt = 12,
    /// Signed less or equal.
    Le = 13,
    /// Always.
    Al = 14,
    /// Always (encoding 0b1111, behaves as `al`).
    Nv = 15,
}

impl Cond {
    /// Unsigned higher or same (same as [`Cond::Cs`]).
    pub const HS: Cond = Cond::Cs;
    /// Unsigned lower (same as [`Cond::Cc`]).
    pub const LO: Cond = Cond::Cc;

    /// All 16 conditions in encoding order.
    pub const ALL: [Cond; 16] = [
        Cond::Eq,
        Cond::Ne,
        Cond::Cs,
        Cond::Cc,
        Cond::Mi,
        Cond::Pl,
        Cond::Vs,
        Cond::Vc,
        Cond::Hi,
        Cond::Ls,
        Cond::Ge,
        Cond::Lt,
        Cond::Gt,
        Cond::Le,
        Cond::Al,
        Cond::Nv,
    ];

    /// The 4-bit field value.
    pub const fn bits(self) -> u32 {
        self as u32
    }

    /// The condition that holds exactly when `self` does not (flips bit 0).
    /// `al` and `nv` both mean "always", so neither has a true inverse; the architecture's
    /// bit flip maps them to each other, and so does this.
    pub const fn invert(self) -> Cond {
        Cond::ALL[(self as usize) ^ 1]
    }

    /// The assembler mnemonic suffix (`eq`, `ne`, `hs`, `lo`, …), as LLVM prints it.
    pub const fn name(self) -> &'static str {
        match self {
            Cond::Eq => "eq",
            Cond::Ne => "ne",
            Cond::Cs => "hs",
            Cond::Cc => "lo",
            Cond::Mi => "mi",
            Cond::Pl => "pl",
            Cond::Vs => "vs",
            Cond::Vc => "vc",
            Cond::Hi => "hi",
            Cond::Ls => "ls",
            Cond::Ge => "ge",
            Cond::Lt => "lt",
            Cond::Gt => "gt",
            Cond::Le => "le",
            Cond::Al => "al",
            Cond::Nv => "nv",
        }
    }
}
