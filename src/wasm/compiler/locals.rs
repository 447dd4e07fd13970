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
/// Returns the register locals and, where the back end has registers to spare and the
/// function touches memory, a register for the memory's base.
pub(super) fn choose<M: MacroAssembler>(
    locals: &[ValType],
    mut reader: wasmparser::OperatorsReader<'_>,
) -> (Vec<Option<LocalReg>>, Option<Reg>) {
    let mut memory_ops = 0u64;
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
            ref op if is_access(op) => memory_ops += 1u64 << (3 * depth.min(6)),
            _ => {}
        }
    }
    let mut order: Vec<usize> = (0..locals.len()).filter(|&i| weight[i] >= 2).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(weight[i]), i));
    let mut out = vec![None; locals.len()];
    // The base goes in the last register when there are plenty (not on x86-64, whose local
    // registers are taken from the scratch pool).
    let base = (memory_ops >= 2 && M::LOCAL_REGS.len() >= 6)
        .then(|| M::LOCAL_REGS[M::LOCAL_REGS.len() - 1]);
    let int_regs = &M::LOCAL_REGS[..M::LOCAL_REGS.len() - base.is_some() as usize];
    let (mut ints, mut fps) = (int_regs.iter(), M::LOCAL_FREGS.iter());
    for i in order {
        out[i] = if locals[i].is_float() {
            fps.next().map(|&f| LocalReg::Fp(f))
        } else {
            ints.next().map(|&r| LocalReg::Int(r))
        };
    }
    (out, base)
}

/// Whether `op` loads or stores linear memory.
fn is_access(op: &Operator<'_>) -> bool {
    use Operator as O;
    matches!(
        op,
        O::I32Load { .. }
            | O::I64Load { .. }
            | O::F32Load { .. }
            | O::F64Load { .. }
            | O::I32Load8S { .. }
            | O::I32Load8U { .. }
            | O::I32Load16S { .. }
            | O::I32Load16U { .. }
            | O::I64Load8S { .. }
            | O::I64Load8U { .. }
            | O::I64Load16S { .. }
            | O::I64Load16U { .. }
            | O::I64Load32S { .. }
            | O::I64Load32U { .. }
            | O::I32Store { .. }
            | O::I64Store { .. }
            | O::F32Store { .. }
            | O::F64Store { .. }
            | O::I32Store8 { .. }
            | O::I32Store16 { .. }
            | O::I64Store8 { .. }
            | O::I64Store16 { .. }
            | O::I64Store32 { .. }
    )
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

    /// Reads every register local back from its slot, and the memory base from the
    /// context (after a call, and at entry).
    pub(super) fn reload_locals(&mut self) -> MasmResult {
        if let Some(base) = self.mem_base {
            let at = crate::jit::masm::Address::at(Reg::VM, crate::wasm::ctx::field::MEM_BASE);
            self.m.load(base, at, Width::W64, false, Size::S64)?;
        }
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
