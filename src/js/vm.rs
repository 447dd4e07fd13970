//! The virtual machine state: heap, shapes, atoms, register file, frame stack, realm objects,
//! output sinks and statistics. Behaviour lives in `impl Vm` blocks across the other modules.
//!
//! ## Register file and frames
//! All registers of all active calls live in `regs`, allocated once with a fixed capacity and
//! never reallocated. A frame's window starts at `fp`; the four header values sit just below
//! it at `fp - 4 .. fp` ([`HDR_CALLEE`], [`HDR_THIS`], [`HDR_NEW_TARGET`], [`HDR_ENV`]), and
//! register `i` is `regs[fp + i]`. Parameters are registers `0..nparams`. Control data that
//! is not a JS value (code pointer, return pc, destination register) lives in the side stack
//! `frames`. A callee's window is placed right above the caller's registers (`sp`).
//!
//! ## GC roots
//! `regs[0..sp]`, `roots` (handle stack for Rust code), `realm`, `global`, `exception`,
//! atom strings, every function's constants, the module caches (CommonJS and ES), the microtask queue
//! (`jobs`), the promises awaiting the unhandled-rejection check and the timer queue.

use std::collections::HashMap;
use std::time::Instant;

use crate::js::atoms::AtomTable;
use crate::js::bytecode::FunctionCode;
use crate::js::heap::Heap;
use crate::js::shape::ShapeTable;
use crate::js::value::Value;

pub use crate::js::frames::{FRAME_CALL, FRAME_CONSTRUCT, Frame, FrameStack, MAX_FRAMES};

pub const HDR_CALLEE: usize = 4;
pub const HDR_THIS: usize = 3;
pub const HDR_NEW_TARGET: usize = 2;
pub const HDR_ENV: usize = 1;
pub const HEADER: usize = 4;
/// Register-file capacity in values (the window of every active call must fit).
pub const REGFILE_CAP: usize = 1 << 21;
/// Maximum nesting of native code calling back into JavaScript.
pub const MAX_NATIVE_DEPTH: usize = 5_000;

/// Realm slots: prototypes and constructors the runtime needs.
pub mod realm {
    pub const OBJECT_PROTO: usize = 0;
    pub const FUNCTION_PROTO: usize = 1;
    pub const ARRAY_PROTO: usize = 2;
    pub const STRING_PROTO: usize = 3;
    pub const NUMBER_PROTO: usize = 4;
    pub const BOOLEAN_PROTO: usize = 5;
    pub const ERROR_PROTO: usize = 6;
    pub const TYPE_ERROR_PROTO: usize = 7;
    pub const RANGE_ERROR_PROTO: usize = 8;
    pub const REFERENCE_ERROR_PROTO: usize = 9;
    pub const SYNTAX_ERROR_PROTO: usize = 10;
    pub const MAP_PROTO: usize = 11;
    pub const SET_PROTO: usize = 12;
    pub const ITERATOR_PROTO: usize = 13;
    pub const OBJECT_CTOR: usize = 14;
    pub const ARRAY_CTOR: usize = 15;
    pub const FUNCTION_CTOR: usize = 16;
    pub const EVAL_ERROR_PROTO: usize = 17;
    pub const URI_ERROR_PROTO: usize = 18;
    pub const SYMBOL_PROTO: usize = 19;
    pub const DATE_PROTO: usize = 20;
    /// An object mapping each symbol's private atom to the symbol (for own-key listings).
    pub const SYMBOL_REGISTRY: usize = 21;
    /// The built-in getter of `Array[Symbol.species]`.
    pub const ARRAY_SPECIES_GETTER: usize = 22;
    /// %GeneratorFunction.prototype% (the prototype of generator functions) and
    /// %GeneratorPrototype% (of generator objects).
    pub const GENERATOR_FUNCTION_PROTO: usize = 23;
    pub const GENERATOR_PROTO: usize = 24;
    /// The original `Array.prototype.values` (= `Array.prototype[Symbol.iterator]`): arrays
    /// whose `Symbol.iterator` is still this function are iterated without calling it.
    pub const ARRAY_VALUES: usize = 25;
    pub const PROMISE_PROTO: usize = 26;
    pub const PROMISE_CTOR: usize = 27;
    pub const AGGREGATE_ERROR_PROTO: usize = 28;
    /// The prototype of the `Timeout` objects `setTimeout`/`setInterval` return.
    pub const TIMEOUT_PROTO: usize = 29;
    /// `RegExp.prototype`, `RegExp` and %RegExpStringIteratorPrototype%.
    pub const REGEXP_PROTO: usize = 30;
    pub const REGEXP_CTOR: usize = 31;
    pub const REGEXP_ITER_PROTO: usize = 32;
    /// %AsyncFunction.prototype% (the prototype of async functions).
    pub const ASYNC_FUNCTION_PROTO: usize = 33;
    /// %AsyncGeneratorFunction.prototype%, %AsyncGeneratorPrototype% and
    /// %AsyncIteratorPrototype%.
    pub const ASYNC_GENERATOR_FUNCTION_PROTO: usize = 34;
    pub const ASYNC_GENERATOR_PROTO: usize = 35;
    pub const ASYNC_ITERATOR_PROTO: usize = 36;
    /// %AsyncFromSyncIteratorPrototype% (`builtins::async_from_sync`).
    pub const ASYNC_FROM_SYNC_PROTO: usize = 37;
    /// %eval%: a call of `eval` by that name is a direct eval only if it calls this.
    pub const EVAL_FN: usize = 38;
    /// The built-in `RegExp.prototype.exec` (fast paths check a regexp still uses it).
    pub const REGEXP_EXEC: usize = 39;
    /// `ArrayBuffer.prototype`, `ArrayBuffer`, `DataView.prototype`.
    pub const ARRAY_BUFFER_PROTO: usize = 40;
    pub const ARRAY_BUFFER_CTOR: usize = 41;
    pub const DATA_VIEW_PROTO: usize = 42;
    /// %TypedArray%.prototype, %TypedArray% and %TypedArray%.prototype.values.
    pub const TYPED_ARRAY_PROTO: usize = 43;
    pub const TYPED_ARRAY_CTOR: usize = 44;
    pub const TYPED_ARRAY_VALUES: usize = 45;
    /// The prototype (`TYPED_PROTOS + kind`) and constructor (`TYPED_CTORS + kind`) of each
    /// element type (`js::typed::KINDS` order; the BigInt slots stay undefined for now).
    pub const TYPED_PROTOS: usize = 46;
    pub const TYPED_CTORS: usize = 58;
    /// %ArrayIteratorPrototype% (§23.1.5.2): the prototype of array iterators (and of
    /// kiln's internal `CLASS_ITER` iterators); its prototype is %Iterator.prototype%.
    /// Map, Set and String iterators have their own (`MAP_ITER_PROTO` …).
    pub const BUILTIN_ITER_PROTO: usize = 70;
    /// %Iterator% (ES2025 27.1.3.1), %IteratorHelperPrototype% (27.1.2.1) and
    /// %WrapForValidIteratorPrototype% (27.1.3.2.1.1).
    pub const ITERATOR_CTOR: usize = 71;
    pub const ITER_HELPER_PROTO: usize = 72;
    pub const WRAP_ITER_PROTO: usize = 73;
    /// WeakMap, WeakSet, WeakRef and FinalizationRegistry prototypes.
    pub const WEAK_MAP_PROTO: usize = 74;
    pub const WEAK_SET_PROTO: usize = 75;
    pub const WEAK_REF_PROTO: usize = 76;
    pub const FIN_REG_PROTO: usize = 77;
    /// The GlobalSymbolRegistry of `Symbol.for` (ES2025 20.4.2.2): an internal Map from
    /// key strings to symbols (undefined until first used).
    pub const SYMBOL_FOR_REGISTRY: usize = 78;
    /// %ThrowTypeError% (§10.2.4.1).
    pub const THROW_TYPE_ERROR: usize = 79;
    pub const SHARED_ARRAY_BUFFER_PROTO: usize = 80;
    pub const SHARED_ARRAY_BUFFER_CTOR: usize = 81;
    /// `BigInt.prototype`.
    pub const BIGINT_PROTO: usize = 82;
    /// %MapIteratorPrototype%, %SetIteratorPrototype%, %StringIteratorPrototype%.
    pub const MAP_ITER_PROTO: usize = 83;
    pub const SET_ITER_PROTO: usize = 84;
    pub const STRING_ITER_PROTO: usize = 85;
    /// The input string of the last RegExp match (`RegExp.input`; `builtins::regexp_legacy`).
    pub const REGEXP_LEGACY_INPUT: usize = 86;
    /// `Buffer.prototype` once `node:buffer` has loaded (how `console.log` knows a Buffer),
    /// and the internal binding object of kiln's node modules (`js::node`).
    pub const BUFFER_PROTO: usize = 87;
    pub const NODE_BINDING: usize = 88;
    /// `Atomics.waitAsync`'s waiter list (`builtins::atomics_wait_async`).
    pub const ATOMICS_WAITERS: usize = 89;
    /// %GeneratorPrototype%.next (`for`-`of` resumes a generator directly when it is the
    /// generator's `next`: `Vm::iterator_next`).
    pub const GENERATOR_NEXT: usize = 90;
    pub const COUNT: usize = 91;
}

#[derive(Clone, Debug, Default)]
pub struct Options {
    pub gc_stress: bool,
    pub print_bytecode: bool,
    pub stats: bool,
    /// The JIT: `Some(true)` on (`--jit`), `Some(false)` off (`--no-jit`), `None` the
    /// host's default (on where its code runs natively, off where it would be emulated).
    pub jit: Option<bool>,
    /// JIT: compile functions after this many calls or loop back-edges (0 = before the first
    /// run); turns the JIT on unless it is explicitly off. `None`: the default thresholds.
    pub jit_threshold: Option<u32>,
    /// JIT hook: one stderr line per tier-up, OSR entry and compile failure.
    pub trace_tier: bool,
    /// JIT testing: compiled code takes the deoptimization exit at every guard it passes.
    pub deopt_stress: bool,
    /// JIT: print each compiled function's disassembly interleaved with its bytecode.
    pub print_code: bool,
    /// JIT: the ISA to compile to (`--jit-isa`); `None`: the host's (AArch64 on hosts that
    /// are neither aarch64 nor x86-64).
    pub jit_isa: Option<JitIsa>,
    /// Write output straight to the process's stdout/stderr as it is produced (CLI).
    pub stream: bool,
    /// Run the main file as a classic Script instead of a CommonJS module.
    pub script: bool,
    /// Install the test262 host globals (`print`, `$262`).
    pub test262_host: bool,
    /// Define a global `gc()` that collects garbage at once (`--expose-gc`, as node's).
    pub expose_gc: bool,
}

/// An ISA the JIT can compile to (the engine only carries the choice: the JIT acts on it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JitIsa {
    AArch64,
    X86_64,
}

impl JitIsa {
    /// Every ISA, in `--jit-isa` spelling order.
    pub const ALL: [JitIsa; 2] = [JitIsa::AArch64, JitIsa::X86_64];

    /// The `--jit-isa` spelling.
    pub fn name(self) -> &'static str {
        match self {
            JitIsa::AArch64 => "aarch64",
            JitIsa::X86_64 => "x86_64",
        }
    }

    /// The ISA spelled `s` (`aarch64`/`arm64`, `x86_64`/`x86-64`/`amd64`).
    pub fn parse(s: &str) -> Option<JitIsa> {
        match s.to_ascii_lowercase().as_str() {
            "aarch64" | "arm64" => Some(JitIsa::AArch64),
            "x86_64" | "x86-64" | "amd64" => Some(JitIsa::X86_64),
            _ => None,
        }
    }
}

#[derive(Default, Debug)]
pub struct Stats {
    pub instructions: u64,
    pub calls: u64,
    pub native_calls: u64,
    pub ic_hits: u64,
    pub ic_misses: u64,
}

pub type NativeFn = fn(&mut Vm, &CallArgs) -> JsResult<Value>;

/// Arguments of a native call: `argc` values at `regs[start..]`.
#[derive(Clone, Copy)]
pub struct CallArgs {
    pub this: Value,
    pub start: usize,
    pub argc: usize,
    pub new_target: Value,
    pub callee: Value,
}

pub struct NativeEntry {
    pub name: &'static str,
    pub f: NativeFn,
    pub length: u32,
}

/// A thrown JavaScript exception (the value is in `Vm::exception`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thrown;
pub type JsResult<T> = Result<T, Thrown>;

pub struct Vm {
    pub heap: Heap,
    pub shapes: ShapeTable,
    pub atoms: AtomTable,
    /// Bumped whenever a prototype object changes shape or an object becomes a prototype.
    pub proto_epoch: u32,
    /// The prototype whose chain has no index properties (`js::element_store`), or `EMPTY`.
    pub hole_proto: Value,
    /// The shape of iterator result objects `{value, done}` and the prototype it belongs to
    /// (`Vm::iter_result`; null until the first one).
    pub iter_result_shape: (Value, *const crate::js::shape::Shape),
    pub regs: Vec<Value>,
    pub frames: FrameStack,
    pub sp: usize,
    pub roots: Vec<Value>,
    pub codes: Vec<Box<FunctionCode>>,
    pub realm: [Value; realm::COUNT],
    pub global: Value,
    pub exception: Value,
    /// Set by process.exit: unwinds everything and ends the run.
    pub exiting: Option<i32>,
    pub out: Vec<u8>,
    pub err: Vec<u8>,
    pub opts: Options,
    pub stats: Stats,
    pub modules: HashMap<std::path::PathBuf, Value>,
    /// The ES module map (`js::esm`).
    pub esm: crate::js::esm::Registry,
    pub natives: Vec<NativeEntry>,
    pub native_depth: usize,
    /// JIT hook: when non-zero, the next `execute` runs one op of the frame at this depth
    /// (with any calls it makes) and returns the pc after it (see `Vm::step_op`).
    pub step_depth: usize,
    pub argv: Vec<String>,
    pub start_time: Instant,
    pub rng: u64,
    /// Location of the most recent throw (file, line, column) for uncaught-error reports.
    pub throw_site: Option<(String, u32, u32)>,
    /// Atoms that are symbol keys (hidden from string-key enumeration).
    pub symbol_atoms: std::collections::HashSet<crate::js::atoms::Atom>,
    /// Atoms that are private names' keys (`private_names`), hidden from every listing.
    pub private_atoms: std::collections::HashSet<crate::js::atoms::Atom>,
    /// Set when a [[Set]] fails silently (sloppy semantics); the interpreter throws for strict code.
    pub set_failed: Option<crate::js::object::SetFail>,
    /// Arrays being joined (cycle detection in `join`/`toString`; also GC roots).
    pub join_stack: Vec<Value>,
    /// The atom of `Symbol.iterator`.
    pub sym_iterator: crate::js::atoms::Atom,
    /// The atoms of the well-known symbols (`builtins::symbol::well_known`).
    pub well_known_symbols: Vec<crate::js::atoms::Atom>,
    /// The higher tier, if one is installed (`js::tiering`).
    pub tier: crate::js::tiering::TierSlot,
    /// The microtask (job) queue (`js::jobs`).
    pub jobs: std::collections::VecDeque<crate::js::jobs::Job>,
    /// node's `process.nextTick` queue, run ahead of the microtasks (`js::jobs`).
    pub ticks: std::collections::VecDeque<crate::js::jobs::Job>,
    /// Promises rejected while nothing handled them, checked after each microtask drain.
    pub pending_rejections: Vec<Value>,
    /// WeakRef / FinalizationRegistry state (`js::weak`).
    pub weak: crate::js::weak::WeakState,
    /// Set when the pending exception is an unhandled promise rejection's reason.
    pub uncaught_rejection: bool,
    /// The timer queue (`js::event_loop`).
    pub timers: crate::js::event_loop::Timers,
    /// Native entries registered once per Rust function by `Vm::native_closure`.
    pub native_ids: HashMap<usize, usize>,
    /// Compiled regular expressions by (source, flags) (`builtins::regexp`).
    pub regexps: crate::js::builtins::RegexCache,
}

impl Vm {
    pub fn new(opts: Options) -> Box<Vm> {
        let mut vm = Box::new(Vm {
            heap: Heap::new(opts.gc_stress),
            shapes: ShapeTable::new(),
            atoms: AtomTable::default(),
            proto_epoch: 1,
            hole_proto: Value::EMPTY,
            iter_result_shape: (Value::EMPTY, std::ptr::null()),
            regs: vec![Value(0); REGFILE_CAP],
            frames: FrameStack::default(),
            sp: HEADER,
            roots: Vec::new(),
            codes: Vec::new(),
            realm: [Value::UNDEFINED; realm::COUNT],
            global: Value::UNDEFINED,
            exception: Value::UNDEFINED,
            exiting: None,
            step_depth: 0,
            out: Vec::new(),
            err: Vec::new(),
            opts,
            stats: Stats::default(),
            modules: HashMap::new(),
            esm: Default::default(),
            natives: Vec::new(),
            native_depth: 0,
            argv: Vec::new(),
            start_time: Instant::now(),
            rng: 0x2545_F491_4F6C_DD1D,
            throw_site: None,
            symbol_atoms: Default::default(),
            private_atoms: Default::default(),
            join_stack: Vec::new(),
            set_failed: None,
            sym_iterator: crate::js::atoms::Atom(0),
            well_known_symbols: Vec::new(),
            tier: Default::default(),
            jobs: Default::default(),
            ticks: Default::default(),
            pending_rejections: Vec::new(),
            weak: Default::default(),
            uncaught_rejection: false,
            timers: Default::default(),
            native_ids: HashMap::new(),
            regexps: Default::default(),
        });
        for name in crate::js::atoms::PREDEFINED {
            vm.intern(name);
        }
        crate::js::builtins::install(&mut vm);
        vm
    }

    /// Runs a collection now: marks from every root, then sweeps.
    pub fn collect_garbage(&mut self) {
        let t = Instant::now();
        let mut m = crate::js::heap::gc::Marker::new(&self.heap);
        // A root, so that the cached pointer never names a freed (and reused) cell.
        m.mark(self.hole_proto);
        m.mark_all(&self.regs[..self.sp]);
        m.mark_all(&self.roots);
        m.mark_all(&self.join_stack);
        m.mark_all(&self.realm);
        m.mark(self.global);
        m.mark(self.exception);
        // Atom strings are permanent cells (see heap::gc::PERMANENT).
        for c in &self.codes {
            m.mark_all(&c.consts);
        }
        for v in self.modules.values() {
            m.mark(*v);
        }
        self.esm.mark(&mut m);
        for j in self.jobs.iter().chain(&self.ticks) {
            m.mark_all(&j.vals);
        }
        m.mark_all(&self.pending_rejections);
        self.timers.mark(&mut m);
        self.weak.mark_roots(&mut m);
        m.drain();
        self.finish_weak_marking(&mut m);
        let mark_time = t.elapsed();
        self.heap.mark_nanos += mark_time.as_nanos();
        self.heap.sweep(&m, mark_time);
        self.heap.gc_nanos += t.elapsed().as_nanos();
    }

    /// Collects if an allocation asked for it. Call only at safepoints.
    #[inline]
    pub fn safepoint(&mut self) {
        if self.heap.gc_requested {
            self.collect_garbage();
        }
    }

    pub fn write_out(&mut self, s: &[u8]) {
        self.out.extend_from_slice(s);
        if self.opts.stream && self.out.len() > 1 << 14 {
            self.flush_out();
        }
    }
    pub fn flush_out(&mut self) {
        if self.opts.stream {
            use std::io::Write;
            let mut o = std::io::stdout().lock();
            let _ = o.write_all(&self.out);
            let _ = o.flush();
            self.out.clear();
        }
    }
}
