//! Calls and references: direct calls (to compiled code of this instance through the
//! context's function table, to imports through the runtime), `call_indirect` with its
//! checks (bounds, null, signature) and a direct path when the target belongs to this
//! instance, reference operators, and the table operators the runtime helper does.

use wasmparser::Operator;

use crate::jit::abi::RuntimeAbi;
use crate::jit::masm::{Address, IntCond, IntOp, MasmResult, Reg, RegImm, Size, Width, imm};
use crate::wasm::ctx::{
    REC_CODE, REC_CTX, REC_TYPE, RtOp, TABLE_ELEMS, TABLE_LEN, TrapCode, field,
};
use crate::wasm::types::{FuncType, ValType};

use super::Codegen;
use super::stack::{Cmp, Loc};

fn at(base: Reg, disp: i32) -> Address {
    Address::at(base, disp)
}

impl<M: RuntimeAbi> Codegen<'_, M> {
    /// Compiles calls, references and tables, and every other operator the earlier groups
    /// did not take (an operator outside kiln's feature set is an error, which validation
    /// rules out first).
    pub(super) fn call_op(&mut self, op: Operator<'_>) -> MasmResult {
        if self.variable_op(&op)? {
            return Ok(());
        }
        match op {
            Operator::Call { function_index } => self.call(function_index)?,
            Operator::CallIndirect {
                type_index,
                table_index,
            } => self.call_indirect(type_index, table_index)?,
            Operator::RefNull { hty } => {
                let ty = if hty == wasmparser::HeapType::FUNC {
                    ValType::FuncRef
                } else {
                    ValType::ExternRef
                };
                self.push(ty, Loc::Const(0));
            }
            Operator::RefIsNull => {
                let a = self.pop_reg()?;
                let c = Cmp::Int {
                    cond: IntCond::Eq,
                    a,
                    b: RegImm::Imm(0),
                    size: Size::S64,
                };
                self.push(ValType::I32, Loc::Cmp(c));
            }
            Operator::RefFunc { function_index } => {
                let r = self.alloc()?;
                self.m.load(
                    r,
                    at(Reg::VM, field::FUNC_REFS),
                    Width::W64,
                    false,
                    Size::S64,
                )?;
                let cell = at(r, 8 * function_index as i32);
                self.m.load(r, cell, Width::W64, false, Size::S64)?;
                self.push_reg(ValType::FuncRef, r);
            }
            Operator::TableGet { table } => {
                let ty = self.module.tables[table as usize].elem;
                self.runtime_call(RtOp::TableGet, table, None, 1, &[ty])?
            }
            Operator::TableSet { table } => {
                self.runtime_call(RtOp::TableSet, table, None, 2, &[])?
            }
            Operator::TableSize { table } => {
                self.runtime_call(RtOp::TableSize, table, None, 0, &[ValType::I32])?
            }
            Operator::TableGrow { table } => {
                self.runtime_call(RtOp::TableGrow, table, None, 2, &[ValType::I32])?
            }
            Operator::TableFill { table } => {
                self.runtime_call(RtOp::TableFill, table, None, 3, &[])?
            }
            Operator::TableCopy {
                dst_table,
                src_table,
            } => self.runtime_call(RtOp::TableCopy, dst_table, Some(src_table), 3, &[])?,
            Operator::TableInit { elem_index, table } => {
                self.runtime_call(RtOp::TableInit, table, Some(elem_index), 3, &[])?
            }
            Operator::ElemDrop { elem_index } => {
                self.runtime_call(RtOp::ElemDrop, elem_index, None, 0, &[])?
            }
            _ => return Err(crate::jit::masm::MasmError::Unsupported("operator")),
        }
        Ok(())
    }

    /// Spills the stack; the callee's window starts at the first argument's home slot.
    /// Returns the stack height below the arguments.
    fn call_args(&mut self, ty: &FuncType) -> MasmResult<usize> {
        self.spill_all()?;
        self.flush_locals()?;
        Ok(self.stack.len() - ty.params.len())
    }

    /// `T0` (or `reg`) = the callee window for arguments at stack height `base`.
    fn window(&mut self, dst: Reg, base: usize) -> MasmResult {
        let off = 8 * self.home(base) as u64;
        self.m
            .int_op(IntOp::Add, dst, Reg::FRAME, imm(off), Size::S64)
    }

    /// After a call returned status 0: the results replace the arguments.
    fn call_results(&mut self, base: usize, ty: &FuncType) -> MasmResult {
        self.reload_locals()?;
        self.m.branch_if_result_eq(1, self.propagate)?;
        self.stack.truncate(base);
        for &t in &ty.results {
            self.push(t, Loc::Slot);
        }
        Ok(())
    }

    fn call(&mut self, f: u32) -> MasmResult {
        let ty = self.module.func_type(f).clone();
        let base = self.call_args(&ty)?;
        if (f as usize) < self.module.imported_funcs {
            self.m.mov(Reg::T0, imm(f as u64), Size::S64);
            self.m
                .store(Reg::T0, at(Reg::VM, field::SCRATCH), Width::W64)?;
            self.window(Reg::T0, base)?;
            self.m.call_helper(self.cfg.call_import, Reg::T0.into())?;
        } else {
            // A function of this module: a direct call, linked when the module's code is
            // laid out.
            self.window(Reg::T1, base)?;
            let site = self.m.call_compiled_near(Reg::T1)?;
            self.near_calls.push((site as u32, f));
        }
        self.call_results(base, &ty)
    }

    fn call_indirect(&mut self, type_index: u32, table: u32) -> MasmResult {
        let ty = self.module.types[type_index as usize].clone();
        let index = self.pop_reg()?;
        let base = self.call_args(&ty)?;
        let undefined = self.trap_label(TrapCode::UndefinedElement);
        let null_trap = self.trap_label(TrapCode::UninitializedElement);
        // The trap names the element: its index goes to `scratch2` on the way out.
        let null = self.m.new_label();
        let mismatch = self.trap_label(TrapCode::IndirectCallType);
        let w64 = |m: &mut M, dst: Reg, a: Address| m.load(dst, a, Width::W64, false, Size::S64);
        w64(&mut self.m, Reg::T0, at(Reg::VM, field::TABLES))?;
        w64(&mut self.m, Reg::T0, at(Reg::T0, 8 * table as i32))?;
        w64(&mut self.m, Reg::T1, at(Reg::T0, TABLE_LEN))?;
        self.m
            .branch(IntCond::GeU, index, Reg::T1.into(), undefined, Size::S64);
        w64(&mut self.m, Reg::T0, at(Reg::T0, TABLE_ELEMS))?;
        w64(&mut self.m, Reg::T0, Address::u32_index(Reg::T0, index, 3))?;
        self.m
            .branch(IntCond::Eq, Reg::T0, RegImm::Imm(0), null, Size::S64);
        w64(&mut self.m, Reg::T1, at(Reg::VM, field::TYPE_IDS))?;
        let id = at(Reg::T1, 4 * type_index as i32);
        self.m.load(Reg::T1, id, Width::W32, false, Size::S64)?;
        w64(&mut self.m, index, at(Reg::T0, REC_TYPE))?;
        self.m
            .branch(IntCond::Ne, index, Reg::T1.into(), mismatch, Size::S64);
        let (slow, done) = (self.m.new_label(), self.m.new_label());
        w64(&mut self.m, index, at(Reg::T0, REC_CTX))?;
        self.m
            .branch(IntCond::Ne, index, Reg::VM.into(), slow, Size::S64);
        self.free_reg(index);
        w64(&mut self.m, Reg::T0, at(Reg::T0, REC_CODE))?;
        self.window(Reg::T1, base)?;
        self.m.call_compiled_at(Reg::T0, Reg::T1)?;
        self.m.jump(done);
        self.m.bind(slow)?;
        self.m
            .store(Reg::T0, at(Reg::VM, field::SCRATCH), Width::W64)?;
        self.window(Reg::T0, base)?;
        self.m.call_helper(self.cfg.call_ref, Reg::T0.into())?;
        self.m.bind(done)?;
        let after = self.m.new_label();
        self.m.jump(after);
        self.m.bind(null)?;
        self.m
            .store(index, at(Reg::VM, field::SCRATCH2), Width::W64)?;
        self.m.jump(null_trap);
        self.m.bind(after)?;
        self.call_results(base, &ty)
    }
}
