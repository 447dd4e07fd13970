//! The JavaScript engine: values, heap, objects, bytecode compiler, interpreter, builtins.
//!
//! [`run_file`] / [`run_source`] run a program in-process with captured output; the `kiln`
//! command is a thin wrapper over them.
//!
//! # Contracts the baseline JIT builds on
//!
//! - **Values** ([`value`]): NaN-boxed u64. Doubles below `DOUBLE_LIMIT` (NaN always
//!   `CANONICAL_NAN`); int32 = `TAG_INT32 | u32` (upper word `INT32_TAG_HI`); immediates
//!   `UNDEFINED`/`NULL`/`FALSE`/`TRUE`/`EMPTY` (hole/TDZ); pointers tagged in bits 63..48:
//!   string `0xFFFB`, object `0xFFFC` (every object, class in the header), internal cell
//!   `0xFFFD` (environments, accessor pairs).
//! - **Objects** ([`heap::cells`]): `#[repr(C)] ObjCell`; shape at `OFF_SHAPE` (8), slots
//!   pointer at `OFF_SLOTS` (16), elements pointer at `OFF_ELEMENTS` (24), element count at
//!   `OFF_ELEM_LEN` (32), prototype at `OFF_PROTO` (40). Arrays keep `length == elem_len`
//!   unless `aux[0]` holds a sparse length. A shape determines the prototype (one root shape
//!   per prototype), so a shape compare covers prototype-chain IC entries too.
//! - **Frames** ([`vm`]): one register file (`Vm::regs`, fixed capacity, never reallocated);
//!   registers of a frame at `regs[fp..fp + nregs]`, header below fp: callee (`fp-4`), this
//!   (`fp-3`), new.target (`fp-2`), current environment (`fp-1`). Return pc, destination
//!   register, caller sp live in the side stack `Vm::frames`.
//! - **Bytecode** ([`bytecode::op`]): opcode byte + operands (u8 registers, u16 constants and
//!   IC indices, u32 atoms, i32 jumps relative to the instruction start). Every function is
//!   checked by the verifier before it runs. `LoopHint` marks loop headers (back-edge counter,
//!   OSR entry points); `FunctionCode::calls` counts calls.
//! - **Inline caches** ([`ic`]): a fixed `Box<[UnsafeCell<IcSlot>]>` per function, `#[repr(C)]`
//!   entries {shape, aux, slot, kind, epoch}; prototype entries are valid while
//!   `Vm::proto_epoch` equals the entry's epoch. Shapes are immortal and never change, so an
//!   own entry stays true even after its site went megamorphic. Primitive string receivers
//!   use the pseudo-shape `ic::STRING_RECEIVER` (prototype entries only; String.prototype is
//!   flagged a prototype so its changes bump the epoch). Call sites record their callee's
//!   code word (natives: their index; the JIT inlines `builtins::Intrinsic`s).
//! - **Type feedback**: `FunctionCode::saw_double` marks arithmetic ops that met a double.
//! - **GC** ([`heap`]): precise, non-moving mark-sweep over page-aligned arenas; collection
//!   only at safepoints (instruction boundaries in the interpreter) when an allocation has
//!   set `Heap::gc_requested`. Roots: `regs[..sp]`, `Vm::roots` (the handle stack Rust code
//!   uses for values it holds across calls into JavaScript), realm objects, the global
//!   object, the pending exception, atoms, function constants, the module cache, the microtask
//!   queue, tracked rejections, timers and the hole-store guard's prototype
//!   ([`element_store`]).
//! - **Promises and the event loop** ([`promise`], [`jobs`], [`event_loop`]): the main
//!   program is followed by a microtask drain, then timers in node's order, each followed by
//!   a drain; an unhandled rejection after a drain ends the run like an uncaught error.

pub mod atoms;
pub mod bigint;
pub mod builtins;
pub mod bytecode;
pub mod compiler;
pub mod define;
pub mod element_store;
pub mod esm;
pub mod event_loop;
pub mod format;
pub mod frames;
pub mod global_decls;
pub mod hash;
pub mod heap;
pub mod ic;
pub mod internal_methods;
pub mod interp;
pub mod jobs;
pub mod module;
pub mod node;
pub mod object;
pub mod parse;
pub mod private_names;
pub mod promise;
pub mod proxy;
pub mod repl;
pub mod script;
pub mod shape;
pub mod string;
pub mod tiering;
pub mod typed;
pub mod value;
pub mod vm;
pub mod weak;

pub use tiering::{Tier, TierHooks};
pub use vm::{JitIsa, Options};

/// The result of running a program.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub status: i32,
}

/// Runs the program in `path` with extra arguments `args` (visible in `process.argv`), in the
/// interpreter and, if given, the higher `tier` (`kiln::run_file` passes the JIT's).
pub fn run_file(path: &str, args: &[String], opts: &Options, tier: Option<Tier>) -> Outcome {
    with_source(path, |src| run_source(src, path, args, opts, tier))
}

/// [`run_file`] on the calling thread, which must have a stack of [`PROGRAM_STACK`] bytes
/// (test harnesses that measure the program's thread use this).
pub fn run_file_on_this_thread(
    path: &str,
    args: &[String],
    opts: &Options,
    tier: Option<Tier>,
) -> Outcome {
    with_source(path, |src| {
        module::run_main(src, path, args, opts.clone(), tier)
    })
}

/// `run` over the text of `path`, or the error that it cannot be read.
fn with_source(path: &str, run: impl FnOnce(&str) -> Outcome) -> Outcome {
    match read_source(path) {
        Ok(src) => run(&src),
        Err(e) => Outcome {
            stdout: Vec::new(),
            stderr: format!("kiln: cannot read {path}: {e}\n").into_bytes(),
            status: 1,
        },
    }
}

/// A source file's text as node reads it: bytes that are not UTF-8 decode as U+FFFD, a
/// byte-order mark is dropped.
pub fn read_source(path: impl AsRef<std::path::Path>) -> std::io::Result<String> {
    let bytes = std::fs::read(path)?;
    let text = String::from_utf8_lossy(&bytes);
    Ok(text.strip_prefix('\u{FEFF}').unwrap_or(&text).to_string())
}

/// The stack of the thread a program runs on: generous for native re-entrancy (sort
/// comparators, getters...), independent of the caller's thread (tests run on small threads).
pub const PROGRAM_STACK: usize = 256 << 20;

/// Runs `src` as the main module named `path` (see [`run_file`]) on a thread of its own.
pub fn run_source(
    src: &str,
    path: &str,
    args: &[String],
    opts: &Options,
    tier: Option<Tier>,
) -> Outcome {
    let (src, path, args, opts) = (
        src.to_string(),
        path.to_string(),
        args.to_vec(),
        opts.clone(),
    );
    let h = std::thread::Builder::new()
        .stack_size(PROGRAM_STACK)
        .spawn(move || module::run_main(&src, &path, &args, opts, tier))
        .expect("spawn interpreter thread");
    h.join().unwrap_or_else(|_| Outcome {
        stdout: Vec::new(),
        stderr: b"kiln: internal error (panic)\n".to_vec(),
        status: 70,
    })
}
