//! The x86-64 back end's register assignment (its one owner), and the leaf-function harness.
//!
//! Fifteen general registers (all but `rsp`) for eight template scratch registers, the value
//! layer's two temporaries, the two pinned registers and the macro-assembler's own
//! temporaries. The instructions with fixed registers decide the private ones:
//!
//! | registers | role |
//! | --- | --- |
//! | rdi, rsi, r8, r9, r10, r12, r13, rdx | `Reg(0)`..`Reg(7)`, template scratch |
//! | rbx, rbp | [`Reg::T0`], [`Reg::T1`], the value layer's temporaries |
//! | r14 | [`Reg::FRAME`] (callee-saved: survives helper calls) |
//! | r15 | [`Reg::VM`] (callee-saved) |
//! | r11 | private: immediates and displacements that do not fit an instruction |
//! | rcx | private: the count of a variable shift or rotate (`cl`); a second temporary |
//! | rax | private: dividend and quotient of `div`/`idiv`; a third temporary |
//! | xmm0–xmm7, xmm8 | `FReg(0)`..`FReg(7)`, [`FReg::T0`] |
//! | xmm15, xmm14 | private FP temporaries |
//!
//! `rdx` is the one register that is both assignable and fixed by an instruction (the high
//! half of a dividend, the remainder): `div_op` keeps whatever `Reg` lives there — the
//! divisor it moves to `rcx` first, any other value it saves in `r11` and restores after
//! the division. Nothing else uses a fixed register. `Reg(7)` is the scratch register
//! templates use least. With `rbp` assigned, compiled code keeps no frame pointer chain.
//!
//! The runtime calling convention over these registers (result register, helper
//! arguments, machine frame) is in `runtime.rs`.
//!
//! Leaf functions (the conformance table, tools) follow System V: arguments in rdi and rsi,
//! result in rax, rbx/rbp/r12–r15 preserved, rsp 16-byte aligned at any call.

use super::masm::X64Masm;
use crate::asm::x86_64::{
    R8, R9, R10, R11, R12, R13, R14, R15, RAX, RBP, RBX, RCX, RDI, RDX, RSI, RSP, Reg32, Reg64, Xmm,
};
use crate::exec::x86_64::entry::{REG_FILE, VM as VM_REG};
use crate::jit::masm::{
    FP_SCRATCH_REGS, FReg, LOCAL_BASE, MacroAssembler, MasmResult, Reg, SCRATCH_REGS,
};

use super::cpu::CpuFeatures;

/// The machine registers of `Reg(0)`..`Reg(7)`.
const SCRATCH: [Reg64; SCRATCH_REGS as usize] = [RDI, RSI, R8, R9, R10, R12, R13, RDX];
/// The pinned registers are the exec layer's entry stub's (`exec::x86_64::entry`).
pub(super) const FRAME: Reg64 = REG_FILE;
pub(super) const VM: Reg64 = VM_REG;
/// The private temporary for immediates (never a [`Reg`]).
pub(super) const IMM: Reg64 = R11;
/// The shift-count register, also a private temporary.
pub(super) const CNT: Reg64 = RCX;
/// The dividend/quotient register, also a private temporary.
pub(super) const ACC: Reg64 = RAX;
/// The remainder register: assigned to a [`Reg`] (see the module comment).
pub(super) const REM: Reg64 = RDX;
/// The private FP temporaries.
pub(super) const FTMP: Xmm = Xmm::ALL[15];
pub(super) const FTMP2: Xmm = Xmm::ALL[14];

/// The callee-saved registers of System V a leaf function preserves (all of them are
/// assigned).
const CALLEE_SAVED: [Reg64; 6] = [RBX, RBP, R12, R13, R14, R15];

/// The machine register of `r`.
pub(super) fn q(r: Reg) -> Reg64 {
    match r {
        Reg::FRAME => FRAME,
        Reg::VM => VM,
        Reg::T0 => RBX,
        Reg::T1 => RBP,
        Reg(n) => {
            debug_assert!(n < SCRATCH_REGS, "no register {n}");
            SCRATCH[n as usize]
        }
    }
}

/// The 32-bit view of `r`.
pub(super) fn d(r: Reg) -> Reg32 {
    q(r).r32()
}

/// The SSE register of `r`: xmm0–xmm7, then xmm8; `FReg::local(i)` is xmm9 + i (up to
/// xmm13; xmm14 and xmm15 are the macro-assembler's own).
pub(super) fn x(r: FReg) -> Xmm {
    if r == FReg::T0 {
        Xmm::ALL[8]
    } else if r.0 >= LOCAL_BASE {
        debug_assert!(r.0 - LOCAL_BASE < 5, "no local FP register {}", r.0);
        Xmm::ALL[9 + (r.0 - LOCAL_BASE) as usize]
    } else {
        debug_assert!(r.0 < FP_SCRATCH_REGS, "no FP register {}", r.0);
        Xmm::ALL[r.0 as usize]
    }
}

impl X64Masm {
    /// A leaf function around `body`, for running macro-assembler code on its own (the
    /// conformance table, tools): System V `f(rdi, rsi) -> rax`, with the arguments in
    /// `Reg(0)` and `Reg(1)` and the result taken from `Reg(2)`; every callee-saved register
    /// is preserved and the stack stays 16-byte aligned.
    pub fn leaf_function(body: impl FnOnce(&mut X64Masm) -> MasmResult) -> MasmResult<Vec<u8>> {
        X64Masm::leaf_function_with(CpuFeatures::detect(), body)
    }

    /// [`X64Masm::leaf_function`] with the CPU features code may use given (to test the
    /// fallbacks on a CPU that has the features).
    pub fn leaf_function_with(
        features: CpuFeatures,
        body: impl FnOnce(&mut X64Masm) -> MasmResult,
    ) -> MasmResult<Vec<u8>> {
        let mut m = X64Masm::with_features(features);
        for r in CALLEE_SAVED {
            m.a.push_r(r);
        }
        // Return address + six pushes = 56 bytes: 8 more keep rsp 16-byte aligned.
        m.a.sub_ri(RSP, 8);
        // The arguments may land in each other's registers: through the temporaries.
        m.a.mov_rr(ACC, RDI);
        m.a.mov_rr(IMM, RSI);
        m.a.mov_rr(q(Reg(0)), ACC);
        m.a.mov_rr(q(Reg(1)), IMM);
        body(&mut m)?;
        m.a.mov_rr(RAX, q(Reg(2)));
        m.a.add_ri(RSP, 8);
        for r in CALLEE_SAVED.into_iter().rev() {
            m.a.pop_r(r);
        }
        m.a.ret();
        crate::jit::values::ValueOps::emit_deferred(&mut m)?;
        m.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jit::masm::FP_SCRATCH_REGS;

    /// Every `Reg` the trait names, in order.
    fn all_regs() -> Vec<Reg> {
        let mut regs: Vec<Reg> = (0..SCRATCH_REGS).map(Reg).collect();
        regs.extend([Reg::T0, Reg::T1, Reg::FRAME, Reg::VM]);
        regs
    }

    #[test]
    fn registers_are_distinct_and_never_private() {
        let machine: Vec<Reg64> = all_regs().into_iter().map(q).collect();
        for (i, r) in machine.iter().enumerate() {
            assert!(!machine[..i].contains(r), "{r:?} assigned twice");
            assert!(![RSP, IMM, CNT, ACC].contains(r), "{r:?} is private");
        }
        let fp: Vec<Xmm> = (0..FP_SCRATCH_REGS)
            .map(FReg)
            .chain([FReg::T0])
            .map(x)
            .collect();
        for (i, r) in fp.iter().enumerate() {
            assert!(!fp[..i].contains(r), "{r:?} assigned twice");
            assert!(![FTMP, FTMP2].contains(r), "{r:?} is private");
        }
    }

    #[test]
    fn pinned_registers_survive_calls() {
        assert!(CALLEE_SAVED.contains(&q(Reg::FRAME)));
        assert!(CALLEE_SAVED.contains(&q(Reg::VM)));
        // The only assigned register an instruction fixes is the remainder's.
        assert_eq!(
            all_regs().into_iter().filter(|&r| q(r) == REM).count(),
            1,
            "rdx is one Reg"
        );
    }
}
