//! Calls and returns.
//!
//! **Inline path.** `Call`/`CallMethod` of a compiled closure that needs no special setup
//! (its `FunctionCode::jit_call` is set: no rest parameter, no `arguments`, not a class
//! constructor) and takes at least as many parameters as the call passes sets the callee's
//! frame up in machine code exactly as the interpreter's `invoke` does — header, arguments,
//! `undefined` for the other registers, `Vm::sp`, a [`Frame`] pushed in place on the frame
//! stack (marked `jit`) — then `blr`s to the callee's call entry. `New` of a compiled base
//! constructor (`FunctionCode::jit_new`, no class fields) does the same after one runtime
//! call that allocates the receiver. A `Return` from a frame pushed that way pops it in
//! place (a constructor's `this` replacing a non-object result), stores the result in the
//! caller's destination register and returns to the caller's machine code. No Rust runs for
//! calls; one allocation call for `new`.
//!
//! **Helper path.** Everything else — other callees (natives, bound functions, interpreted
//! ones, derived constructors), a full frame stack or register file, a GC request — goes through the
//! runtime's call helper, which sets the callee's frame up exactly as the interpreter does;
//! a compiled callee is then called directly, and for an interpreted one compiled code
//! unwinds its machine frame and the interpreter runs the callee, then this frame from the op
//! after the call (re-entering compiled code there). A `Return` from any other frame hands the
//! value to the runtime's return helper: from a frame called by compiled code it returns
//! straight to that caller's machine code; from a frame entered by the interpreter it pops
//! the frame too and compiled code returns to the entry stub, which hands the result to the
//! interpreter (`Entered::Returned`: the interpreter only finishes the return).

use std::mem::{offset_of, size_of};

use super::{R0, R1, R2, R3, R4, R5, R6, R7, intrinsics};
use crate::jit::compiler::{Ctx, HELPER_DONE, HELPER_INTERPRET, HELPER_THREW, STATUS_EXIT};
use crate::jit::masm::{IntOp, MasmResult, Reg, Size, imm};
use crate::jit::values::ValueOps;
use crate::js::bytecode::{FunctionCode, Op};
use crate::js::heap::cells::{CellHeader, ObjCell};
use crate::js::object::CLASS_CLOSURE;
use crate::js::value::Value;
use crate::js::vm::{
    FRAME_CALL, FRAME_CONSTRUCT, Frame, HDR_CALLEE, HDR_ENV, HDR_NEW_TARGET, HDR_THIS, HEADER,
};
use crate::js::vm::{MAX_FRAMES, REGFILE_CAP};

const FRAME_SIZE: u64 = size_of::<Frame>() as u64;
/// The frame's `ret_reg` (u16), `kind`, `entry` and `argc` fields form one 64-bit word.
const FRAME_FLAGS: i32 = offset_of!(Frame, ret_reg) as i32;
const _: () = {
    assert!(offset_of!(Frame, kind) == offset_of!(Frame, ret_reg) + 2);
    assert!(offset_of!(Frame, entry) == offset_of!(Frame, ret_reg) + 3);
    assert!(offset_of!(Frame, argc) == offset_of!(Frame, ret_reg) + 4);
    assert!(offset_of!(Frame, ret_reg).is_multiple_of(8));
};

pub fn emit<M: ValueOps>(cx: &mut Ctx<'_, M>, op: Op, pc: usize) -> MasmResult {
    match op {
        Op::Return => {
            let helper = cx.m.new_label();
            inline_return(cx, pc, helper)?;
            cx.m.bind(helper)?;
            helper_return(cx, pc, cx.rt.ret)
        }
        // A generator's suspension returns like `Return`, after the helper saved the frame.
        Op::Suspend => helper_return(cx, pc, cx.rt.suspend),
        Op::Call | Op::CallMethod | Op::New => {
            if let Some(i) = intrinsics::at(cx, op, pc) {
                let other = cx.m.new_label();
                intrinsics::emit(cx, op, pc, i, other)?;
                cx.m.bind(other)?;
            }
            let helper = cx.m.new_label();
            inline_call(cx, op, pc, helper)?;
            cx.m.bind(helper)?;
            helper_call(cx, pc)
        }
        _ => helper_call(cx, pc),
    }
}

/// The frame-setup part of the interpreter's `invoke` for a compiled closure, in machine code;
/// branches to `helper` (before changing anything) when it does not apply. `New` first gets
/// its receiver from the runtime (an allocation), then proceeds as a call.
fn inline_call<M: ValueOps>(
    cx: &mut Ctx<'_, M>,
    op: Op,
    pc: usize,
    helper: M::Label,
) -> MasmResult {
    let rt = cx.rt;
    let dst = cx.reg(pc, 0) as u64;
    let base = cx.reg(pc, 2) as i32;
    let argc = cx.operand(pc, 3) as u32;
    let construct = op == Op::New;
    let method = op == Op::CallMethod;
    let args_at = base + method as i32;

    callee_checks(cx, pc, construct, true, helper)?;
    if construct {
        // The receiver goes straight into the callee's header (`this`), above `sp`; the
        // checks are repeated since the helper call clobbered the registers (only the
        // collection request may have changed: the allocation may ask for one, which the
        // next safepoint serves).
        store_caller_pc(cx, pc)?;
        cx.m.call_helper(rt.construct_this, R0.into())?;
        cx.m.branch_if_result_eq(0, cx.threw())?;
        cx.m.result_to(R6);
        cx.m.load_vm_word(R4, rt.sp)?;
        cx.m.load_vm_word(R7, rt.regs_base)?;
        cx.m.add_shifted(R7, R7, R4, 3)?;
        cx.m.store_word(R6, R7, 8 * (HEADER - HDR_THIS) as i32)?;
        callee_checks(cx, pc, construct, false, helper)?;
    }

    // The callee's window (fp = sp + HEADER) and header.
    cx.m.add_imm(R7, R7, 8 * HEADER as i64)?;
    cx.m.store_word(R0, R7, -8 * HDR_CALLEE as i32)?;
    if construct {
        cx.m.store_word(R0, R7, -8 * HDR_NEW_TARGET as i32)?;
        cx.m.mov_imm(R6, Value::UNDEFINED.0);
    } else {
        this_value(cx, method, base, R6, R3, helper)?;
        cx.m.store_word(R6, R7, -8 * HDR_THIS as i32)?;
        cx.m.mov_imm(R6, Value::UNDEFINED.0);
        cx.m.store_word(R6, R7, -8 * HDR_NEW_TARGET as i32)?;
    }
    cx.m.load_word(R0, R1, offset_of!(ObjCell, aux) as i32)?;
    cx.m.store_word(R0, R7, -8 * HDR_ENV as i32)?;

    // Arguments, then `undefined` (in R6) up to nregs; the window is live from here on.
    for i in 0..argc as i32 {
        cx.m.load_slot(R0, args_at + i)?;
        cx.m.store_word(R0, R7, 8 * i)?;
    }
    cx.m.add_imm(R1, R7, 8 * argc as i64)?;
    cx.m.add_shifted(R0, R7, R5, 3)?;
    cx.m.fill_words(R1, R0, R6)?;
    cx.m.add_shifted(R0, R4, R5, 0)?;
    cx.m.add_imm(R0, R0, HEADER as i64)?;
    cx.m.store_vm_word(R0, rt.sp)?;

    // The frame: the caller's pc first (stack traces, the interpreter taking over), then
    // the callee's frame at frames[len], marked as called by compiled code.
    frames_end(cx, R5, R1)?;
    if !construct {
        // (`new` stored it before allocating the receiver.)
        cx.m.mov_imm(R6, pc as u64);
        cx.m.store_word(R6, R5, offset_of!(Frame, pc) as i32 - FRAME_SIZE as i32)?;
    }
    cx.m.store_word(R2, R5, offset_of!(Frame, code) as i32)?;
    cx.m.add_imm(R6, R4, HEADER as i64)?;
    cx.m.store_word(R6, R5, offset_of!(Frame, fp) as i32)?;
    cx.m.mov_imm(R6, 0);
    cx.m.store_word(R6, R5, offset_of!(Frame, pc) as i32)?;
    let kind = if construct {
        FRAME_CONSTRUCT
    } else {
        FRAME_CALL
    };
    cx.m.mov_imm(R6, frame_flags_word(dst, kind, argc));
    cx.m.store_word(R6, R5, FRAME_FLAGS)?;
    cx.m.mov_imm(R6, 1);
    cx.m.store_u8(R6, R5, offset_of!(Frame, jit) as i32)?;
    cx.m.store_u32(R4, R5, offset_of!(Frame, saved_sp) as i32)?;
    cx.m.add_imm(R1, R1, 1)?;
    cx.m.store_vm_word(R1, rt.frames_len)?;
    cx.m.load_vm_word(R0, rt.direct_calls)?;
    cx.m.add_imm(R0, R0, 1)?;
    cx.m.store_vm_word(R0, rt.direct_calls)?;

    // Bit 0 of the entry word is the sloppy-`this` flag (entries are 4-byte aligned).
    cx.m.int_op(IntOp::And, R3, R3, imm(!1), Size::S64)?;
    cx.m.call_compiled_at(R3, R7)?;
    // The callee's status: returned (its result stored), threw, or left the frame stack to
    // the interpreter.
    let (threw, unwind) = (cx.threw(), cx.unwind());
    cx.m.branch_if_result_eq(HELPER_THREW, threw)?;
    cx.m.branch_if_result_eq(STATUS_EXIT, unwind)?;
    let next = cx.label_at(pc + op.encoded_len())?;
    cx.m.jump(next);
    Ok(())
}

/// R0 = the callee of the call at `pc`, R1 = its cell and R2 = its `code` word (the
/// `FunctionCode` of a closure, the index of a native) when it is an object of class
/// `class`; else branches to `other`.
pub(super) fn callee_of_class<M: ValueOps>(
    cx: &mut Ctx<'_, M>,
    pc: usize,
    class: u8,
    other: M::Label,
) -> MasmResult {
    cx.m.load_slot(R0, cx.reg(pc, 1) as i32)?;
    cx.m.unbox_object_or(R1, R0, other);
    const _: () = assert!(offset_of!(ObjCell, hdr) == 0);
    cx.m.load_u8(R2, R1, offset_of!(CellHeader, class) as i32)?;
    cx.m.branch_if_u32_ne(R2, class as u32, other);
    cx.m.load_word(R2, R1, offset_of!(ObjCell, code) as i32)
}

/// Loads the callee of the call op at `pc` and checks that the inline path applies: a
/// closure with compiled code callable (constructible, for `construct`) inline, without
/// class fields to initialise when constructed, taking at least as many parameters as are
/// passed; room on the frame stack and in the register file; no collection pending (with
/// `gc_check`). Leaves R0 = the callee, R1 = its cell, R2 = its `FunctionCode`, R3 = its
/// `jit_call`/`jit_new` word, R4 = `Vm::sp`, R5 = its register count, R7 = `&regs[sp]`.
fn callee_checks<M: ValueOps>(
    cx: &mut Ctx<'_, M>,
    pc: usize,
    construct: bool,
    gc_check: bool,
    helper: M::Label,
) -> MasmResult {
    let rt = cx.rt;
    let op = cx.op_at(pc).expect("a call op");
    let args_at = cx.reg(pc, 2) as i32 + (op == Op::CallMethod) as i32;
    let argc = cx.operand(pc, 3) as u32;
    callee_of_class(cx, pc, CLASS_CLOSURE, helper)?;
    let word = if construct {
        offset_of!(FunctionCode, jit_new)
    } else {
        offset_of!(FunctionCode, jit_call)
    };
    cx.m.load_word(R3, R2, word as i32)?;
    cx.m.branch_if_zero(R3, helper);
    if construct {
        // Class fields (an initializer function in aux[2]) run through the helper.
        let no_fields = cx.m.new_label();
        cx.m.load_word(
            R4,
            R1,
            (offset_of!(ObjCell, aux) + 2 * size_of::<Value>()) as i32,
        )?;
        cx.m.unbox_object_or(R5, R4, no_fields);
        cx.m.jump(helper);
        cx.m.bind(no_fields)?;
    }
    if argc > 0 {
        cx.m.load_u32(R4, R2, offset_of!(FunctionCode, nparams) as i32)?;
        cx.m.branch_if_u32_le_imm(R4, argc - 1, helper);
    }
    cx.m.load_vm_word(R4, rt.sp)?;
    cx.m.load_u32(R5, R2, offset_of!(FunctionCode, nregs) as i32)?;
    cx.m.add_shifted(R6, R4, R5, 0)?;
    // The interpreter's limit: fp + nregs + 8 <= REGFILE_CAP with fp = sp + HEADER.
    cx.m.branch_if_ge_imm(R6, (REGFILE_CAP - HEADER - 8 + 1) as u64, helper);
    cx.m.load_vm_word(R6, rt.frames_len)?;
    cx.m.branch_if_ge_imm(R6, MAX_FRAMES as u64, helper);
    if gc_check {
        cx.m.load_vm_u8(R6, rt.gc_requested)?;
        cx.m.branch_if_any_bits(R6, 0xff, helper);
    }
    // The callee's window starts above `sp`, which is above the arguments (the interpreter
    // takes the higher of the two).
    cx.m.load_vm_word(R6, rt.regs_base)?;
    cx.m.add_shifted(R7, R6, R4, 3)?;
    cx.m.slot_addr(R6, args_at + argc as i32)?;
    cx.m.branch_if_above(R6, R7, helper);
    Ok(())
}

/// `frames[len - 1].pc = pc`: the caller's pc, before anything that may throw.
fn store_caller_pc<M: ValueOps>(cx: &mut Ctx<'_, M>, pc: usize) -> MasmResult {
    frames_end(cx, R6, R7)?;
    cx.m.mov_imm(R7, pc as u64);
    cx.m.store_word(R7, R6, offset_of!(Frame, pc) as i32 - FRAME_SIZE as i32)
}

/// `dst` = `&frames[len]`, just past the top frame, with `len` = the frame count (both from
/// the VM).
fn frames_end<M: ValueOps>(cx: &mut Ctx<'_, M>, dst: Reg, len: Reg) -> MasmResult {
    cx.m.load_vm_word(dst, cx.rt.frames_base)?;
    cx.m.load_vm_word(len, cx.rt.frames_len)?;
    cx.m.index_addr(dst, dst, len, FRAME_SIZE)?;
    Ok(())
}

/// `this` of the call into `dst`: `undefined` for `Call`, the receiver for `CallMethod`; the
/// global object instead of a nullish one when the callee is sloppy (bit 0 of `jit_call`,
/// in `word`). A sloppy callee with a primitive receiver gets a wrapper object: an
/// allocation, left to the call helper (`helper`, taken before the caller's state changes).
fn this_value<M: ValueOps>(
    cx: &mut Ctx<'_, M>,
    method: bool,
    base: i32,
    dst: Reg,
    word: Reg,
    helper: M::Label,
) -> MasmResult {
    let (global, done) = (cx.m.new_label(), cx.m.new_label());
    if method {
        cx.m.load_slot(dst, base)?;
        cx.m.branch_if_bit_clear(word, 0, done);
        cx.m.branch_if_word_eq(dst, Value::UNDEFINED.0, global);
        cx.m.branch_if_word_eq(dst, Value::NULL.0, global);
        cx.m.unbox_object_or(R0, dst, helper);
        cx.m.jump(done);
    } else {
        cx.m.mov_imm(dst, Value::UNDEFINED.0);
        cx.m.branch_if_bit_clear(word, 0, done);
    }
    cx.m.bind(global)?;
    cx.m.load_vm_word(dst, cx.rt.global)?;
    cx.m.bind(done)
}

/// The `ret_reg`/`kind`/`entry`/`argc` word of a frame pushed by compiled code.
fn frame_flags_word(dst: u64, kind: u8, argc: u32) -> u64 {
    let entry = 0u64;
    dst | (kind as u64) << 16 | entry << 24 | (argc as u64) << 32
}

/// `Return` of a call or `new` frame: pops it in place, then for a frame compiled code pushed
/// stores the result in the caller's destination register and returns to the caller's
/// machine code; for a frame the interpreter entered, stores it in `TierSlot::returned` and
/// returns to the entry stub (as the return helper does). Branches to `helper` for any other
/// frame kind and for a derived constructor's uninitialised `this` (which throws).
fn inline_return<M: ValueOps>(cx: &mut Ctx<'_, M>, pc: usize, helper: M::Label) -> MasmResult {
    let rt = cx.rt;
    frames_end(cx, R2, R1)?;
    // R2 = the top frame's end (frames[len - 1] is at R2 - FRAME_SIZE).
    let top = -(FRAME_SIZE as i32);
    cx.m.load_u8(R7, R2, top + offset_of!(Frame, jit) as i32)?;
    cx.m.load_slot(R4, cx.reg(pc, 0) as i32)?;
    // A constructor returns its `this` unless the value is an object (a derived one whose
    // `this` is still uninitialised throws: the helper's case).
    let pop = cx.m.new_label();
    cx.m.load_u8(R3, R2, top + offset_of!(Frame, kind) as i32)?;
    const _: () = assert!(FRAME_CALL == 0);
    cx.m.branch_if_zero32(R3, pop);
    cx.m.branch_if_u32_ne(R3, FRAME_CONSTRUCT as u32, helper);
    let not_object = cx.m.new_label();
    cx.m.unbox_object_or(R5, R4, not_object);
    cx.m.jump(pop);
    cx.m.bind(not_object)?;
    cx.m.load_slot(R4, -(HDR_THIS as i32))?;
    cx.m.branch_if_word_eq(R4, Value::EMPTY.0, helper);
    cx.m.bind(pop)?;
    cx.m.load_u32(R5, R2, top + offset_of!(Frame, saved_sp) as i32)?;
    cx.m.store_vm_word(R5, rt.sp)?;
    cx.m.add_imm(R1, R1, -1)?;
    cx.m.store_vm_word(R1, rt.frames_len)?;
    let to_caller = cx.m.new_label();
    cx.m.branch_if_u32_ne(R7, 0, to_caller);
    cx.m.store_vm_word(R4, rt.returned)?;
    cx.m.exit(0, 0)?;
    cx.m.bind(to_caller)?;
    // The caller (frames[len - 2]): regs[caller.fp + ret_reg] = result.
    cx.m.load_u16(R3, R2, top + offset_of!(Frame, ret_reg) as i32)?;
    cx.m.load_word(R5, R2, 2 * top + offset_of!(Frame, fp) as i32)?;
    cx.m.add_shifted(R5, R5, R3, 0)?;
    cx.m.load_vm_word(R6, rt.regs_base)?;
    cx.m.add_shifted(R6, R6, R5, 3)?;
    cx.m.store_word(R4, R6, 0)?;
    cx.m.exit(0, 0)
}

/// `Return` (or `Suspend`) through the runtime's return (suspend) helper, which pops the
/// frame: then back to the machine caller (compiled code, or the entry stub for a frame the
/// interpreter entered).
fn helper_return<M: ValueOps>(cx: &mut Ctx<'_, M>, pc: usize, helper: u64) -> MasmResult {
    let threw = cx.threw();
    cx.m.call_helper(helper, imm(pc as u64))?;
    cx.m.branch_if_result_eq(HELPER_THREW, threw)?;
    cx.m.exit(0, 0)
}

/// A call through the runtime's call helper.
fn helper_call<M: ValueOps>(cx: &mut Ctx<'_, M>, pc: usize) -> MasmResult {
    let op = cx.op_at(pc).expect("a call op");
    let threw = cx.threw();
    let next = cx.label_at(pc + op.encoded_len())?;
    let unwind = cx.unwind();
    cx.m.call_helper(cx.rt.call, imm(pc as u64))?;
    cx.m.branch_if_result_eq(HELPER_DONE, next)?;
    cx.m.branch_if_result_eq(HELPER_THREW, threw)?;
    cx.m.branch_if_result_eq(HELPER_INTERPRET, unwind)?;
    cx.m.call_compiled(cx.rt.callee_window)?;
    // The callee's status: returned, threw, or left the frame stack to the interpreter.
    cx.m.branch_if_result_eq(HELPER_THREW, threw)?;
    cx.m.branch_if_result_eq(STATUS_EXIT, unwind)?;
    Ok(())
}
