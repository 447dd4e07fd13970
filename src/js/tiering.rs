//! The seam between the interpreter and a higher tier (the baseline JIT).
//!
//! The engine does not know the JIT: the interpreter asks a [`TierHooks`] table, which a
//! tier hands to the VM when a program starts (`kiln::Engine` installs the JIT's; the
//! interpreter alone runs without one). What the tier keeps per VM lives in
//! [`TierSlot::state`], opaque to the engine; what its machine code reads and writes at fixed
//! offsets from the VM is [`TierWords`], part of the engine's contract (see `js/mod.rs`).

use std::any::Any;

use crate::codemem::CodeSpace;
use crate::js::bytecode::{FunctionCode, Op};
use crate::js::vm::{Options, Vm};

/// `FunctionCode::jit` of a function whose compilation failed (never retried); values above
/// it are the tier's pointers to its code for the function.
pub const TIER_FAILED: usize = 1;

/// What happened when the interpreter offered a frame to the tier ([`TierHooks::enter_at`]).
pub enum Entered {
    /// No compiled code ran.
    No,
    /// Compiled code left at this pc: the interpreter runs that op, then asks again.
    Left(usize),
    /// Compiled code continued to this pc without running it: the interpreter goes on there.
    Resume(usize),
    /// Compiled code handed the frame stack to the interpreter: it continues with the
    /// innermost frame at its pc (running that op itself if [`TierSlot::skip_once`]).
    Reload,
    /// An exception is pending (`Vm::exception`) in the innermost frame.
    Threw,
    /// Compiled code ran the frame's `Return`: the frame is popped (`Vm::pop_return`) and
    /// this is its result; the interpreter finishes the return (out of its loop for an entry
    /// frame, else into the caller's destination register).
    Returned(crate::js::value::Value),
}

/// A higher tier, as the engine sees it: plain functions over the VM.
pub struct TierHooks {
    /// Sets the tier up for a new VM from the options, publishing its code in the engine's
    /// code space (its state goes in [`TierSlot::state`]); returns whether the tier runs code
    /// for this VM.
    pub install: fn(&mut Vm, &Options, CodeSpace) -> bool,
    /// Runs compiled code for the frame at `fp` from `pc` (compiling the function first if it
    /// is hot), called before an op when [`wants`] says so.
    pub enter_at: fn(&mut Vm, &FunctionCode, usize, usize) -> Entered,
    /// The tier's `--stats` lines, given the ops the interpreter executed.
    pub report: fn(&Vm, u64) -> String,
}

/// A tier to run a program with: its hooks and the engine's code space it publishes into.
#[derive(Clone)]
pub struct Tier {
    pub hooks: &'static TierHooks,
    pub code: CodeSpace,
}

/// Words of the VM that a tier's machine code reads and writes at fixed offsets from the VM
/// pointer (`std::mem::offset_of!(Vm, tier.words.FIELD)`).
#[repr(C)]
#[derive(Debug, Default)]
pub struct TierWords {
    /// The callee's register window for a call from compiled code into compiled code.
    pub callee_window: u64,
    /// Lowest machine-stack address compiled prologues accept.
    pub stack_limit: u64,
    /// Addresses of `Vm::regs[0]` and of frame 0 of `Vm::frames` (fixed for the VM's life).
    pub regs_base: u64,
    pub frames_base: u64,
    /// Statistics that the tier's code and helpers bump on hot paths without reaching the
    /// tier's state (which helpers would have to downcast); the tier names the indices.
    pub counters: [u64; TIER_COUNTERS],
}

/// How many [`TierWords::counters`] a tier has.
pub const TIER_COUNTERS: usize = 4;

/// The tier of one VM.
#[derive(Default)]
pub struct TierSlot {
    /// Whether the interpreter asks the tier at all (a tier is installed and runs code).
    pub enabled: bool,
    /// The interpreter offers a function without code to the tier at entry once it has been
    /// called this many times, and at a loop header once its loops have gone back this many
    /// times (set by the tier when it is installed).
    pub call_threshold: u32,
    pub loop_threshold: u32,
    pub hooks: Option<&'static TierHooks>,
    /// The tier's own per-VM state.
    pub state: Option<Box<dyn Any>>,
    /// Set when compiled code left at an op: the next `execute` runs its first op in the
    /// interpreter even if the frame has compiled code.
    pub skip_once: bool,
    /// The result of a frame the interpreter entered whose `Return` compiled code ran (set
    /// by the tier's return helper, handed over as [`Entered::Returned`]).
    pub returned: crate::js::value::Value,
    pub words: TierWords,
}

impl TierSlot {
    /// The `--stats` lines of the tier, if there is one.
    pub fn report(vm: &Vm, interpreted_ops: u64) -> String {
        vm.tier
            .hooks
            .map_or_else(String::new, |h| (h.report)(vm, interpreted_ops))
    }
}

impl TierSlot {
    /// Whether the interpreter should offer the op at `pc` to the tier: the function has
    /// code, or it has none yet and `pc` is a tier-up point (function entry, a loop header)
    /// that is hot (its count reached the threshold). One load and compare in the common case.
    #[inline]
    pub fn wants(&self, code: &FunctionCode, pc: usize) -> bool {
        let j = code.jit.get();
        j > TIER_FAILED
            || (j == 0
                && if pc == 0 {
                    code.calls.get() >= self.call_threshold
                } else {
                    code.code.get(pc) == Some(&(Op::LoopHint as u8))
                        && code.back_edges.get() >= self.loop_threshold
                })
    }
}

/// Installs `tier` as the VM's (it decides from the options whether it runs).
pub fn install(vm: &mut Vm, tier: Tier) {
    vm.tier.words.regs_base = vm.regs.as_ptr() as u64;
    vm.tier.words.frames_base = vm.frames.base() as u64;
    vm.tier.hooks = Some(tier.hooks);
    let opts = vm.opts.clone();
    vm.tier.enabled = (tier.hooks.install)(vm, &opts, tier.code);
}
