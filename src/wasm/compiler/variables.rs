//! Locals and globals. A `local.get` is only noted on the value stack (read when used); a
//! write to a local first materializes pending reads of it. Globals are cells the instance
//! context points to (imported and exported ones are shared between instances).

use wasmparser::Operator;

use crate::jit::abi::RuntimeAbi;
use crate::jit::masm::{Address, MasmResult, Reg, Size, Width};
use crate::wasm::ctx::field;
use crate::wasm::types::ValType;

use super::Codegen;
use super::locals::LocalReg;
use super::stack::{Loc, fsize, slot};

/// The width of a value of `ty` in memory (a slot or a global cell).
pub(super) fn width(ty: ValType) -> Width {
    match ty {
        ValType::I32 | ValType::F32 => Width::W32,
        _ => Width::W64,
    }
}

impl<M: RuntimeAbi> Codegen<'_, M> {
    /// Compiles local and global operators; false for any other operator.
    pub(super) fn variable_op(&mut self, op: &Operator<'_>) -> MasmResult<bool> {
        match *op {
            Operator::LocalGet { local_index } => {
                let ty = self.locals[local_index as usize];
                self.push(ty, Loc::Local(local_index));
            }
            Operator::LocalSet { local_index } => self.local_set(local_index, false)?,
            Operator::LocalTee { local_index } => self.local_set(local_index, true)?,
            Operator::GlobalGet { global_index } => self.global_get(global_index)?,
            Operator::GlobalSet { global_index } => self.global_set(global_index)?,
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// Pops the top value into an integer register, floats as their bits.
    pub(super) fn pop_bits(&mut self) -> MasmResult<Reg> {
        let e = *self.stack.last().expect("validated");
        if let Loc::FReg(f) = e.loc {
            self.stack.pop();
            let r = self.alloc()?;
            self.m.float_bits(r, f, fsize(e.ty));
            self.free_freg(f);
            return Ok(r);
        }
        self.pop_reg()
    }

    fn local_set(&mut self, i: u32, tee: bool) -> MasmResult {
        self.before_local_write(i)?;
        if let Some(lr) = self.local_reg(i) {
            let k = self.stack.len() - 1;
            let e = self.pop();
            match lr {
                LocalReg::Int(r) => self.load_int(e, k, r)?,
                LocalReg::Fp(f) => self.load_float(e, k, f)?,
            }
            self.release(e);
            if tee {
                self.push(e.ty, Loc::Local(i));
            }
            return Ok(());
        }
        let e = *self.stack.last().expect("validated");
        let dst = slot(i as usize);
        match e.loc {
            Loc::FReg(f) => {
                self.m.fstore(f, dst, fsize(e.ty))?;
                if !tee {
                    self.stack.pop();
                    self.free_freg(f);
                }
            }
            Loc::Reg(r) => {
                self.m.store(r, dst, Width::W64)?;
                if !tee {
                    self.stack.pop();
                    self.free_reg(r);
                }
            }
            _ => {
                let r = self.pop_reg()?;
                self.m.store(r, dst, Width::W64)?;
                if tee {
                    self.push_reg(e.ty, r);
                } else {
                    self.free_reg(r);
                }
            }
        }
        Ok(())
    }

    /// `T0` = the address of global `i`'s cell.
    fn global_cell(&mut self, i: u32) -> MasmResult<Address> {
        let table = Address::at(Reg::VM, field::GLOBALS);
        self.m.load(Reg::T0, table, Width::W64, false, Size::S64)?;
        let cell = Address::at(Reg::T0, 8 * i as i32);
        self.m.load(Reg::T0, cell, Width::W64, false, Size::S64)?;
        Ok(Address::at(Reg::T0, 0))
    }

    fn global_get(&mut self, i: u32) -> MasmResult {
        let ty = self.module.globals[i as usize].ty.ty;
        if ty.is_float() {
            let f = self.alloc_f()?;
            let at = self.global_cell(i)?;
            self.m.fload(f, at, fsize(ty))?;
            self.push_freg(ty, f);
        } else {
            let r = self.alloc()?;
            let at = self.global_cell(i)?;
            self.m.load(r, at, width(ty), false, Size::S64)?;
            self.push_reg(ty, r);
        }
        Ok(())
    }

    fn global_set(&mut self, i: u32) -> MasmResult {
        let ty = self.module.globals[i as usize].ty.ty;
        if ty.is_float() {
            let f = self.pop_freg()?;
            let at = self.global_cell(i)?;
            self.m.fstore(f, at, fsize(ty))?;
            self.free_freg(f);
            return Ok(());
        }
        let r = self.pop_bits()?;
        let at = self.global_cell(i)?;
        self.m.store(r, at, width(ty))?;
        self.free_reg(r);
        Ok(())
    }
}
