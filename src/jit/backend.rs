//! The one place that chooses the JIT's back end, once per VM (at install): its
//! macro-assembler (the compiler and templates are generic over it), its ISA's name, its
//! disassembler, and the executor that runs its code (`exec`'s for that ISA: the entry stub,
//! helper addresses, the stack its code runs on).
//!
//! On x86-64 hosts the default is the native x86-64 back end, and `--jit-isa aarch64` selects
//! AArch64 code in Unicorn (developers keep testing it on x86 laptops); on aarch64 hosts the
//! default is AArch64, natively; elsewhere AArch64 in Unicorn (when built with it).

use crate::codemem::CodePtr;
use crate::exec::{self, Backend as Executor, ExecError, Exit, HelperFn, StackRange, VmRegs};
use crate::jit::aarch64::{self, A64Masm};
use crate::jit::compiler::{self, Config, Output};
use crate::jit::masm::MasmResult;
use crate::jit::x86_64::{self, X64Masm};
use crate::js::JitIsa;
use crate::js::bytecode::FunctionCode;

/// A disassembler: `(offset, text)` for each instruction of `bytes[from..to]`.
pub type Disassembler = fn(&[u8], usize, usize) -> Vec<(usize, String)>;

/// One back end: how its code is made, listed and run.
pub struct BackEnd {
    pub isa: JitIsa,
    /// The ISA's name for people (`--stats`, `--help`, `--print-code`).
    pub name: &'static str,
    /// How this build runs its code.
    pub executor: Executor,
    /// Compiles a function with this back end's macro-assembler.
    pub compile: fn(&FunctionCode, &Config) -> MasmResult<Output>,
    /// Runs its code through its executor's entry stub (see `exec::aarch64::entry::enter`).
    pub enter: unsafe fn(CodePtr, VmRegs, u64) -> Result<Exit, ExecError>,
    /// Its disassembler: `(offset, text)` for `bytes[from..to]`.
    pub disassemble: Disassembler,
    /// The address its code calls for a Rust helper.
    pub helper_addr: fn(HelperFn) -> usize,
    /// The stack its code runs on in this thread.
    pub stack_range: fn() -> StackRange,
    /// Whether a call made now may nest one level deeper (see `exec::can_nest`).
    pub can_nest: fn() -> bool,
}

fn compile_a64(code: &FunctionCode, cfg: &Config) -> MasmResult<Output> {
    compiler::compile(A64Masm::new(), code, cfg)
}

fn compile_x64(code: &FunctionCode, cfg: &Config) -> MasmResult<Output> {
    compiler::compile(X64Masm::new(), code, cfg)
}

/// The AArch64 back end: natively on aarch64 hosts, in Unicorn elsewhere.
pub static AARCH64: BackEnd = BackEnd {
    isa: JitIsa::AArch64,
    name: "AArch64",
    executor: exec::BACKEND,
    compile: compile_a64,
    enter: exec::aarch64::entry::enter,
    disassemble: aarch64::disasm::disassemble,
    helper_addr: exec::aarch64::helpers::helper_addr,
    stack_range: exec::stack_range,
    can_nest: exec::can_nest,
};

/// The x86-64 back end: natively on x86-64 hosts.
pub static X86_64: BackEnd = BackEnd {
    isa: JitIsa::X86_64,
    name: "x86-64",
    executor: exec::x86_64::EXECUTOR,
    compile: compile_x64,
    enter: exec::x86_64::entry::enter,
    disassemble: x86_64::disasm::disassemble,
    helper_addr: exec::x86_64::helper_addr,
    stack_range: exec::x86_64::stack_range,
    can_nest: exec::x86_64::can_nest,
};

/// The back end of `isa`.
pub fn of(isa: JitIsa) -> &'static BackEnd {
    match isa {
        JitIsa::AArch64 => &AARCH64,
        JitIsa::X86_64 => &X86_64,
    }
}

/// The back end used without `--jit-isa`: the host's ISA where it runs natively, else
/// AArch64 (in Unicorn, if this build has it).
pub fn host_default() -> &'static BackEnd {
    if X86_64.executor == Executor::Native {
        &X86_64
    } else {
        &AARCH64
    }
}

/// The back end for the option `isa` (`None`: [`host_default`]).
pub fn select(isa: Option<JitIsa>) -> &'static BackEnd {
    isa.map_or_else(host_default, of)
}

/// The back ends whose code this build can run, the default first (for tests and `--help`).
pub fn available() -> Vec<&'static BackEnd> {
    let first = host_default();
    let other = if first.isa == JitIsa::AArch64 {
        &X86_64
    } else {
        &AARCH64
    };
    [first, other]
        .into_iter()
        .filter(|b| b.executor != Executor::Unavailable)
        .collect()
}

/// Parses a `--jit-isa` value: an ISA whose code this build can run, or why not.
pub fn parse_isa(s: &str) -> Result<JitIsa, String> {
    let names: Vec<&str> = JitIsa::ALL.iter().map(|i| i.name()).collect();
    let isa = JitIsa::parse(s).ok_or_else(|| {
        format!(
            "--jit-isa: unknown ISA '{s}' (expected one of: {})",
            names.join(", ")
        )
    })?;
    if of(isa).executor == Executor::Unavailable {
        return Err(format!(
            "--jit-isa {}: this build cannot run {} code on this host",
            isa.name(),
            of(isa).name
        ));
    }
    Ok(isa)
}

/// How the back end runs its code, for `--stats` and `--help`.
pub fn executor_name(b: &BackEnd) -> &'static str {
    match b.executor {
        Executor::Native => "native",
        Executor::Emulated => "Unicorn emulator",
        Executor::Unavailable => "none (interpreter only)",
    }
}
