//! Bitwise operators and shifts: `BitAnd`/`BitOr`/`BitXor`/`Shl`/`Shr`/`UShr`/`BitNot`.
//! Operands are converted with ToInt32 inline when they are int32s or doubles below 2^63 in
//! magnitude (truncation, NaN → 0); shift counts are taken modulo 32; a `>>>` result above
//! `i32::MAX` is boxed as a double, as the interpreter does. Other operands (strings, objects,
//! huge or infinite doubles) take the generic path ([`EXIT_STEP`]).

use crate::jit::compiler::{Ctx, EXIT_STEP};
use crate::jit::masm::{BitOp, FReg, MacroAssembler, MasmResult, Reg};
use crate::js::bytecode::Op;

const R0: Reg = Reg(0);
const R1: Reg = Reg(1);
const R2: Reg = Reg(2);
const R3: Reg = Reg(3);
const R4: Reg = Reg(4);
const F0: FReg = FReg(0);

pub fn emit<M: MacroAssembler>(cx: &mut Ctx<'_, M>, op: Op, pc: usize) -> MasmResult {
    let dst = cx.u8at(pc, 1) as i32;
    let slow = cx.slow_exit(pc, EXIT_STEP);
    cx.m.load_slot(R0, cx.u8at(pc, 2) as i32)?;
    cx.m.unbox_int32_or(R2, R0, slow, F0);
    if op == Op::BitNot {
        cx.m.int32_not(R4, R2);
        return cx.m.store_slot(R4, dst);
    }
    cx.m.load_slot(R1, cx.u8at(pc, 3) as i32)?;
    cx.m.unbox_int32_or(R3, R1, slow, F0);
    let bop = match op {
        Op::BitAnd => BitOp::And,
        Op::BitOr => BitOp::Or,
        Op::BitXor => BitOp::Xor,
        Op::Shl => BitOp::Shl,
        Op::Shr => BitOp::Shr,
        _ => BitOp::UShr,
    };
    cx.m.int32_bitop(bop, R4, R2, R3);
    cx.m.store_slot(R4, dst)
}
