//! The compile-time value stack and the register allocator under it.
//!
//! An entry is where a value is now: a constant, a local not read yet (read when the value is
//! used, unless the local is written first), a scratch register, a pending compare (fused
//! with a following branch), or its home slot in the frame window. Registers are handed out
//! from a free set; when none is free the oldest register entry on the stack goes to its
//! home slot.

use crate::jit::abi::RuntimeAbi;
use crate::jit::masm::{
    Address, FReg, FSize, FpCond, IntCond, MasmResult, Reg, RegImm, Size, Width, imm,
};
use crate::wasm::types::ValType;

use super::Codegen;
use super::locals::LocalReg;

/// A compare not yet turned into a value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Cmp {
    Int {
        cond: IntCond,
        a: Reg,
        b: RegImm,
        size: Size,
    },
    Float {
        cond: FpCond,
        a: FReg,
        b: FReg,
        size: FSize,
    },
}

impl Cmp {
    pub(super) fn negate(self) -> Cmp {
        match self {
            Cmp::Int { cond, a, b, size } => Cmp::Int {
                cond: cond.negate(),
                a,
                b,
                size,
            },
            Cmp::Float { cond, a, b, size } => Cmp::Float {
                cond: cond.negate(),
                a,
                b,
                size,
            },
        }
    }
}

/// Where a value-stack entry is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Loc {
    /// The value's bits (i32 zero-extended, floats as their bits, references as words).
    Const(u64),
    Local(u32),
    Reg(Reg),
    FReg(FReg),
    Cmp(Cmp),
    /// In its home slot.
    Slot,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Entry {
    pub ty: ValType,
    pub loc: Loc,
}

/// The integer operation size of a type.
pub(super) fn int_size(ty: ValType) -> Size {
    match ty {
        ValType::I32 => Size::S32,
        _ => Size::S64,
    }
}

/// The float size of a type.
pub(super) fn fsize(ty: ValType) -> FSize {
    match ty {
        ValType::F32 => FSize::F32,
        _ => FSize::F64,
    }
}

/// The width a value of `ty` occupies in a slot when loaded.
fn slot_width(ty: ValType) -> Width {
    match ty {
        ValType::I32 | ValType::F32 => Width::W32,
        _ => Width::W64,
    }
}

/// The address of window slot `i`.
pub(super) fn slot(i: usize) -> Address {
    Address::at(Reg::FRAME, 8 * i as i32)
}

impl<M: RuntimeAbi> Codegen<'_, M> {
    pub(super) fn push(&mut self, ty: ValType, loc: Loc) {
        self.stack.push(Entry { ty, loc });
        self.max_depth = self.max_depth.max(self.stack.len());
    }

    pub(super) fn push_reg(&mut self, ty: ValType, r: Reg) {
        self.push(ty, Loc::Reg(r));
    }

    pub(super) fn push_freg(&mut self, ty: ValType, r: FReg) {
        self.push(ty, Loc::FReg(r));
    }

    /// Pops the top entry (its registers now belong to the caller).
    pub(super) fn pop(&mut self) -> Entry {
        self.stack
            .pop()
            .expect("validated: operand stack underflow")
    }

    /// Returns a scratch register to the pool (a register local's register is not the
    /// pool's: nothing happens).
    pub(super) fn free_reg(&mut self, r: Reg) {
        if r.0 < crate::jit::masm::SCRATCH_REGS && self.pool_int & (1 << r.0) != 0 {
            self.free_int |= 1 << r.0;
        }
    }

    pub(super) fn free_freg(&mut self, r: FReg) {
        if r.0 < crate::jit::masm::FP_SCRATCH_REGS {
            self.free_fp |= 1 << r.0;
        }
    }

    /// Releases whatever registers `e` holds.
    pub(super) fn release(&mut self, e: Entry) {
        match e.loc {
            Loc::Reg(r) => self.free_reg(r),
            Loc::FReg(r) => self.free_freg(r),
            Loc::Cmp(Cmp::Int { a, b, .. }) => {
                self.free_reg(a);
                if let RegImm::Reg(b) = b {
                    self.free_reg(b);
                }
            }
            Loc::Cmp(Cmp::Float { a, b, .. }) => {
                self.free_freg(a);
                self.free_freg(b);
            }
            _ => {}
        }
    }

    /// A free integer register, spilling the oldest register entry if there is none.
    pub(super) fn alloc(&mut self) -> MasmResult<Reg> {
        loop {
            if self.free_int != 0 {
                let i = self.free_int.trailing_zeros() as u8;
                self.free_int &= !(1 << i);
                return Ok(Reg(i));
            }
            let k = self
                .stack
                .iter()
                .position(|e| matches!(e.loc, Loc::Reg(_) | Loc::Cmp(_)))
                .expect("an integer register is on the stack");
            self.spill_entry(k)?;
        }
    }

    /// A free floating-point register, spilling the oldest one on the stack if none is.
    pub(super) fn alloc_f(&mut self) -> MasmResult<FReg> {
        loop {
            if self.free_fp != 0 {
                let i = self.free_fp.trailing_zeros() as u8;
                self.free_fp &= !(1 << i);
                return Ok(FReg(i));
            }
            let k = self
                .stack
                .iter()
                .position(|e| matches!(e.loc, Loc::FReg(_) | Loc::Cmp(Cmp::Float { .. })))
                .expect("a float register is on the stack");
            self.spill_entry(k)?;
        }
    }

    /// Moves entry `k` to its home slot.
    pub(super) fn spill_entry(&mut self, k: usize) -> MasmResult {
        let e = self.stack[k];
        let dst = slot(self.home(k));
        match e.loc {
            Loc::Slot => return Ok(()),
            Loc::Const(v) => {
                self.m.mov(Reg::T0, imm(v), Size::S64);
                self.m.store(Reg::T0, dst, Width::W64)?;
            }
            Loc::Local(i) => match self.local_reg(i) {
                Some(LocalReg::Int(r)) => self.m.store(r, dst, Width::W64)?,
                Some(LocalReg::Fp(f)) => self.m.fstore(f, dst, fsize(e.ty))?,
                None => {
                    self.m
                        .load(Reg::T0, slot(i as usize), Width::W64, false, Size::S64)?;
                    self.m.store(Reg::T0, dst, Width::W64)?;
                }
            },
            Loc::Reg(r) => self.m.store(r, dst, Width::W64)?,
            Loc::FReg(f) => self.m.fstore(f, dst, fsize(e.ty))?,
            Loc::Cmp(c) => {
                self.cmp_set(Reg::T0, c);
                self.m.store(Reg::T0, dst, Width::W64)?;
            }
        }
        self.release(e);
        self.stack[k].loc = Loc::Slot;
        Ok(())
    }

    /// Moves every entry to its home slot (before a label, a branch or a call).
    pub(super) fn spill_all(&mut self) -> MasmResult {
        for k in 0..self.stack.len() {
            self.spill_entry(k)?;
        }
        Ok(())
    }

    /// Reads of local `i` still pending on the stack become values before `i` is written.
    pub(super) fn before_local_write(&mut self, i: u32) -> MasmResult {
        for k in 0..self.stack.len() {
            if self.stack[k].loc == Loc::Local(i) {
                self.spill_entry(k)?;
            }
        }
        Ok(())
    }

    /// `dst = (compare holds) ? 1 : 0`.
    pub(super) fn cmp_set(&mut self, dst: Reg, c: Cmp) {
        match c {
            Cmp::Int { cond, a, b, size } => self.m.cmp_set(dst, cond, a, b, size),
            Cmp::Float { cond, a, b, size } => self.m.fcmp_set(dst, cond, a, b, size),
        }
    }

    /// Branches to `label` if the compare holds.
    pub(super) fn branch_cmp(&mut self, c: Cmp, label: M::Label) {
        match c {
            Cmp::Int { cond, a, b, size } => self.m.branch(cond, a, b, label, size),
            Cmp::Float { cond, a, b, size } => self.m.fbranch(cond, a, b, label, size),
        }
    }

    /// Loads an entry's value into integer register `dst` (floats as their bits).
    pub(super) fn load_int(&mut self, e: Entry, k: usize, dst: Reg) -> MasmResult {
        match e.loc {
            Loc::Const(v) => self.m.mov(dst, imm(v), Size::S64),
            Loc::Local(i) => match self.local_reg(i) {
                Some(LocalReg::Int(r)) => self.m.mov(dst, r.into(), Size::S64),
                Some(LocalReg::Fp(f)) => self.m.float_bits(dst, f, fsize(e.ty)),
                None => self
                    .m
                    .load(dst, slot(i as usize), slot_width(e.ty), false, Size::S64)?,
            },
            Loc::Slot => {
                self.m
                    .load(dst, slot(self.home(k)), slot_width(e.ty), false, Size::S64)?
            }
            Loc::Reg(r) => {
                if r != dst {
                    self.m.mov(dst, r.into(), Size::S64)
                }
            }
            Loc::FReg(f) => self.m.float_bits(dst, f, fsize(e.ty)),
            Loc::Cmp(c) => self.cmp_set(dst, c),
        }
        Ok(())
    }

    /// Pops the top value into an integer register of its own.
    pub(super) fn pop_reg(&mut self) -> MasmResult<Reg> {
        let k = self.stack.len() - 1;
        let e = self.stack[k];
        if let Loc::Reg(r) = e.loc {
            self.stack.pop();
            return Ok(r);
        }
        let dst = self.alloc()?;
        // `alloc` may have spilled the entry itself.
        let e = self.stack[k];
        self.load_int(e, k, dst)?;
        self.release(e);
        self.stack.pop();
        Ok(dst)
    }

    /// Pops the top value as an immediate if it is a constant, else into a register (a
    /// register local's own: read only).
    pub(super) fn pop_reg_imm(&mut self) -> MasmResult<RegImm> {
        if let Some(Entry {
            loc: Loc::Const(v), ..
        }) = self.stack.last()
        {
            let v = *v;
            self.stack.pop();
            return Ok(RegImm::Imm(v as i64));
        }
        Ok(self.pop_src()?.0.into())
    }

    /// Pops the top value into a floating-point register of its own.
    pub(super) fn pop_freg(&mut self) -> MasmResult<FReg> {
        let k = self.stack.len() - 1;
        let e = self.stack[k];
        if let Loc::FReg(r) = e.loc {
            self.stack.pop();
            return Ok(r);
        }
        let dst = self.alloc_f()?;
        let e = self.stack[k];
        self.load_float(e, k, dst)?;
        self.release(e);
        self.stack.pop();
        Ok(dst)
    }

    /// Loads a float entry's value into `dst`.
    pub(super) fn load_float(&mut self, e: Entry, k: usize, dst: FReg) -> MasmResult {
        let size = fsize(e.ty);
        match e.loc {
            Loc::Const(v) => {
                // Through the back end's float constants (a literal load on AArch64), except
                // NaNs: their payload bits must survive exactly.
                let value = match size {
                    FSize::F64 => f64::from_bits(v),
                    FSize::F32 => f32::from_bits(v as u32) as f64,
                };
                if value.is_nan() {
                    self.m.mov(Reg::T0, imm(v), Size::S64);
                    self.m.bits_float(dst, Reg::T0, size);
                } else {
                    self.m.fmov_imm(dst, value, size);
                }
            }
            Loc::FReg(r) => {
                if r != dst {
                    self.m.fmov(dst, r, size)
                }
            }
            Loc::Slot => self.m.fload(dst, slot(self.home(k)), size)?,
            Loc::Local(i) => match self.local_reg(i) {
                Some(LocalReg::Fp(f)) => self.m.fmov(dst, f, size),
                _ => self.m.fload(dst, slot(i as usize), size)?,
            },
            _ => {
                self.load_int(e, k, Reg::T0)?;
                self.m.bits_float(dst, Reg::T0, size);
            }
        }
        Ok(())
    }

    /// Pops the top value for reading only: a register local's own register (which the
    /// caller must not write), or a register of its own (`owned`).
    pub(super) fn pop_src(&mut self) -> MasmResult<(Reg, bool)> {
        if let Some(Entry {
            loc: Loc::Local(i), ..
        }) = self.stack.last()
            && let Some(LocalReg::Int(r)) = self.local_reg(*i)
        {
            self.stack.pop();
            return Ok((r, false));
        }
        Ok((self.pop_reg()?, true))
    }

    /// [`Codegen::pop_src`] for floats.
    pub(super) fn pop_fsrc(&mut self) -> MasmResult<(FReg, bool)> {
        if let Some(Entry {
            loc: Loc::Local(i), ..
        }) = self.stack.last()
            && let Some(LocalReg::Fp(f)) = self.local_reg(*i)
        {
            self.stack.pop();
            return Ok((f, false));
        }
        Ok((self.pop_freg()?, true))
    }

    /// Pops the top value as a compare: a pending compare as it is, any other value as
    /// "is not zero".
    pub(super) fn pop_cond(&mut self) -> MasmResult<Cmp> {
        if let Some(Entry {
            loc: Loc::Cmp(c), ..
        }) = self.stack.last()
        {
            let c = *c;
            self.stack.pop();
            return Ok(c);
        }
        let (r, _) = self.pop_src()?;
        Ok(Cmp::Int {
            cond: IntCond::Ne,
            a: r,
            b: RegImm::Imm(0),
            size: Size::S32,
        })
    }

    /// Releases the registers of a compare used up by a branch.
    pub(super) fn release_cmp(&mut self, c: Cmp) {
        self.release(Entry {
            ty: ValType::I32,
            loc: Loc::Cmp(c),
        });
    }

    /// A pending compare on top becomes a value unless `op` consumes it as a condition.
    pub(super) fn settle_compare(&mut self, op: &wasmparser::Operator<'_>) -> MasmResult {
        use wasmparser::Operator as O;
        let Some(Entry {
            loc: Loc::Cmp(c), ..
        }) = self.stack.last().copied()
        else {
            return Ok(());
        };
        if matches!(
            op,
            O::BrIf { .. } | O::If { .. } | O::Select | O::TypedSelect { .. }
        ) {
            return Ok(());
        }
        self.stack.pop();
        let r = self.alloc()?;
        self.cmp_set(r, c);
        self.release_cmp(c);
        self.push_reg(ValType::I32, r);
        Ok(())
    }
}
