//! Bitwise operators and shifts: `BitAnd`/`BitOr`/`BitXor`/`Shl`/`Shr`/`UShr`/`BitNot`.
//! Operands are converted with ToInt32 inline when they are int32s or doubles below 2^63 in
//! magnitude (truncation, NaN → 0); shift counts are taken modulo 32; a `>>>` result above
//! `i32::MAX` is boxed as a double, as the interpreter does. Other operands (strings, objects,
//! huge or infinite doubles) take the generic path ([`EXIT_STEP`]).
//!
//! Known operands ([`crate::jit::facts`]): an int32 skips its conversion, an int32 constant
//! becomes an immediate (bitmask or shift amount) or a `mov`.
//!
//! [`EXIT_STEP`]: crate::jit::compiler::EXIT_STEP

use crate::jit::compiler::Ctx;
use crate::jit::masm::{FReg, MasmResult, Reg};
use crate::jit::values::{BitOp, ValueOps};
use crate::js::bytecode::Op;

use super::operand::{self, Slow};
use super::{R0, R1, R2, R3, R4};

const F0: FReg = FReg(0);

pub fn emit<M: ValueOps>(cx: &mut Ctx<'_, M>, op: Op, pc: usize) -> MasmResult {
    let dst = cx.reg(pc, 0) as i32;
    let mut slow = Slow::new(pc);
    let ra = cx.reg(pc, 1);
    if op == Op::BitNot {
        let a = int32_operand(cx, ra, R0, R2, &mut slow)?;
        cx.m.int32_not(R4, a);
        return cx.m.store_slot(R4, dst);
    }
    let rb = cx.reg(pc, 2);
    let bop = match op {
        Op::BitAnd => BitOp::And,
        Op::BitOr => BitOp::Or,
        Op::BitXor => BitOp::Xor,
        Op::Shl => BitOp::Shl,
        Op::Shr => BitOp::Shr,
        _ => BitOp::UShr,
    };
    let commutes = matches!(bop, BitOp::And | BitOp::Or | BitOp::Xor);
    let (ka, kb) = (cx.fact(ra).int_const(), cx.fact(rb).int_const());
    match (ka, kb) {
        (_, Some(k)) => {
            let a = int32_operand(cx, ra, R0, R2, &mut slow)?;
            cx.m.int32_bitop_imm(bop, R4, a, k)?;
        }
        (Some(k), None) if commutes => {
            let b = int32_operand(cx, rb, R1, R3, &mut slow)?;
            cx.m.int32_bitop_imm(bop, R4, b, k)?;
        }
        _ => {
            let a = int32_operand(cx, ra, R0, R2, &mut slow)?;
            let b = int32_operand(cx, rb, R1, R3, &mut slow)?;
            cx.m.int32_bitop(bop, R4, a, b)?;
        }
    }
    cx.m.store_slot(R4, dst)
}

/// The register whose low 32 bits are ToInt32 of register `r` (loaded into `v` unless it is
/// a known int32 constant, converted into `dst` if needed).
fn int32_operand<M: ValueOps>(
    cx: &mut Ctx<'_, M>,
    r: usize,
    v: Reg,
    dst: Reg,
    slow: &mut Slow<M::Label>,
) -> MasmResult<Reg> {
    if cx.fact(r).int_const().is_none() {
        operand::load(cx, r, v)?;
    }
    operand::int32(cx, r, v, dst, slow, F0)
}
