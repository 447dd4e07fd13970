//! Compiled functions: bytecode, constants, inline-cache slots, exception handlers, line table
//! and warm-up counters.

pub mod disasm;
pub mod feedback;
pub mod op;
pub mod verify;

use std::cell::{Cell, UnsafeCell};
use std::rc::Rc;

use crate::js::ic::IcSlot;
use crate::js::value::Value;

pub use op::{Kind, Op};

pub const F_ARROW: u32 = 1;
pub const F_CLASS_CTOR: u32 = 2;
pub const F_DERIVED: u32 = 4;
pub const F_HAS_REST: u32 = 8;
pub const F_USES_ARGUMENTS: u32 = 16;
pub const F_METHOD: u32 = 32;
/// Has no own `prototype` (arrows, methods, accessors).
pub const F_NO_PROTOTYPE: u32 = 64;
pub const F_GENERATED_CTOR: u32 = 128;
/// Strict-mode code (`this` is not coerced to the global object).
pub const F_STRICT: u32 = 256;
/// A generator function (`function*`, generator method): calling it creates a generator
/// object; it is not a constructor but has a `prototype`.
pub const F_GENERATOR: u32 = 512;
/// An async function (`async function`, async arrow or method): calling it runs the body
/// until its first `await` and returns a promise for its result.
pub const F_ASYNC: u32 = 1024;
/// A parameter list with a default, a pattern or a rest parameter: `arguments` is unmapped
/// even in sloppy code (§10.2.11 step 18), so its `callee` throws.
pub const F_NON_SIMPLE_PARAMS: u32 = 2048;

/// An exception handler: a throw at pc in `start..end` jumps to `target` with the exception
/// in register `reg`.
#[derive(Clone, Copy, Debug)]
pub struct Handler {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub reg: u16,
}

pub struct FunctionCode {
    pub name: String,
    pub file: Rc<str>,
    /// Declared parameters (registers 0..nparams), excluding a rest parameter.
    pub nparams: u32,
    /// The function's `length` property.
    pub length: u32,
    /// Register count of a frame (<= 65535, see `compiler::MAX_REGS`).
    pub nregs: u32,
    /// Register receiving the rest array / `arguments` object, if any. A function with both
    /// (`F_HAS_REST | F_USES_ARGUMENTS`) gets the rest array here and `arguments` in the next
    /// register.
    pub extra_reg: u16,
    pub flags: u32,
    pub code: Vec<u8>,
    pub consts: Vec<Value>,
    /// Fixed-size inline-cache slots (never reallocated: compiled code holds their addresses).
    pub ics: Box<[UnsafeCell<IcSlot>]>,
    pub handlers: Vec<Handler>,
    /// (pc, line, column) at statement and call boundaries, sorted by pc.
    pub lines: Vec<(u32, u32, u32)>,
    /// Source text of callees by call pc (for "x is not a function").
    pub call_names: Vec<(u32, String)>,
    pub calls: Cell<u32>,
    pub back_edges: Cell<u32>,
    /// Arithmetic ops that met a double operand (see [`feedback`]).
    pub saw_double: feedback::PcBits,
    /// Tier hook: 0 = not compiled, 1 = compilation failed (`tiering::TIER_FAILED`), else the
    /// tier's pointer to its code for this function.
    pub jit: Cell<usize>,
    /// JIT hook: the call entry of the compiled code, for compiled callers that set the frame
    /// up inline, with bit 0 set when `this` must be coerced (sloppy, not an arrow); 0 when
    /// not compiled or when calls need the full setup (rest parameter, `arguments`, class
    /// constructor).
    pub jit_call: Cell<u64>,
    /// JIT hook: the call entry of the compiled code for compiled callers constructing with
    /// `new` inline; 0 when not compiled or when construction needs the full setup (rest
    /// parameter, `arguments`, not a constructor, a derived class).
    pub jit_new: Cell<u64>,
    /// Distinct property names the function assigns or updates as `this.NAME`: objects it
    /// constructs get room for that many slots up front (their slots then need not grow
    /// while the constructor runs, in the interpreter or in compiled code).
    pub this_fields: u32,
    /// Span start in the source (identity for debugging).
    pub span_start: u32,
    /// Source text of the function (for `Function.prototype.toString`), if known.
    pub source: Option<Rc<str>>,
}

impl FunctionCode {
    pub fn has(&self, f: u32) -> bool {
        self.flags & f != 0
    }
    pub fn line_at(&self, pc: u32) -> Option<(u32, u32)> {
        let i = self.lines.partition_point(|l| l.0 <= pc);
        if i == 0 {
            self.lines.first().map(|l| (l.1, l.2))
        } else {
            Some((self.lines[i - 1].1, self.lines[i - 1].2))
        }
    }
    /// Inline-cache slot `i`.
    ///
    /// The interpreter is single-threaded and never holds two IC references at once, so handing
    /// out a mutable reference from a shared one cannot alias.
    #[allow(clippy::mut_from_ref)]
    #[inline]
    pub fn ic(&self, i: usize) -> &mut IcSlot {
        // SAFETY: see above; the slot lives as long as the FunctionCode (never reallocated).
        unsafe { &mut *self.ics[i].get() }
    }
    pub fn call_name(&self, pc: u32) -> Option<&str> {
        self.call_names
            .iter()
            .find(|c| c.0 == pc)
            .map(|c| c.1.as_str())
    }
}

#[inline]
pub fn rd_u8(code: &[u8], at: usize) -> u8 {
    code[at]
}
#[inline]
pub fn rd_i8(code: &[u8], at: usize) -> i8 {
    code[at] as i8
}
#[inline]
pub fn rd_u16(code: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([code[at], code[at + 1]])
}
#[inline]
pub fn rd_u32(code: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([code[at], code[at + 1], code[at + 2], code[at + 3]])
}
#[inline]
pub fn rd_i32(code: &[u8], at: usize) -> i32 {
    rd_u32(code, at) as i32
}

/// The jump target of the op at `pc`, if it has a jump operand.
pub fn jump_target(code: &[u8], pc: usize) -> Option<usize> {
    let op = Op::from_u8(*code.get(pc)?)?;
    let i = op.operands().iter().position(|k| *k == op::Kind::J)?;
    let at = pc + op::operand_offset(op, i);
    Some((pc as i64 + rd_i32(code, at) as i64) as usize)
}
