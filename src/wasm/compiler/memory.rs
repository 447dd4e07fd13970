//! Linear memory: loads and stores of every width, `memory.size`, and the operations the
//! runtime helper does (`memory.grow`, bulk memory).
//!
//! An access computes `base + zero-extended address + offset`. With explicit bounds checks
//! it first compares `address + offset + width` with the memory's current size (a trap when
//! above); without them accesses rely on the reservation's guard region (any 32-bit address
//! plus any 32-bit offset lands inside it, so an access out of bounds faults) — except
//! unaligned wider stores, which are checked (out of line): one that straddles the end of
//! memory must not write its in-bounds bytes, which a faulting store may already have done.

use wasmparser::{MemArg, Operator};

use crate::jit::abi::RuntimeAbi;
use crate::jit::masm::{Address, IntCond, IntOp, MasmResult, Reg, Size, Width, imm};
use crate::wasm::ctx::{RtOp, TrapCode, field};
use crate::wasm::types::ValType;

use super::locals::LocalReg;
use super::stack::{Loc, fsize};
use super::{Codegen, StoreValue};

/// A load: width, sign extension, result type.
fn load_kind(op: &Operator<'_>) -> Option<(MemArg, Width, bool, ValType)> {
    use Operator as O;
    use ValType::*;
    use Width::*;
    Some(match *op {
        O::I32Load { memarg } => (memarg, W32, false, I32),
        O::I64Load { memarg } => (memarg, W64, false, I64),
        O::F32Load { memarg } => (memarg, W32, false, F32),
        O::F64Load { memarg } => (memarg, W64, false, F64),
        O::I32Load8S { memarg } => (memarg, W8, true, I32),
        O::I32Load8U { memarg } => (memarg, W8, false, I32),
        O::I32Load16S { memarg } => (memarg, W16, true, I32),
        O::I32Load16U { memarg } => (memarg, W16, false, I32),
        O::I64Load8S { memarg } => (memarg, W8, true, I64),
        O::I64Load8U { memarg } => (memarg, W8, false, I64),
        O::I64Load16S { memarg } => (memarg, W16, true, I64),
        O::I64Load16U { memarg } => (memarg, W16, false, I64),
        O::I64Load32S { memarg } => (memarg, W32, true, I64),
        O::I64Load32U { memarg } => (memarg, W32, false, I64),
        _ => return None,
    })
}

/// A store: width.
fn store_kind(op: &Operator<'_>) -> Option<(MemArg, Width)> {
    use Operator as O;
    use Width::*;
    Some(match *op {
        O::I32Store { memarg } | O::F32Store { memarg } | O::I64Store32 { memarg } => (memarg, W32),
        O::I64Store { memarg } | O::F64Store { memarg } => (memarg, W64),
        O::I32Store8 { memarg } | O::I64Store8 { memarg } => (memarg, W8),
        O::I32Store16 { memarg } | O::I64Store16 { memarg } => (memarg, W16),
        _ => return None,
    })
}

impl<M: RuntimeAbi> Codegen<'_, M> {
    /// Compiles memory operators; false for any other operator.
    pub(super) fn memory_op(&mut self, op: &Operator<'_>) -> MasmResult<bool> {
        if let Some((memarg, width, signed, ty)) = load_kind(op) {
            self.load(memarg, width, signed, ty)?;
            return Ok(true);
        }
        if let Some((memarg, width)) = store_kind(op) {
            self.store(memarg, width)?;
            return Ok(true);
        }
        match *op {
            Operator::MemorySize { .. } => {
                let r = self.alloc()?;
                let size = Address::at(Reg::VM, field::MEM_SIZE);
                self.m.load(r, size, Width::W64, false, Size::S64)?;
                self.m.int_op(IntOp::ShrU, r, r, imm(16), Size::S64)?;
                self.push_reg(ValType::I32, r);
            }
            Operator::MemoryGrow { .. } => {
                self.runtime_call(RtOp::MemoryGrow, 0, None, 1, &[ValType::I32])?
            }
            Operator::MemoryFill { .. } => self.runtime_call(RtOp::MemoryFill, 0, None, 3, &[])?,
            Operator::MemoryCopy { .. } => self.runtime_call(RtOp::MemoryCopy, 0, None, 3, &[])?,
            Operator::MemoryInit { data_index, .. } => {
                self.runtime_call(RtOp::MemoryInit, data_index, None, 3, &[])?
            }
            Operator::DataDrop { data_index } => {
                self.runtime_call(RtOp::DataDrop, data_index, None, 0, &[])?
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// The address of an access of `width` bytes at `addr` + `offset`, compared with the
    /// memory's size first if `check` (clobbers T0 and T1; `addr` stays intact).
    fn effective(
        &mut self,
        addr: Reg,
        offset: u64,
        width: Width,
        check: bool,
    ) -> MasmResult<Address> {
        let base_field = Address::at(Reg::VM, field::MEM_BASE);
        if check {
            let bytes = width.bytes() as u64;
            let oob = self.trap_label(TrapCode::MemoryOutOfBounds);
            self.m.mov(Reg::T0, addr.into(), Size::S32);
            self.m
                .int_op(IntOp::Add, Reg::T0, Reg::T0, imm(offset + bytes), Size::S64)?;
            let size = Address::at(Reg::VM, field::MEM_SIZE);
            self.m.load(Reg::T1, size, Width::W64, false, Size::S64)?;
            self.m
                .branch(IntCond::GtU, Reg::T0, Reg::T1.into(), oob, Size::S64);
            let base = match self.mem_base {
                Some(b) => {
                    self.m
                        .int_op(IntOp::Sub, Reg::T0, Reg::T0, imm(bytes), Size::S64)?;
                    b
                }
                None => {
                    self.m
                        .load(Reg::T1, base_field, Width::W64, false, Size::S64)?;
                    self.m
                        .int_op(IntOp::Sub, Reg::T1, Reg::T1, imm(bytes), Size::S64)?;
                    Reg::T1
                }
            };
            return Ok(Address::Indexed {
                base,
                index: Reg::T0,
                shift: 0,
                index_u32: false,
            });
        }
        let base = match self.mem_base {
            Some(b) => b,
            None => {
                self.m
                    .load(Reg::T1, base_field, Width::W64, false, Size::S64)?;
                Reg::T1
            }
        };
        if offset == 0 {
            return Ok(Address::u32_index(base, addr, 0));
        }
        self.m.mov(Reg::T0, addr.into(), Size::S32);
        self.m
            .int_op(IntOp::Add, Reg::T0, Reg::T0, imm(offset), Size::S64)?;
        Ok(Address::Indexed {
            base,
            index: Reg::T0,
            shift: 0,
            index_u32: false,
        })
    }

    /// Records the access emitted since code offset `start` as one that may fault.
    fn note_site(&mut self, start: usize) {
        if !self.cfg.bounds_checks {
            self.mem_sites.push(super::MemSite {
                start: start as u32,
                end: self.m.offset() as u32,
                wasm: self.offset as u32,
            });
        }
    }

    /// With guard pages, a constant address plus the offset that fits a displacement
    /// (popped): the access then needs no address arithmetic.
    fn pop_const_address(&mut self, offset: u64) -> Option<u64> {
        let top = self.stack.last()?;
        let Loc::Const(c) = top.loc else {
            return None;
        };
        let at = (c as u32 as u64).checked_add(offset)?;
        if self.cfg.bounds_checks || at > i32::MAX as u64 {
            return None;
        }
        self.stack.pop();
        Some(at)
    }

    /// The address of byte `at` of memory (guard pages catch what lies beyond it).
    fn const_effective(&mut self, at: u64) -> MasmResult<Address> {
        let base = match self.mem_base {
            Some(b) => b,
            None => {
                let base_field = Address::at(Reg::VM, field::MEM_BASE);
                self.m
                    .load(Reg::T1, base_field, Width::W64, false, Size::S64)?;
                Reg::T1
            }
        };
        Ok(Address::at(base, at as i32))
    }

    fn load(&mut self, memarg: MemArg, width: Width, signed: bool, ty: ValType) -> MasmResult {
        let constant = self.pop_const_address(memarg.offset);
        let (addr, owned) = match constant {
            Some(_) => (Reg::T0, false),
            None => self.pop_src()?,
        };
        let fused = self.fuse_local_set()?;
        let at = |cg: &mut Self| match constant {
            Some(at) => cg.const_effective(at),
            None => cg.effective(addr, memarg.offset, width, cg.cfg.bounds_checks),
        };
        if ty.is_float() {
            let f = match fused {
                Some(LocalReg::Fp(f)) => f,
                _ => self.alloc_f()?,
            };
            let at = at(self)?;
            let start = self.m.offset();
            self.m.fload(f, at, fsize(ty))?;
            self.note_site(start);
            self.free_reg(addr);
            return match fused {
                Some(_) => self.fused_set(ty),
                None => {
                    self.push_freg(ty, f);
                    Ok(())
                }
            };
        }
        let dst = match fused {
            Some(LocalReg::Int(r)) => r,
            _ if owned => addr,
            _ => self.alloc()?,
        };
        let at = at(self)?;
        let size = super::stack::int_size(ty);
        let start = self.m.offset();
        self.m.load(dst, at, width, signed, size)?;
        self.note_site(start);
        if fused.is_some() {
            if owned {
                self.free_reg(addr);
            }
            return self.fused_set(ty);
        }
        self.push_reg(ty, dst);
        Ok(())
    }

    fn store(&mut self, memarg: MemArg, width: Width) -> MasmResult {
        let ty = self.stack.last().expect("validated").ty;
        let (value, owned) = if ty.is_float() {
            let (f, owned) = self.pop_fsrc()?;
            (StoreValue::Float(f, fsize(ty)), owned)
        } else {
            (StoreValue::Int(self.pop_bits()?), true)
        };
        let offset = memarg.offset;
        let bytes = width.bytes() as u64;
        if let Some(at) = self.pop_const_address(offset) {
            if at.is_multiple_of(bytes) {
                // Aligned and constant: cannot straddle the end (see below).
                let address = self.const_effective(at)?;
                let start = self.m.offset();
                self.store_to(value, address, width)?;
                self.note_site(start);
                self.free_value(value, owned);
                return Ok(());
            }
            self.push(ValType::I32, Loc::Const(at - offset));
        }
        let (addr, _) = self.pop_src()?;
        if self.cfg.bounds_checks || (bytes > 1 && !offset.is_multiple_of(bytes)) {
            self.checked_store(value, addr, offset, width)?;
        } else if bytes == 1 {
            self.guarded_store(value, addr, offset, width)?;
        } else {
            // With guard pages, an aligned store cannot straddle the end of memory (its size
            // is a multiple of the page): the guard page catches it whole. An unaligned one
            // might, and is checked out of line.
            let back = self.m.new_label();
            let slow = self.unaligned_store_label(back, value, addr, offset, width);
            self.m
                .branch_mask(addr, imm(bytes - 1), true, slow, Size::S32);
            self.guarded_store(value, addr, offset, width)?;
            self.m.bind(back)?;
        }
        self.free_value(value, owned);
        self.free_reg(addr);
        Ok(())
    }

    fn free_value(&mut self, value: StoreValue, owned: bool) {
        match value {
            StoreValue::Int(r) => self.free_reg(r),
            StoreValue::Float(f, _) if owned => self.free_freg(f),
            StoreValue::Float(..) => {}
        }
    }

    fn store_to(&mut self, value: StoreValue, at: Address, width: Width) -> MasmResult {
        match value {
            StoreValue::Int(r) => self.m.store(r, at, width),
            StoreValue::Float(f, size) => self.m.fstore(f, at, size),
        }
    }

    /// A store the guard region protects (it may fault: a recorded site).
    fn guarded_store(
        &mut self,
        value: StoreValue,
        addr: Reg,
        offset: u64,
        width: Width,
    ) -> MasmResult {
        let at = self.effective(addr, offset, width, false)?;
        let start = self.m.offset();
        self.store_to(value, at, width)?;
        self.note_site(start);
        Ok(())
    }

    /// A store checked against the memory's size first (it cannot fault).
    pub(super) fn checked_store(
        &mut self,
        value: StoreValue,
        addr: Reg,
        offset: u64,
        width: Width,
    ) -> MasmResult {
        let at = self.effective(addr, offset, width, true)?;
        self.store_to(value, at, width)
    }

    /// Calls the runtime helper for `op` with the top `nargs` values as its operands; its
    /// `results` replace them.
    pub(super) fn runtime_call(
        &mut self,
        op: RtOp,
        imm1: u32,
        imm2: Option<u32>,
        nargs: usize,
        results: &[ValType],
    ) -> MasmResult {
        self.spill_all()?;
        self.flush_locals()?;
        let base = self.stack.len() - nargs;
        self.m.mov(Reg::T0, imm(op.encode(imm1)), Size::S64);
        let scratch = Address::at(Reg::VM, field::SCRATCH);
        self.m.store(Reg::T0, scratch, Width::W64)?;
        self.m.mov(Reg::T0, imm(self.offset as u64), Size::S64);
        let site = Address::at(Reg::VM, field::SITE);
        self.m.store(Reg::T0, site, Width::W64)?;
        if let Some(imm2) = imm2 {
            self.m.mov(Reg::T0, imm(imm2 as u64), Size::S64);
            let scratch2 = Address::at(Reg::VM, field::SCRATCH2);
            self.m.store(Reg::T0, scratch2, Width::W64)?;
        }
        let args = 8 * self.home(base) as u64;
        self.m
            .int_op(IntOp::Add, Reg::T0, Reg::FRAME, imm(args), Size::S64)?;
        self.m.call_helper(self.cfg.runtime, Reg::T0.into())?;
        self.reload_locals()?;
        self.m.branch_if_result_eq(1, self.propagate)?;
        self.stack.truncate(base);
        for &t in results {
            self.push(t, super::stack::Loc::Slot);
        }
        // A result slot may lie past every slot the stack reached before.
        self.max_depth = self.max_depth.max(base + results.len());
        Ok(())
    }
}
