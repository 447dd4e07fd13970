//! Locals kept in registers for the whole function: a scan before compiling counts each
//! local's reads and writes (weighted by loop depth) and gives the back end's local
//! registers ([`crate::jit::masm::MacroAssembler::LOCAL_REGS`]) to the busiest integer and
//! floating-point locals. A register local's frame slot is only where the value waits
//! across calls: written before every call and read back after, since calls clobber these
//! registers. Everywhere else — control-flow merges included — the value is
//! in its register, so merges need nothing.

use wasmparser::Operator;

use crate::jit::abi::RuntimeAbi;
use crate::jit::masm::{FReg, MacroAssembler, MasmResult, Reg, SCRATCH_REGS, Size, Width};
use crate::wasm::types::ValType;

use super::Codegen;
use super::stack::{fsize, slot};

/// Where a register local lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LocalReg {
    Int(Reg),
    Fp(FReg),
}

/// Chooses register locals: `locals` are the function's local types, `reader` its code.
pub(super) fn choose<M: MacroAssembler>(
    locals: &[ValType],
    mut reader: wasmparser::OperatorsReader<'_>,
) -> Vec<Option<LocalReg>> {
    let mut weight = vec![0u64; locals.len()];
    let mut depth = 0u32;
    let mut loops: Vec<bool> = Vec::new();
    while !reader.eof() {
        let Ok(op) = reader.read() else { break };
        match op {
            Operator::Loop { .. } => {
                loops.push(true);
                depth += 1;
            }
            Operator::Block { .. } | Operator::If { .. } => loops.push(false),
            Operator::End => depth -= u32::from(loops.pop() == Some(true)),
            Operator::LocalGet { local_index }
            | Operator::LocalSet { local_index }
            | Operator::LocalTee { local_index } => {
                weight[local_index as usize] += 1u64 << (3 * depth.min(6));
            }
            _ => {}
        }
    }
    let mut order: Vec<usize> = (0..locals.len()).filter(|&i| weight[i] >= 2).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(weight[i]), i));
    let mut out = vec![None; locals.len()];
    let (mut ints, mut fps) = (M::LOCAL_REGS.iter(), M::LOCAL_FREGS.iter());
    for i in order {
        out[i] = if locals[i].is_float() {
            fps.next().map(|&f| LocalReg::Fp(f))
        } else {
            ints.next().map(|&r| LocalReg::Int(r))
        };
    }
    out
}

impl<M: RuntimeAbi> Codegen<'_, M> {
    /// The scratch registers the value stack may use: all but those holding locals.
    pub(super) fn scratch_mask(&self) -> u16 {
        let mut mask: u16 = (1 << SCRATCH_REGS) - 1;
        for r in self.local_regs.iter().flatten() {
            if let LocalReg::Int(Reg(n)) = *r
                && n < SCRATCH_REGS
            {
                mask &= !(1 << n);
            }
        }
        mask
    }

    /// The register local `i` lives in, if any.
    pub(super) fn local_reg(&self, i: u32) -> Option<LocalReg> {
        self.local_regs[i as usize]
    }

    /// Writes the register locals to their slots (before a call). All of them: which were
    /// changed since the last call depends on the path taken (a loop's back edge), which a
    /// single pass does not know at the call.
    pub(super) fn flush_locals(&mut self) -> MasmResult {
        for i in 0..self.local_regs.len() {
            self.store_local(i)?;
        }
        Ok(())
    }

    fn store_local(&mut self, i: usize) -> MasmResult {
        match self.local_regs[i] {
            Some(LocalReg::Int(r)) => self.m.store(r, slot(i), Width::W64),
            Some(LocalReg::Fp(f)) => self.m.fstore(f, slot(i), fsize(self.locals[i])),
            None => Ok(()),
        }
    }

    /// Reads every register local back from its slot (after a call, and at entry).
    pub(super) fn reload_locals(&mut self) -> MasmResult {
        for i in 0..self.local_regs.len() {
            match self.local_regs[i] {
                Some(LocalReg::Int(r)) => self.m.load(r, slot(i), Width::W64, false, Size::S64)?,
                Some(LocalReg::Fp(f)) => self.m.fload(f, slot(i), fsize(self.locals[i]))?,
                None => {}
            }
        }
        Ok(())
    }
}
