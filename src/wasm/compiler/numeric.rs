//! Numeric operators: constants, integer and floating-point arithmetic, compares (left
//! pending for a following branch), conversions and reinterpretations, each one call into
//! the macro-assembler plus the checks the spec's traps need.

use wasmparser::Operator;

use crate::jit::abi::RuntimeAbi;
use crate::jit::masm::{
    DivOp, FSize, FpCond, FpOp, FpUnary, IntCond, IntOp, MasmResult, OutOfRange, Reg, RegImm, Size,
    UnaryOp, Width,
};
use crate::wasm::ctx::TrapCode;
use crate::wasm::types::ValType;

use super::Codegen;
use super::Peek;
use super::locals::LocalReg;
use super::stack::{Cmp, Loc};

const I32: ValType = ValType::I32;
const I64: ValType = ValType::I64;
const F32: ValType = ValType::F32;
const F64: ValType = ValType::F64;

/// What a numeric operator does, decoded once.
enum Num {
    Bin(IntOp, ValType),
    Div(DivOp, ValType),
    Un(UnaryOp, ValType),
    Eqz(ValType),
    Cmp(IntCond, ValType),
    /// Sign-extends the low bits of the operand (`i32.extend8_s`, `i64.extend_i32_s`, ...).
    Ext(Width, ValType),
    Wrap,
    ExtendU,
    FBin(FpOp, ValType),
    FUn(FpUnary, ValType),
    FCmp(FpCond, ValType),
    /// Integer (type, signed) to float type.
    Convert(ValType, bool, ValType),
    /// Float type to integer (type, signed), saturating or trapping.
    Trunc(ValType, ValType, bool, bool),
    Promote,
    Demote,
    /// Float bits to integer.
    BitsOf(ValType),
    /// Integer bits to float.
    FloatOf(ValType),
}

fn decode(op: &Operator<'_>) -> Option<Num> {
    use Num::*;
    use Operator as O;
    Some(match *op {
        O::I32Add => Bin(IntOp::Add, I32),
        O::I32Sub => Bin(IntOp::Sub, I32),
        O::I32Mul => Bin(IntOp::Mul, I32),
        O::I32And => Bin(IntOp::And, I32),
        O::I32Or => Bin(IntOp::Or, I32),
        O::I32Xor => Bin(IntOp::Xor, I32),
        O::I32Shl => Bin(IntOp::Shl, I32),
        O::I32ShrS => Bin(IntOp::ShrS, I32),
        O::I32ShrU => Bin(IntOp::ShrU, I32),
        O::I32Rotl => Bin(IntOp::Rotl, I32),
        O::I32Rotr => Bin(IntOp::Rotr, I32),
        O::I64Add => Bin(IntOp::Add, I64),
        O::I64Sub => Bin(IntOp::Sub, I64),
        O::I64Mul => Bin(IntOp::Mul, I64),
        O::I64And => Bin(IntOp::And, I64),
        O::I64Or => Bin(IntOp::Or, I64),
        O::I64Xor => Bin(IntOp::Xor, I64),
        O::I64Shl => Bin(IntOp::Shl, I64),
        O::I64ShrS => Bin(IntOp::ShrS, I64),
        O::I64ShrU => Bin(IntOp::ShrU, I64),
        O::I64Rotl => Bin(IntOp::Rotl, I64),
        O::I64Rotr => Bin(IntOp::Rotr, I64),
        O::I32DivS => Div(DivOp::DivS, I32),
        O::I32DivU => Div(DivOp::DivU, I32),
        O::I32RemS => Div(DivOp::RemS, I32),
        O::I32RemU => Div(DivOp::RemU, I32),
        O::I64DivS => Div(DivOp::DivS, I64),
        O::I64DivU => Div(DivOp::DivU, I64),
        O::I64RemS => Div(DivOp::RemS, I64),
        O::I64RemU => Div(DivOp::RemU, I64),
        O::I32Clz => Un(UnaryOp::Clz, I32),
        O::I32Ctz => Un(UnaryOp::Ctz, I32),
        O::I32Popcnt => Un(UnaryOp::Popcnt, I32),
        O::I64Clz => Un(UnaryOp::Clz, I64),
        O::I64Ctz => Un(UnaryOp::Ctz, I64),
        O::I64Popcnt => Un(UnaryOp::Popcnt, I64),
        O::I32Eqz => Eqz(I32),
        O::I64Eqz => Eqz(I64),
        O::I32Eq => Cmp(IntCond::Eq, I32),
        O::I32Ne => Cmp(IntCond::Ne, I32),
        O::I32LtS => Cmp(IntCond::Lt, I32),
        O::I32LtU => Cmp(IntCond::LtU, I32),
        O::I32GtS => Cmp(IntCond::Gt, I32),
        O::I32GtU => Cmp(IntCond::GtU, I32),
        O::I32LeS => Cmp(IntCond::Le, I32),
        O::I32LeU => Cmp(IntCond::LeU, I32),
        O::I32GeS => Cmp(IntCond::Ge, I32),
        O::I32GeU => Cmp(IntCond::GeU, I32),
        O::I64Eq => Cmp(IntCond::Eq, I64),
        O::I64Ne => Cmp(IntCond::Ne, I64),
        O::I64LtS => Cmp(IntCond::Lt, I64),
        O::I64LtU => Cmp(IntCond::LtU, I64),
        O::I64GtS => Cmp(IntCond::Gt, I64),
        O::I64GtU => Cmp(IntCond::GtU, I64),
        O::I64LeS => Cmp(IntCond::Le, I64),
        O::I64LeU => Cmp(IntCond::LeU, I64),
        O::I64GeS => Cmp(IntCond::Ge, I64),
        O::I64GeU => Cmp(IntCond::GeU, I64),
        O::I32Extend8S => Ext(Width::W8, I32),
        O::I32Extend16S => Ext(Width::W16, I32),
        O::I64Extend8S => Ext(Width::W8, I64),
        O::I64Extend16S => Ext(Width::W16, I64),
        O::I64Extend32S | O::I64ExtendI32S => Ext(Width::W32, I64),
        O::I64ExtendI32U => ExtendU,
        O::I32WrapI64 => Wrap,
        O::F32Add => FBin(FpOp::Add, F32),
        O::F32Sub => FBin(FpOp::Sub, F32),
        O::F32Mul => FBin(FpOp::Mul, F32),
        O::F32Div => FBin(FpOp::Div, F32),
        O::F32Min => FBin(FpOp::Min, F32),
        O::F32Max => FBin(FpOp::Max, F32),
        O::F32Copysign => FBin(FpOp::CopySign, F32),
        O::F64Add => FBin(FpOp::Add, F64),
        O::F64Sub => FBin(FpOp::Sub, F64),
        O::F64Mul => FBin(FpOp::Mul, F64),
        O::F64Div => FBin(FpOp::Div, F64),
        O::F64Min => FBin(FpOp::Min, F64),
        O::F64Max => FBin(FpOp::Max, F64),
        O::F64Copysign => FBin(FpOp::CopySign, F64),
        O::F32Sqrt => FUn(FpUnary::Sqrt, F32),
        O::F32Abs => FUn(FpUnary::Abs, F32),
        O::F32Neg => FUn(FpUnary::Neg, F32),
        O::F32Floor => FUn(FpUnary::Floor, F32),
        O::F32Ceil => FUn(FpUnary::Ceil, F32),
        O::F32Trunc => FUn(FpUnary::Trunc, F32),
        O::F32Nearest => FUn(FpUnary::Nearest, F32),
        O::F64Sqrt => FUn(FpUnary::Sqrt, F64),
        O::F64Abs => FUn(FpUnary::Abs, F64),
        O::F64Neg => FUn(FpUnary::Neg, F64),
        O::F64Floor => FUn(FpUnary::Floor, F64),
        O::F64Ceil => FUn(FpUnary::Ceil, F64),
        O::F64Trunc => FUn(FpUnary::Trunc, F64),
        O::F64Nearest => FUn(FpUnary::Nearest, F64),
        O::F32Eq => FCmp(FpCond::Eq, F32),
        O::F32Ne => FCmp(FpCond::Ne, F32),
        O::F32Lt => FCmp(FpCond::Lt, F32),
        O::F32Gt => FCmp(FpCond::Gt, F32),
        O::F32Le => FCmp(FpCond::Le, F32),
        O::F32Ge => FCmp(FpCond::Ge, F32),
        O::F64Eq => FCmp(FpCond::Eq, F64),
        O::F64Ne => FCmp(FpCond::Ne, F64),
        O::F64Lt => FCmp(FpCond::Lt, F64),
        O::F64Gt => FCmp(FpCond::Gt, F64),
        O::F64Le => FCmp(FpCond::Le, F64),
        O::F64Ge => FCmp(FpCond::Ge, F64),
        O::F32ConvertI32S => Convert(I32, true, F32),
        O::F32ConvertI32U => Convert(I32, false, F32),
        O::F32ConvertI64S => Convert(I64, true, F32),
        O::F32ConvertI64U => Convert(I64, false, F32),
        O::F64ConvertI32S => Convert(I32, true, F64),
        O::F64ConvertI32U => Convert(I32, false, F64),
        O::F64ConvertI64S => Convert(I64, true, F64),
        O::F64ConvertI64U => Convert(I64, false, F64),
        O::I32TruncF32S => Trunc(F32, I32, true, false),
        O::I32TruncF32U => Trunc(F32, I32, false, false),
        O::I32TruncF64S => Trunc(F64, I32, true, false),
        O::I32TruncF64U => Trunc(F64, I32, false, false),
        O::I64TruncF32S => Trunc(F32, I64, true, false),
        O::I64TruncF32U => Trunc(F32, I64, false, false),
        O::I64TruncF64S => Trunc(F64, I64, true, false),
        O::I64TruncF64U => Trunc(F64, I64, false, false),
        O::I32TruncSatF32S => Trunc(F32, I32, true, true),
        O::I32TruncSatF32U => Trunc(F32, I32, false, true),
        O::I32TruncSatF64S => Trunc(F64, I32, true, true),
        O::I32TruncSatF64U => Trunc(F64, I32, false, true),
        O::I64TruncSatF32S => Trunc(F32, I64, true, true),
        O::I64TruncSatF32U => Trunc(F32, I64, false, true),
        O::I64TruncSatF64S => Trunc(F64, I64, true, true),
        O::I64TruncSatF64U => Trunc(F64, I64, false, true),
        O::F64PromoteF32 => Promote,
        O::F32DemoteF64 => Demote,
        O::I32ReinterpretF32 => BitsOf(F32),
        O::I64ReinterpretF64 => BitsOf(F64),
        O::F32ReinterpretI32 => FloatOf(F32),
        O::F64ReinterpretI64 => FloatOf(F64),
        _ => return None,
    })
}

fn size(ty: ValType) -> Size {
    super::stack::int_size(ty)
}

fn fsz(ty: ValType) -> FSize {
    super::stack::fsize(ty)
}

impl<M: RuntimeAbi> Codegen<'_, M> {
    /// Compiles constants and numeric operators; false for any other operator.
    pub(super) fn numeric_op(&mut self, op: &Operator<'_>) -> MasmResult<bool> {
        match *op {
            Operator::I32Const { value } => self.push(I32, Loc::Const(value as u32 as u64)),
            Operator::I64Const { value } => self.push(I64, Loc::Const(value as u64)),
            Operator::F32Const { value } => self.push(F32, Loc::Const(value.bits() as u64)),
            Operator::F64Const { value } => self.push(F64, Loc::Const(value.bits())),
            _ => match decode(op) {
                Some(n) => self.num(n)?,
                None => return Ok(false),
            },
        }
        Ok(true)
    }

    /// When the next operator stores the result of this one (whose operands are popped) into
    /// a register local: that local's register, after the stack's pending reads of the
    /// local were saved (the operands are read before the register is written, so they may
    /// be the local itself).
    pub(super) fn fuse_local_set(&mut self) -> MasmResult<Option<LocalReg>> {
        let Some((i, _)) = self.set_next else {
            return Ok(None);
        };
        let Some(lr) = self.local_reg(i) else {
            return Ok(None);
        };
        self.before_local_write(i)?;
        Ok(Some(lr))
    }

    /// Finishes a fused `local.set`/`local.tee` (see [`Self::fuse_local_set`]).
    /// `a * b` or `a << k` whose result an `add` takes next, with the add's other operand
    /// already below (`x; a * b; add`) or read next (`a * b; local.get x; add`): one
    /// multiply-add or shifted add. False (nothing emitted) for any other shape.
    fn fuse_into_add(
        &mut self,
        op: IntOp,
        ty: ValType,
        a: Reg,
        owned: bool,
        b: RegImm,
    ) -> MasmResult<bool> {
        let shift = match (op, b) {
            (IntOp::Mul, RegImm::Reg(_)) => None,
            (IntOp::Shl, RegImm::Imm(k)) => Some((k as u64 & (size(ty).bits() as u64 - 1)) as u8),
            _ => return Ok(false),
        };
        let other = match self.next_ops {
            [Peek::Add(t), _] if t == ty => None,
            [Peek::LocalGet(x), Peek::Add(t)] if t == ty => Some(x),
            _ => return Ok(false),
        };
        let (c, c_owned) = match other {
            None => self.pop_src()?,
            Some(x) => {
                self.push(ty, Loc::Local(x));
                self.pop_src()?
            }
        };
        let b_reg = match b {
            RegImm::Reg(r) => r,
            RegImm::Imm(_) => a,
        };
        // `x; a op b; add; local.set y` with `y` in a register: computed into it.
        let set = match (other, self.next_ops[1]) {
            (None, Peek::LocalSet(y, tee)) => match self.local_reg(y) {
                Some(LocalReg::Int(r)) => {
                    self.before_local_write(y)?;
                    Some((y, tee, r))
                }
                _ => None,
            },
            _ => None,
        };
        let dst = match set {
            Some((.., r)) => r,
            None if owned => a,
            None if c_owned => c,
            None => self.alloc()?,
        };
        match shift {
            None => self.m.mul_add(dst, a, b_reg, c, size(ty)),
            Some(k) => self.m.int_add_shifted(dst, c, a, k, size(ty)),
        }
        if shift.is_none() && b_reg != dst {
            self.free_reg(b_reg);
        }
        for r in [a, c] {
            if r != dst {
                self.free_reg(r);
            }
        }
        match set {
            Some((y, tee, _)) => {
                if tee {
                    self.push(ty, Loc::Local(y));
                }
                self.skip = 2;
            }
            None => {
                self.push_reg(ty, dst);
                self.skip = if other.is_some() { 2 } else { 1 };
            }
        }
        Ok(true)
    }

    pub(super) fn fused_set(&mut self, ty: ValType) -> MasmResult {
        let (i, tee) = self.set_next.take().expect("a fused set");
        if tee {
            self.push(ty, Loc::Local(i));
        }
        self.skip = 1;
        Ok(())
    }

    fn num(&mut self, n: Num) -> MasmResult {
        match n {
            Num::Bin(op, ty) => {
                let b = self.pop_reg_imm()?;
                let (a, owned) = self.pop_src()?;
                if self.fuse_into_add(op, ty, a, owned, b)? {
                    return Ok(());
                }
                if let Some(LocalReg::Int(dst)) = self.fuse_local_set()? {
                    self.m.int_op(op, dst, a, b, size(ty))?;
                    self.release_imm(b);
                    self.free_reg(a);
                    return self.fused_set(ty);
                }
                let dst = if owned { a } else { self.alloc()? };
                self.m.int_op(op, dst, a, b, size(ty))?;
                self.release_imm(b);
                self.push_reg(ty, dst);
            }
            Num::Div(op, ty) => self.div(op, ty)?,
            Num::Un(op, ty) => {
                let (a, owned) = self.pop_src()?;
                if let Some(LocalReg::Int(dst)) = self.fuse_local_set()? {
                    self.m.unary_op(op, dst, a, size(ty));
                    self.free_reg(a);
                    return self.fused_set(ty);
                }
                let dst = if owned { a } else { self.alloc()? };
                self.m.unary_op(op, dst, a, size(ty));
                self.push_reg(ty, dst);
            }
            Num::Eqz(ty) => {
                let (a, _) = self.pop_src()?;
                let c = Cmp::Int {
                    cond: IntCond::Eq,
                    a,
                    b: RegImm::Imm(0),
                    size: size(ty),
                };
                self.push(I32, Loc::Cmp(c));
            }
            Num::Cmp(cond, ty) => {
                let b = self.pop_reg_imm()?;
                let (a, _) = self.pop_src()?;
                let c = Cmp::Int {
                    cond,
                    a,
                    b,
                    size: size(ty),
                };
                self.push(I32, Loc::Cmp(c));
            }
            Num::Ext(from, ty) => {
                let a = self.pop_reg()?;
                self.m.extend(a, a, from, true, size(ty));
                self.push_reg(ty, a);
            }
            Num::Wrap => {
                let a = self.pop_reg()?;
                self.m.mov(a, a.into(), Size::S32);
                self.push_reg(I32, a);
            }
            Num::ExtendU => {
                let a = self.pop_reg()?;
                self.m.mov(a, a.into(), Size::S32);
                self.push_reg(I64, a);
            }
            Num::FBin(op, ty) => {
                let (b, _) = self.pop_fsrc()?;
                let (a, owned) = self.pop_fsrc()?;
                if let Some(LocalReg::Fp(dst)) = self.fuse_local_set()? {
                    self.m.fp_op(op, dst, a, b, fsz(ty));
                    self.free_freg(b);
                    self.free_freg(a);
                    return self.fused_set(ty);
                }
                let dst = if owned { a } else { self.alloc_f()? };
                self.m.fp_op(op, dst, a, b, fsz(ty));
                self.free_freg(b);
                self.push_freg(ty, dst);
            }
            Num::FUn(op, ty) => {
                let (a, owned) = self.pop_fsrc()?;
                if let Some(LocalReg::Fp(dst)) = self.fuse_local_set()? {
                    self.m.fp_unary(op, dst, a, fsz(ty));
                    self.free_freg(a);
                    return self.fused_set(ty);
                }
                let dst = if owned { a } else { self.alloc_f()? };
                self.m.fp_unary(op, dst, a, fsz(ty));
                self.push_freg(ty, dst);
            }
            Num::FCmp(cond, ty) => {
                let (b, _) = self.pop_fsrc()?;
                let (a, _) = self.pop_fsrc()?;
                let c = Cmp::Float {
                    cond,
                    a,
                    b,
                    size: fsz(ty),
                };
                self.push(I32, Loc::Cmp(c));
            }
            Num::Convert(from, signed, to) => {
                let a = self.pop_reg()?;
                let f = self.alloc_f()?;
                self.m.int_to_float(f, a, signed, size(from), fsz(to));
                self.free_reg(a);
                self.push_freg(to, f);
            }
            Num::Trunc(from, to, signed, saturate) => {
                let f = self.pop_freg()?;
                let r = self.alloc()?;
                let range = if saturate {
                    OutOfRange::Saturate
                } else {
                    OutOfRange::Branch(self.trunc_label(f, fsz(from)))
                };
                self.m
                    .float_to_int(r, f, signed, fsz(from), size(to), range)?;
                self.free_freg(f);
                self.push_reg(to, r);
            }
            Num::Promote => {
                let a = self.pop_freg()?;
                self.m.fconvert(a, a, FSize::F64);
                self.push_freg(F64, a);
            }
            Num::Demote => {
                let a = self.pop_freg()?;
                self.m.fconvert(a, a, FSize::F32);
                self.push_freg(F32, a);
            }
            Num::BitsOf(ty) => {
                let int = if ty == F32 { I32 } else { I64 };
                // A value in a slot or a constant already is its bits.
                let f = self.pop_freg()?;
                let r = self.alloc()?;
                self.m.float_bits(r, f, fsz(ty));
                self.free_freg(f);
                self.push_reg(int, r);
            }
            Num::FloatOf(ty) => {
                let a = self.pop_reg()?;
                let f = self.alloc_f()?;
                self.m.bits_float(f, a, fsz(ty));
                self.free_reg(a);
                self.push_freg(ty, f);
            }
        }
        Ok(())
    }

    pub(super) fn release_imm(&mut self, b: RegImm) {
        if let RegImm::Reg(r) = b {
            self.free_reg(r);
        }
    }

    /// Division and remainder with the spec's traps: divide by zero, and `MIN / -1`
    /// overflowing a signed division.
    fn div(&mut self, op: DivOp, ty: ValType) -> MasmResult {
        let sz = size(ty);
        let b = self.pop_reg()?;
        let a = self.pop_reg()?;
        let zero = self.trap_label(TrapCode::DivideByZero);
        self.m.branch(IntCond::Eq, b, RegImm::Imm(0), zero, sz);
        if op == DivOp::DivS {
            let overflow = self.trap_label(TrapCode::IntegerOverflow);
            let ok = self.m.new_label();
            let min = if ty == I32 { i32::MIN as i64 } else { i64::MIN };
            self.m.branch(IntCond::Ne, b, RegImm::Imm(-1), ok, sz);
            self.m
                .branch(IntCond::Eq, a, RegImm::Imm(min), overflow, sz);
            self.m.bind(ok)?;
        }
        self.m.div_op(op, a, a, b, sz);
        self.free_reg(b);
        self.push_reg(ty, a);
        Ok(())
    }
}
