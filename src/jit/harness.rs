//! Leaf functions of any back end, run on this host: what the macro-assembler conformance
//! table (`tests/masm_conformance.rs`) needs to turn a piece of macro-assembler code into a
//! callable function and call it, the same way for every back end — AArch64 code through the
//! exec layer (natively on aarch64, Unicorn elsewhere), x86-64 code natively on x86-64 hosts.

use std::fmt;

use crate::codemem::CodePtr;
use crate::exec::{self, ExecError};
use crate::jit::aarch64::A64Masm;
use crate::jit::masm::{MacroAssembler, MasmResult};

/// A back end whose code this host can run as leaf functions.
pub trait LeafBackend: MacroAssembler + Sized {
    /// The back end's ISA, for reports.
    const ISA: &'static str;
    /// A way of generating code worth testing on its own (for x86-64: the optional CPU
    /// instructions it may use).
    type Config: Copy + fmt::Debug;

    /// The configurations to test on this host: what it supports, and every fallback.
    fn configs() -> Vec<Self::Config>;

    /// A leaf function around `body`: `f(a, b)` with `a` in `Reg(0)` and `b` in `Reg(1)`,
    /// returning `Reg(2)`, in the host's calling convention for the back end's ISA.
    fn leaf_function(
        config: Self::Config,
        body: impl FnOnce(&mut Self) -> MasmResult,
    ) -> MasmResult<Vec<u8>>;

    /// Calls the leaf function at `code` with `a` and `b`.
    ///
    /// # Safety
    /// `code` must be a published leaf function of this back end, correct for these
    /// arguments (it may read and write any memory they let it reach).
    unsafe fn call_leaf(code: CodePtr, a: u64, b: u64) -> Result<u64, ExecError>;
}

impl LeafBackend for A64Masm {
    const ISA: &'static str = "AArch64";
    type Config = ();

    fn configs() -> Vec<()> {
        vec![()]
    }

    fn leaf_function(
        _config: (),
        body: impl FnOnce(&mut A64Masm) -> MasmResult,
    ) -> MasmResult<Vec<u8>> {
        A64Masm::leaf_function(body)
    }

    unsafe fn call_leaf(code: CodePtr, a: u64, b: u64) -> Result<u64, ExecError> {
        // SAFETY: forwarded contract; `exec::call` runs AArch64 code on any host it can.
        unsafe { exec::call(code, &[a, b]) }
    }
}

#[cfg(target_arch = "x86_64")]
impl LeafBackend for crate::jit::x86_64::X64Masm {
    const ISA: &'static str = "x86-64";
    type Config = crate::jit::x86_64::CpuFeatures;

    fn configs() -> Vec<Self::Config> {
        use crate::jit::x86_64::CpuFeatures;
        let host = CpuFeatures::detect();
        if host.any() {
            vec![host, CpuFeatures::BASELINE]
        } else {
            vec![host]
        }
    }

    fn leaf_function(
        config: Self::Config,
        body: impl FnOnce(&mut Self) -> MasmResult,
    ) -> MasmResult<Vec<u8>> {
        Self::leaf_function_with(config, body)
    }

    unsafe fn call_leaf(code: CodePtr, a: u64, b: u64) -> Result<u64, ExecError> {
        // SAFETY: forwarded contract; the host runs x86-64 code natively.
        Ok(unsafe { exec::x86_64::native::call(code, &[a, b]) })
    }
}
