//! Arithmetic: `Add`/`Sub`/`Mul`/`Div`/`Rem`/`Neg`/`Inc`/`Dec`. Two int32s take the int32 fast
//! path with an overflow check; an overflow, a double operand or a −0 result continues inline
//! in the double path ([`super::double`]). Any other operand (strings, objects...) leaves
//! compiled code for the op ([`EXIT_STEP`]: the generic path, frame untouched).

use crate::jit::compiler::{Ctx, EXIT_STEP};
use crate::jit::masm::{FpOp, IntOp, MacroAssembler, MasmResult, Reg};
use crate::js::bytecode::Op;

use super::double;

const R0: Reg = Reg(0);
const R1: Reg = Reg(1);
const R2: Reg = Reg(2);

pub fn emit<M: MacroAssembler>(cx: &mut Ctx<'_, M>, op: Op, pc: usize) -> MasmResult {
    let dst = cx.u8at(pc, 1) as i32;
    let slow = cx.slow_exit(pc, EXIT_STEP);
    let dbl = cx.m.new_label();
    let done = cx.m.new_label();
    cx.m.load_slot(R0, cx.u8at(pc, 2) as i32)?;
    match op {
        Op::Inc | Op::Dec | Op::Neg => {
            cx.m.branch_if_not_int32(R0, dbl);
            match op {
                Op::Inc => cx.m.int32_add_imm(R2, R0, 1, dbl)?,
                Op::Dec => cx.m.int32_add_imm(R2, R0, -1, dbl)?,
                _ => cx.m.int32_neg(R2, R0, dbl),
            }
            cx.m.store_slot(R2, dst)?;
            cx.m.jump(done);
            cx.m.bind(dbl)?;
            double::unary(cx, op, R0, dst, slow)?;
        }
        Op::Rem => {
            // Only `a >= 0 && b > 0` on int32s is inline (the interpreter's int32 case);
            // everything else is `fmod` in the interpreter.
            cx.m.load_slot(R1, cx.u8at(pc, 3) as i32)?;
            cx.m.branch_if_not_int32(R0, slow);
            cx.m.branch_if_not_int32(R1, slow);
            cx.m.int32_rem(R2, R0, R1, slow);
            cx.m.store_slot(R2, dst)?;
        }
        _ => {
            cx.m.load_slot(R1, cx.u8at(pc, 3) as i32)?;
            let fop = match op {
                Op::Add => FpOp::Add,
                Op::Sub => FpOp::Sub,
                Op::Mul => FpOp::Mul,
                _ => FpOp::Div,
            };
            if op != Op::Div {
                // Division always takes the double path (the interpreter's too).
                cx.m.branch_if_not_int32(R0, dbl);
                cx.m.branch_if_not_int32(R1, dbl);
                let iop = match op {
                    Op::Add => IntOp::Add,
                    Op::Sub => IntOp::Sub,
                    // A zero product may be −0: the double path decides.
                    _ => IntOp::Mul,
                };
                cx.m.int32_op(iop, R2, R0, R1, dbl);
                cx.m.store_slot(R2, dst)?;
                cx.m.jump(done);
            }
            cx.m.bind(dbl)?;
            double::binary(cx, fop, R0, R1, dst, slow)?;
        }
    }
    cx.m.bind(done)
}
