//! What the baseline compiler knows about each bytecode register's value within a basic block.
//!
//! A [`Fact`] is a semantic fact about the JavaScript value in a register (true whoever
//! computed it: compiled code, its slow path, or the interpreter), never a fact about machine
//! registers. Compiled code can be entered at any op boundary, but a block is only entered
//! mid-way after the ops before it in that block ran, in order, so facts flow forward through
//! a block and are dropped at every block start ([`block_starts`]: pc 0, jump targets,
//! exception handlers) and after any op whose register writes are not exactly its
//! destination (calls, step-helper ops).
//!
//! The table is a fixed array indexed by register (registers are bytes) with a list of the
//! registers that hold a fact, so dropping all facts costs the number of known registers:
//! nothing is allocated per op.

use crate::js::bytecode::{FunctionCode, Op, jump_target, op};
use crate::js::value::{DOUBLE_LIMIT, TAG_INT32};

/// What is known of a register's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fact {
    Unknown,
    /// A number (int32 or double).
    Number,
    /// A number, probably not an int32 (a product or quotient of doubles): templates go
    /// straight to their double path. A layout hint only: semantically the same as
    /// [`Fact::Number`].
    Float,
    /// An int32.
    Int32,
    /// This exact boxed word (a constant).
    Const(u64),
}

impl Fact {
    /// The int32 value, for an int32 constant.
    pub fn int_const(self) -> Option<i32> {
        match self {
            Fact::Const(w) if w >> 32 == TAG_INT32 >> 32 => Some(w as u32 as i32),
            _ => None,
        }
    }
    /// The double value, for a constant that is a boxed double.
    pub fn double_const(self) -> Option<f64> {
        match self {
            Fact::Const(w) if w < DOUBLE_LIMIT => Some(f64::from_bits(w)),
            _ => None,
        }
    }
    /// Known to be an int32.
    pub fn is_int32(self) -> bool {
        self == Fact::Int32 || self.int_const().is_some()
    }
    /// Known to be a number (int32 or double).
    pub fn is_number(self) -> bool {
        match self {
            Fact::Number | Fact::Float | Fact::Int32 => true,
            Fact::Const(w) => w <= (TAG_INT32 | 0xFFFF_FFFF),
            Fact::Unknown => false,
        }
    }
    /// Probably a non-int32 double (a double constant or [`Fact::Float`]).
    pub fn likely_double(self) -> bool {
        self == Fact::Float || self.double_const().is_some()
    }
}

/// Registers whose facts are tracked: the first 256 of a frame. Any higher register (a
/// function with very many locals) is always [`Fact::Unknown`], which is never wrong.
const TRACKED: usize = 256;

/// The facts of the tracked registers.
pub struct Facts {
    regs: [Fact; TRACKED],
    listed: [bool; TRACKED],
    known: [u8; TRACKED],
    len: usize,
}

impl Default for Facts {
    fn default() -> Facts {
        Facts {
            regs: [Fact::Unknown; TRACKED],
            listed: [false; TRACKED],
            known: [0; TRACKED],
            len: 0,
        }
    }
}

impl Facts {
    pub fn get(&self, r: usize) -> Fact {
        self.regs.get(r).copied().unwrap_or(Fact::Unknown)
    }
    pub fn set(&mut self, r: usize, f: Fact) {
        if r >= TRACKED {
            return;
        }
        self.regs[r] = f;
        if f != Fact::Unknown && !self.listed[r] {
            self.listed[r] = true;
            self.known[self.len] = r as u8;
            self.len += 1;
        }
    }
    /// Forgets everything.
    pub fn reset(&mut self) {
        for &r in &self.known[..self.len] {
            self.regs[r as usize] = Fact::Unknown;
            self.listed[r as usize] = false;
        }
        self.len = 0;
    }
}

/// What an op does to the facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Writes no register.
    None,
    /// Writes exactly register `.0`, whose value then has fact `.1`.
    Dst(usize, Fact),
    /// Writes other registers, or runs arbitrary code: forget everything.
    Reset,
}

/// The effect of the op at `pc` of `code` on `facts` (taken before the op).
pub fn effect(code: &FunctionCode, facts: &Facts, op: Op, pc: usize) -> Effect {
    let c = &code.code;
    // Operand `i`, a register, and what is known of it.
    let reg = |i: usize| op::reg(c, pc, op, i);
    let fact = |i: usize| facts.get(reg(i));
    let produced = match op {
        Op::Nop
        | Op::LoopHint
        | Op::JumpIfTrue
        | Op::JumpIfFalse
        | Op::JumpIfUndefined
        | Op::JumpIfNotUndefined
        | Op::JumpIfNullish
        | Op::JumpIfNotNullish
        | Op::SetElement
        | Op::SetPropertyByName
        | Op::StoreContextSlot
        | Op::ThrowIfEmpty
        | Op::SetEnv
        | Op::PushContext
        | Op::PopContext
        | Op::CopyContext
        | Op::DefineField => return Effect::None,
        Op::LoadConst => {
            let k = op::operand(c, pc, op, 1) as usize;
            Fact::Const(code.consts[k].0)
        }
        Op::LoadInt8 => Fact::Const(TAG_INT32 | (op::operand(c, pc, op, 1) as i32 as u32 as u64)),
        Op::LoadUndefined => Fact::Const(crate::js::value::UNDEFINED),
        Op::LoadNull => Fact::Const(crate::js::value::NULL),
        Op::LoadTrue => Fact::Const(crate::js::value::TRUE),
        Op::LoadFalse => Fact::Const(crate::js::value::FALSE),
        Op::Move => fact(1),
        // With a BigInt operand these give a BigInt; mixing a BigInt with a number throws, so
        // one operand known to be a number makes the result a number. `>>>` never gives a
        // BigInt (it throws on them).
        Op::BitAnd | Op::BitOr | Op::BitXor | Op::Shl | Op::Shr
            if fact(1).is_number() || fact(2).is_number() =>
        {
            Fact::Int32
        }
        Op::BitNot if fact(1).is_number() => Fact::Int32,
        Op::UShr => match fact(2).int_const() {
            Some(n) if n & 31 != 0 => Fact::Int32,
            _ => Fact::Number,
        },
        Op::Sub | Op::Rem if fact(1).is_number() || fact(2).is_number() => {
            arith_fact(fact(1), fact(2))
        }
        Op::Neg | Op::Inc | Op::Dec if fact(1).is_number() => arith_fact(fact(1), Fact::Unknown),
        Op::Mul | Op::Div if fact(1).is_number() || fact(2).is_number() => Fact::Float,
        Op::BitAnd
        | Op::BitOr
        | Op::BitXor
        | Op::Shl
        | Op::Shr
        | Op::BitNot
        | Op::Sub
        | Op::Rem
        | Op::Neg
        | Op::Inc
        | Op::Dec
        | Op::Mul
        | Op::Div => Fact::Unknown,
        Op::Add if fact(1).is_number() && fact(2).is_number() => arith_fact(fact(1), fact(2)),
        Op::Add
        | Op::LoadEmpty
        | Op::LessThan
        | Op::LessEq
        | Op::GreaterThan
        | Op::GreaterEq
        | Op::StrictEq
        | Op::StrictNotEq
        | Op::Not
        | Op::GetElement
        | Op::GetPropertyByName
        | Op::LoadGlobal
        | Op::LoadContextSlot
        | Op::LoadThis
        | Op::LoadCallee
        | Op::LoadNewTarget
        | Op::GetEnv
        | Op::CreateClosure
        | Op::NewObject
        | Op::NewArray => Fact::Unknown,
        _ => return Effect::Reset,
    };
    Effect::Dst(reg(0), produced)
}

/// The fact of an arithmetic result (a number): a [`Fact::Float`] when an operand is.
fn arith_fact(a: Fact, b: Fact) -> Fact {
    if a.likely_double() || b.likely_double() {
        Fact::Float
    } else {
        Fact::Number
    }
}

/// Whether control can only leave the op at `pc` by a jump or a return (the next op is
/// reached only by jumps, if at all).
pub fn ends_flow(op: Op) -> bool {
    // The op after a `Suspend` runs only when the generator is resumed (entering there).
    matches!(op, Op::Jump | Op::Return | Op::Throw | Op::Suspend)
}

/// `starts[pc]`: pc 0, every jump target and every exception handler (one pre-scan).
pub fn block_starts(code: &FunctionCode) -> Vec<bool> {
    let c = &code.code;
    let mut starts = vec![false; c.len() + 1];
    starts[0] = true;
    let mut pc = 0;
    while pc < c.len() {
        let Some(op) = Op::from_u8(c[pc]) else { break };
        if let Some(t) = jump_target(c, pc)
            && t < starts.len()
        {
            starts[t] = true;
        }
        pc += op.encoded_len();
    }
    for h in &code.handlers {
        if let Some(s) = starts.get_mut(h.target as usize) {
            *s = true;
        }
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reset_forgets_only_known_registers() {
        let mut f = Facts::default();
        f.set(3, Fact::Int32);
        f.set(3, Fact::Number);
        f.set(200, Fact::Const(TAG_INT32 | 7));
        assert_eq!(f.get(200).int_const(), Some(7));
        f.reset();
        assert_eq!(f.get(3), Fact::Unknown);
        assert_eq!(f.get(200), Fact::Unknown);
        f.set(3, Fact::Int32);
        assert_eq!(f.get(3), Fact::Int32);
        // Registers past the tracked ones never alias a tracked one and stay unknown.
        f.set(256, Fact::Int32);
        f.set(256 + 3, Fact::Number);
        assert_eq!(f.get(3), Fact::Int32);
        assert_eq!(f.get(256), Fact::Unknown);
        assert_eq!(f.get(70_000), Fact::Unknown);
    }

    #[test]
    fn fact_kinds() {
        assert!(Fact::Const(TAG_INT32 | 5).is_int32());
        assert!(Fact::Const(1.5f64.to_bits()).is_number());
        assert!(Fact::Const(1.5f64.to_bits()).likely_double());
        assert!(!Fact::Const(crate::js::value::UNDEFINED).is_number());
        assert!(!Fact::Number.is_int32());
    }
}
