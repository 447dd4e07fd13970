//! Errors the assembler reports instead of emitting wrong code.

use core::fmt;

use super::label::Label;

/// Why an instruction could not be encoded or the code could not be finalized.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AsmError {
    /// An immediate operand has no encoding in this instruction (`what` names the field).
    ImmNotEncodable {
        /// The instruction field or form, e.g. `"ldr unsigned offset"`.
        what: &'static str,
        /// The value that was asked for.
        value: i64,
    },
    /// An operand combination the instruction does not allow (e.g. `cset` with `al`).
    InvalidOperand(&'static str),
    /// A label was used but never bound before [`finalize`](super::Assembler::finalize).
    UnboundLabel(Label),
    /// [`bind`](super::Assembler::bind) was called twice for the same label.
    LabelAlreadyBound(Label),
    /// A label that this assembler never created.
    ForeignLabel(Label),
    /// A PC-relative reference whose target is farther than its field can reach.
    OutOfRange {
        /// The branch form, e.g. `"imm19 (b.cond/cbz/ldr literal)"`.
        kind: &'static str,
        /// Byte offset of the referring instruction.
        at: usize,
        /// Byte offset of the target.
        target: usize,
    },
}

impl fmt::Display for AsmError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AsmError::ImmNotEncodable { what, value } => {
                write!(
                    f,
                    "immediate {value} ({value:#x}) is not encodable as {what}"
                )
            }
            AsmError::InvalidOperand(why) => write!(f, "invalid operand: {why}"),
            AsmError::UnboundLabel(l) => write!(f, "label {} used but never bound", l.index()),
            AsmError::LabelAlreadyBound(l) => write!(f, "label {} bound twice", l.index()),
            AsmError::ForeignLabel(l) => {
                write!(f, "label {} does not belong to this assembler", l.index())
            }
            AsmError::OutOfRange { kind, at, target } => write!(
                f,
                "{kind} reference at offset {at:#x} cannot reach target offset {target:#x}"
            ),
        }
    }
}

impl std::error::Error for AsmError {}

/// Shorthand for results of fallible assembler operations.
pub type AsmResult<T = ()> = Result<T, AsmError>;
