//! [`MacroAssembler`] for AArch64 over [`crate::asm::aarch64::Assembler`].
//!
//! Register assignment (compiled code runs inside the exec layer's entry stub, which saves and
//! restores x19–x28, so compiled code may use all of them):
//! - x19: the current frame's register window (`&regs[fp]`; slot `i` at `[x19, #8*i]`, the
//!   frame header at negative offsets), saved in each machine frame and reloaded after a call
//!   to compiled code; x20: the VM (first argument of every helper);
//! - x26: the exit value across the exit helper's call;
//! - x22 = 0xFFF9_0000 (upper half of an int32 value), x23 = the int32 tag, x24 = `false`,
//!   x25 = the object tag (pinned constants loaded by the prologue);
//! - x27: address of the "ops executed in compiled code" counter (with `--stats`);
//! - x9–x14, x2–x3: the scratch registers [`Reg`]`(0..8)`; x15–x17: internal temporaries;
//! - x0/x1: helper arguments and result; status and value returned to the caller.
//!
//! Machine frame of compiled code (32 bytes): `[sp]` = x29, x30; `[sp, #16]` = this frame's
//! x19. A JIT→JIT call `blr`s to the callee's call entry with x19 = the callee's window.

use crate::asm::aarch64::{
    AsmError, Assembler, Cond, Extend, Imm12, Index, Label, Mem, SP, Shift, W, X, X0, X1, X29, X30,
    XReg, XZR,
};
use crate::asm::aarch64::{D, DReg};
use crate::jit::masm::{
    BitOp, FReg as FpScratch, FpCond, FpOp, FpUnary, IntCond, IntOp, MacroAssembler, MasmError,
    MasmResult, Reg,
};
use crate::js::value::{ASR48_STRING, FALSE, INT32_TAG_HI, TAG_INT32, TAG_OBJECT};

const FRAME: XReg = X(19);
const TAG_HI: XReg = X(22);
const INT_TAG: XReg = X(23);
const FALSE_REG: XReg = X(24);
const OBJ_TAG: XReg = X(25);
const COUNTER: XReg = X(27);
const VM: XReg = X(20);
/// Holds the exit value across the exit helper's call (callee-saved in AAPCS64).
const EXIT_VALUE: XReg = X(26);
/// Bytes of machine stack per compiled frame: x29, x30, the window register (+ padding).
const MACHINE_FRAME: i64 = 32;
/// Offset of the saved window register in the machine frame.
const SAVED_WINDOW: i64 = 16;
const T0: XReg = X(15);
const T1: XReg = X(16);
/// Most code one op's template (or one piece of out-of-line code) emits: an island is placed
/// before a pending branch could fall out of reach within that distance.
const ISLAND_MARGIN: usize = 8 << 10;
/// An island takes every pending branch whose reach ends within this distance: every `tbz`
/// (32 KiB), and `b.cond`s near their 1 MiB.
const ISLAND_REACH: usize = 32 << 10;

impl From<AsmError> for MasmError {
    fn from(e: AsmError) -> MasmError {
        MasmError(e.to_string())
    }
}

/// The machine register number of scratch register `r`: x9–x14, then x2–x3.
fn scratch_number(r: Reg) -> u8 {
    debug_assert!(r.0 < crate::jit::masm::SCRATCH_REGS);
    if r.0 < 6 { 9 + r.0 } else { r.0 - 4 }
}

fn x(r: Reg) -> XReg {
    X(scratch_number(r))
}

fn w(r: Reg) -> crate::asm::aarch64::WReg {
    W(scratch_number(r))
}

fn cond(c: IntCond) -> Cond {
    match c {
        IntCond::Eq => Cond::Eq,
        IntCond::Ne => Cond::Ne,
        IntCond::Lt => Cond::Lt,
        IntCond::Le => Cond::Le,
        IntCond::Gt => Cond::Gt,
        IntCond::Ge => Cond::Ge,
    }
}

/// A frame slot's address: scaled offset for registers, unscaled for the header.
fn slot_mem(slot: i32) -> Mem {
    let off = 8 * slot as i64;
    if off >= 0 {
        Mem::off(FRAME, off)
    } else {
        Mem::unscaled(FRAME, off)
    }
}

fn field_mem(base: XReg, offset: i32) -> Mem {
    if offset >= 0 {
        Mem::off(base, offset as i64)
    } else {
        Mem::unscaled(base, offset as i64)
    }
}

/// The AArch64 macro-assembler.
#[derive(Default)]
pub struct A64Masm {
    a: Assembler,
    count_ops: bool,
    /// Out-of-line code of this function's templates, emitted after everything else.
    ool: Vec<Ool>,
}

impl A64Masm {
    pub fn new() -> A64Masm {
        A64Masm::default()
    }

    /// Opens the machine frame: frame record plus this frame's window register.
    fn open_frame(&mut self) -> MasmResult {
        self.a.stp_pre(X29, X30, SP, -MACHINE_FRAME)?;
        self.a.mov_sp(X29, SP);
        self.a.str(FRAME, Mem::off(SP, SAVED_WINDOW))?;
        Ok(())
    }

    /// Closes the machine frame and returns (x0/x1 already hold status and value).
    fn close_frame(&mut self) -> MasmResult {
        self.a.ldp_post(X29, X30, SP, MACHINE_FRAME)?;
        self.a.ret();
        Ok(())
    }
}

impl MacroAssembler for A64Masm {
    type Label = Label;

    fn new_label(&mut self) -> Label {
        self.a.new_label()
    }
    fn bind(&mut self, label: Label) -> MasmResult {
        self.a.bind(label)?;
        Ok(())
    }
    fn offset(&self) -> usize {
        self.a.offset()
    }
    fn island_point(&mut self) {
        if self.a.island_due(ISLAND_MARGIN) {
            self.a.emit_island(ISLAND_REACH);
        }
    }

    fn stub_entry(&mut self, count_ops: bool, counter: u64) -> MasmResult {
        self.count_ops = count_ops;
        self.open_frame()?;
        self.a.mov_imm64_quick(TAG_HI, INT32_TAG_HI as u64);
        self.a.mov_imm64_quick(INT_TAG, TAG_INT32);
        self.a.mov_imm64_quick(FALSE_REG, FALSE);
        self.a.mov_imm64_quick(OBJ_TAG, TAG_OBJECT);
        if count_ops {
            self.a.mov_imm64_quick(COUNTER, counter);
        }
        self.a.br(X0);
        Ok(())
    }

    fn call_entry(&mut self, limit_field: i32, overflow: u64, start: Label) -> MasmResult {
        self.open_frame()?;
        let over = self.a.new_label();
        self.a.ldr(T0, field_mem(VM, limit_field))?;
        self.a.mov_sp(T1, SP);
        self.a.cmp(T1, T0);
        self.a.b_cond(Cond::Cc, over);
        self.a.b(start);
        self.a.bind(over)?;
        self.call_helper(overflow, 0)?;
        self.exit(1, 0)
    }

    fn exit(&mut self, status: u64, value: u64) -> MasmResult {
        self.a.mov_imm64_quick(X0, status);
        self.a.mov_imm64_quick(X1, value);
        self.close_frame()
    }

    fn call_helper(&mut self, addr: u64, arg: u64) -> MasmResult {
        self.a.mov(X0, VM);
        self.a.mov_imm64_quick(X1, arg);
        self.a.mov_imm64_quick(T1, addr);
        self.a.blr(T1);
        Ok(())
    }

    fn branch_if_result_eq(&mut self, imm: u64, label: Label) -> MasmResult {
        if imm == 0 {
            self.a.cbz(X0, label);
            return Ok(());
        }
        match Imm12::new(imm) {
            Some(i) => self.a.cmp_imm(X0, i),
            None => {
                self.a.mov_imm64_quick(T0, imm);
                self.a.cmp(X0, T0);
            }
        }
        self.a.b_cond(Cond::Eq, label);
        Ok(())
    }

    fn call_compiled(&mut self, window_field: i32) -> MasmResult {
        self.a.ldr(FRAME, field_mem(VM, window_field))?;
        self.a.blr(X0);
        self.a.ldr(FRAME, Mem::off(X29, SAVED_WINDOW))?;
        Ok(())
    }

    fn jump_with_exit_value(&mut self, value: u64, label: Label) {
        self.a.mov_imm64_quick(X1, value);
        self.a.b(label);
    }

    fn jump_with_result_pc(&mut self, reason: u64, label: Label) -> MasmResult {
        self.a.mov_imm64_quick(T0, reason << 32);
        self.a.orr(X1, X0, T0);
        self.a.b(label);
        Ok(())
    }

    fn exit_through(&mut self, addr: u64, deopt_status: u64) -> MasmResult {
        let (finished, threw) = (self.a.new_label(), self.a.new_label());
        self.a.mov(EXIT_VALUE, X1);
        self.a.mov(X0, VM);
        self.a.mov_imm64_quick(T1, addr);
        self.a.blr(T1);
        self.a.cbz(X0, finished);
        self.a.cmp_imm(X0, Imm12::new(1).expect("1 is encodable"));
        self.a.b_cond(Cond::Eq, threw);
        self.a.mov(X1, EXIT_VALUE);
        self.a.mov_imm64_quick(X0, deopt_status);
        self.close_frame()?;
        self.a.bind(finished)?;
        self.exit(0, 0)?;
        self.a.bind(threw)?;
        self.exit(1, 0)
    }

    fn safepoint(&mut self, field: i32, addr: u64) -> MasmResult {
        let skip = self.a.new_label();
        self.a.ldrb(W(16), field_mem(VM, field))?;
        self.a.cbz(W(16), skip);
        self.call_helper(addr, 0)?;
        self.a.bind(skip)?;
        Ok(())
    }

    fn bump_counter(&mut self, delta: i64) -> MasmResult {
        if !self.count_ops {
            return Ok(());
        }
        self.a.ldr(T0, Mem::off(COUNTER, 0))?;
        self.a.add_imm_signed(T0, T0, delta)?;
        self.a.str(T0, Mem::off(COUNTER, 0))?;
        Ok(())
    }

    fn load_slot(&mut self, dst: Reg, slot: i32) -> MasmResult {
        self.a.ldr(x(dst), slot_mem(slot))?;
        Ok(())
    }
    fn store_slot(&mut self, src: Reg, slot: i32) -> MasmResult {
        self.a.str(x(src), slot_mem(slot))?;
        Ok(())
    }
    fn mov_imm(&mut self, dst: Reg, value: u64) {
        self.a.mov_imm64_quick(x(dst), value);
    }

    fn branch_if_not_int32(&mut self, v: Reg, label: Label) {
        // cmp x22, v, lsr #32: the upper half must be the int32 tag.
        self.a
            .cmp_shifted(TAG_HI, x(v), Shift::Lsr, 32)
            .expect("lsr #32 is encodable");
        self.a.b_cond(Cond::Ne, label);
    }

    fn int32_op(&mut self, op: IntOp, dst: Reg, a: Reg, b: Reg, overflow: Label) {
        match op {
            IntOp::Add => {
                self.a.adds(w(dst), w(a), w(b));
                self.a.b_cond(Cond::Vs, overflow);
            }
            IntOp::Sub => {
                self.a.subs(w(dst), w(a), w(b));
                self.a.b_cond(Cond::Vs, overflow);
            }
            IntOp::Mul => {
                self.a.smull(x(dst), w(a), w(b));
                // The 64-bit product must equal its own low word sign-extended.
                self.a
                    .subs_ext(XZR, x(dst), w(dst), Extend::Sxtw, 0)
                    .expect("cmp x, w, sxtw is encodable");
                self.a.b_cond(Cond::Ne, overflow);
                self.a.cbz(w(dst), overflow);
                // Zero-extend the low word before tagging.
                self.a.mov(w(dst), w(dst));
            }
        }
        self.a.orr(x(dst), x(dst), INT_TAG);
    }

    fn int32_add_imm(&mut self, dst: Reg, a: Reg, imm: i32, overflow: Label) -> MasmResult {
        let mag = Imm12::new(imm.unsigned_abs() as u64)
            .ok_or_else(|| MasmError(format!("int32 immediate {imm} not encodable")))?;
        if imm >= 0 {
            self.a.adds_imm(w(dst), w(a), mag);
        } else {
            self.a.subs_imm(w(dst), w(a), mag);
        }
        self.a.b_cond(Cond::Vs, overflow);
        self.a.orr(x(dst), x(dst), INT_TAG);
        Ok(())
    }

    fn int32_compare(&mut self, a: Reg, b: Reg) {
        self.a.cmp(w(a), w(b));
    }
    fn word_compare(&mut self, a: Reg, b: Reg) {
        self.a.cmp(x(a), x(b));
    }
    fn set_bool(&mut self, dst: Reg, c: IntCond) -> MasmResult {
        self.a.cset(x(dst), cond(c))?;
        // false = ...02, true = ...03.
        self.a.orr(x(dst), x(dst), FALSE_REG);
        Ok(())
    }
    fn branch_if(&mut self, c: IntCond, label: Label) {
        self.a.b_cond(cond(c), label);
    }
    fn branch_if_word_eq(&mut self, v: Reg, word: u64, label: Label, tmp: Reg) {
        self.a.mov_imm64_quick(x(tmp), word);
        self.a.cmp(x(v), x(tmp));
        self.a.b_cond(Cond::Eq, label);
    }
    fn branch_if_word_ne(&mut self, v: Reg, word: u64, label: Label, tmp: Reg) {
        self.a.mov_imm64_quick(x(tmp), word);
        self.a.cmp(x(v), x(tmp));
        self.a.b_cond(Cond::Ne, label);
    }
    fn jump(&mut self, label: Label) {
        self.a.b(label);
    }

    fn unbox_object_or(&mut self, dst: Reg, v: Reg, label: Label) {
        self.a.eor(x(dst), x(v), OBJ_TAG);
        self.a
            .lsr_imm(T1, x(dst), 48)
            .expect("lsr #48 is encodable");
        self.a.cbnz(T1, label);
    }
    fn load_word(&mut self, dst: Reg, base: Reg, offset: i32) -> MasmResult {
        self.a.ldr(x(dst), field_mem(x(base), offset))?;
        Ok(())
    }
    fn load_u32(&mut self, dst: Reg, base: Reg, offset: i32) -> MasmResult {
        self.a.ldr(w(dst), field_mem(x(base), offset))?;
        Ok(())
    }
    fn load_u8(&mut self, dst: Reg, base: Reg, offset: i32) -> MasmResult {
        self.a.ldrb(w(dst), field_mem(x(base), offset))?;
        Ok(())
    }
    fn load_u16_indexed(&mut self, dst: Reg, base: Reg, index: Reg) {
        self.a
            .ldrh(w(dst), Mem::reg(x(base), Index::WUxtw(w(index)), true))
            .expect("register-offset load is encodable");
    }
    fn load_indexed(&mut self, dst: Reg, base: Reg, index: Reg) {
        self.a
            .ldr(x(dst), Mem::reg(x(base), Index::WUxtw(w(index)), true))
            .expect("register-offset load is encodable");
    }
    fn store_indexed(&mut self, src: Reg, base: Reg, index: Reg) {
        self.a
            .str(x(src), Mem::reg(x(base), Index::WUxtw(w(index)), true))
            .expect("register-offset store is encodable");
    }
    fn branch_if_ne(&mut self, a: Reg, b: Reg, label: Label) {
        self.a.cmp(x(a), x(b));
        self.a.b_cond(Cond::Ne, label);
    }
    fn branch_if_u32_ne(&mut self, v: Reg, imm: u32, label: Label, tmp: Reg) {
        match Imm12::new(imm as u64) {
            Some(i) => self.a.cmp_imm(w(v), i),
            None => {
                self.a.mov_imm32(w(tmp), imm);
                self.a.cmp(w(v), w(tmp));
            }
        }
        self.a.b_cond(Cond::Ne, label);
    }
    fn branch_if_any_bits(&mut self, v: Reg, mask: u8, label: Label) -> MasmResult {
        self.a.tst_imm(w(v), mask as u64)?;
        self.a.b_cond(Cond::Ne, label);
        Ok(())
    }
    fn branch_if_zero32(&mut self, v: Reg, label: Label) {
        self.a.cbz(w(v), label);
    }

    fn finish(mut self) -> MasmResult<Vec<u8>> {
        self.emit_ool()?;
        Ok(self.a.finalize()?)
    }

    // -----------------------------------------------------------------------------------------
    // Calls: frames pushed and popped in place.
    // -----------------------------------------------------------------------------------------

    fn store_vm_word(&mut self, src: Reg, offset: i32) -> MasmResult {
        self.a.str(x(src), field_mem(VM, offset))?;
        Ok(())
    }
    fn load_vm_u8(&mut self, dst: Reg, offset: i32) -> MasmResult {
        self.a.ldrb(w(dst), field_mem(VM, offset))?;
        Ok(())
    }
    fn add_shifted(&mut self, dst: Reg, a: Reg, b: Reg, shift: u8) -> MasmResult {
        self.a
            .add_shifted(x(dst), x(a), x(b), Shift::Lsl, shift as u32)?;
        Ok(())
    }
    fn add_imm(&mut self, dst: Reg, a: Reg, imm: i64) -> MasmResult {
        self.a.add_imm_signed(x(dst), x(a), imm)?;
        Ok(())
    }
    fn index_addr(&mut self, dst: Reg, base: Reg, index: Reg, size: u64) {
        self.a.mov_imm64_quick(T0, size);
        self.a.madd(x(dst), x(index), T0, x(base));
    }
    fn branch_if_ge_imm(&mut self, v: Reg, imm: u64, label: Label) {
        match Imm12::new(imm) {
            Some(i) => self.a.cmp_imm(x(v), i),
            None => {
                self.a.mov_imm64_quick(T0, imm);
                self.a.cmp(x(v), T0);
            }
        }
        self.a.b_cond(Cond::Cs, label);
    }
    fn branch_if_bit_clear(&mut self, v: Reg, bit: u8, label: Label) -> MasmResult {
        self.a.tbz(x(v), bit as u32, label)?;
        Ok(())
    }
    fn branch_if_zero(&mut self, v: Reg, label: Label) {
        self.a.cbz(x(v), label);
    }
    fn branch_if_above(&mut self, a: Reg, b: Reg, label: Label) {
        self.a.cmp(x(a), x(b));
        self.a.b_cond(Cond::Hi, label);
    }
    fn slot_addr(&mut self, dst: Reg, slot: i32) -> MasmResult {
        self.a.add_imm_signed(x(dst), FRAME, 8 * slot as i64)?;
        Ok(())
    }
    fn call_helper_with(&mut self, addr: u64, arg: Reg) -> MasmResult {
        self.a.mov(X1, x(arg));
        self.a.mov(X0, VM);
        self.a.mov_imm64_quick(T1, addr);
        self.a.blr(T1);
        Ok(())
    }
    fn result_to(&mut self, dst: Reg) {
        self.a.mov(x(dst), X0);
    }
    fn fill_words(&mut self, from: Reg, to: Reg, value: Reg) -> MasmResult {
        let (top, done) = (self.a.new_label(), self.a.new_label());
        self.bind_local(top);
        self.a.cmp(x(from), x(to));
        self.a.b_cond(Cond::Cs, done);
        self.a.str(x(value), Mem::post(x(from), 8))?;
        self.a.b(top);
        self.bind_local(done);
        Ok(())
    }
    fn call_compiled_at(&mut self, entry: Reg, window: Reg) -> MasmResult {
        self.a.and_imm(X0, x(entry), !1u64)?;
        self.a.mov(FRAME, x(window));
        self.a.blr(X0);
        self.a.ldr(FRAME, Mem::off(X29, SAVED_WINDOW))?;
        Ok(())
    }

    // -----------------------------------------------------------------------------------------
    // Number, bitwise, element and global templates (helpers at the end of this file).
    // -----------------------------------------------------------------------------------------

    fn unbox_number_or(&mut self, dst: FpScratch, v: Reg, label: Label) {
        self.number_ool(dst, v, Some(label));
    }

    fn unbox_int32_or(&mut self, dst: Reg, v: Reg, label: Label, tmp: FpScratch) {
        self.int32_or_ool(dst, v, label, tmp, true);
    }

    fn fp_op(&mut self, op: FpOp, dst: FpScratch, a: FpScratch, b: FpScratch) {
        let (rd, rn, rm) = (d(dst), d(a), d(b));
        match op {
            FpOp::Add => self.a.fadd(rd, rn, rm),
            FpOp::Sub => self.a.fsub(rd, rn, rm),
            FpOp::Mul => self.a.fmul(rd, rn, rm),
            FpOp::Div => self.a.fdiv(rd, rn, rm),
        }
    }
    fn fp_neg(&mut self, dst: FpScratch, a: FpScratch) {
        self.a.fneg(d(dst), d(a));
    }
    fn fp_unary(&mut self, op: FpUnary, dst: FpScratch, a: FpScratch) {
        // An invalid operation (the root of a negative) makes the default NaN, which is
        // the canonical one; a NaN operand is canonical already and passes through.
        let (rd, rn) = (d(dst), d(a));
        match op {
            FpUnary::Sqrt => self.a.fsqrt(rd, rn),
            FpUnary::Abs => self.a.fabs(rd, rn),
            FpUnary::Floor => self.a.frintm(rd, rn),
            FpUnary::Ceil => self.a.frintp(rd, rn),
            FpUnary::Trunc => self.a.frintz(rd, rn),
        }
    }
    fn fp_mov_imm(&mut self, dst: FpScratch, value: f64) {
        if self.a.fmov_imm(d(dst), value).is_err() {
            self.a.mov_imm64_quick(T0, value.to_bits());
            self.a.fmov_from_gp(d(dst), T0);
        }
    }
    fn fp_or_sign(&mut self, dst: FpScratch, src: FpScratch) {
        self.a.fmov_to_gp(T0, d(src));
        self.a.fmov_to_gp(T1, d(dst));
        self.a
            .and_imm(T0, T0, 1 << 63)
            .expect("the sign bit is a bitmask immediate");
        self.a.orr(T1, T1, T0);
        self.a.fmov_from_gp(d(dst), T1);
    }

    fn box_number(&mut self, dst: Reg, src: FpScratch) {
        // `Value::number`: the bits as they are, unless the double may be an int32. An
        // int32-valued double has at most 31 significant bits after the leading one, so its
        // low 21 mantissa bits are clear; most other doubles fail that test in one `tst`.
        // The exact test runs out of line (`box_int32_valued`).
        let (entry, back) = (self.a.new_label(), self.a.new_label());
        self.a.fmov_to_gp(x(dst), d(src));
        self.a
            .tst_imm(x(dst), (1 << 21) - 1)
            .expect("21 low bits are a bitmask immediate");
        self.a.b_cond(Cond::Eq, entry);
        self.bind_local(back);
        self.ool.push(Ool {
            entry,
            back,
            v: dst,
            not_number: None,
            kind: OolKind::BoxNumber,
        });
    }

    fn fp_compare(&mut self, a: FpScratch, b: FpScratch) {
        self.a.fcmp(d(a), d(b));
    }
    fn set_bool_fp(&mut self, dst: Reg, c: FpCond) -> MasmResult {
        self.a.cset(x(dst), fp_cond(c))?;
        self.a.orr(x(dst), x(dst), FALSE_REG);
        Ok(())
    }
    fn branch_if_fp(&mut self, c: FpCond, label: Label) {
        self.a.b_cond(fp_cond(c), label);
    }

    fn int32_neg(&mut self, dst: Reg, a: Reg, not_int: Label) {
        // -0 and 2^31 are not int32s.
        self.a.cbz(w(a), not_int);
        self.a.negs(T1W, w(a));
        self.a.b_cond(Cond::Vs, not_int);
        self.a.orr(x(dst), T1, INT_TAG);
    }
    fn int32_rem(&mut self, dst: Reg, a: Reg, b: Reg, label: Label) {
        // a − trunc(a / b) × b has the dividend's sign, as `%` does. `sdiv` of i32::MIN by
        // −1 gives i32::MIN (no trap), and the remainder 0 then goes to `label` as a −0.
        let nonzero = self.a.new_label();
        self.a.cbz(w(b), label);
        self.a.sdiv(T1W, w(a), w(b));
        self.a.msub(T1W, T1W, w(b), w(a));
        self.a.cbnz(T1W, nonzero);
        self.a
            .tbnz(w(a), 31, label)
            .expect("bit 31 of a W register is testable");
        self.bind_local(nonzero);
        self.a.orr(x(dst), T1, INT_TAG);
    }
    fn int32_bitop(&mut self, op: BitOp, dst: Reg, a: Reg, b: Reg) {
        // W-register results are zero-extended, ready to be tagged. Variable shifts take
        // the count modulo 32, as JavaScript does.
        let (rn, rm) = (w(a), w(b));
        match op {
            BitOp::And => self.a.and(T1W, rn, rm),
            BitOp::Or => self.a.orr(T1W, rn, rm),
            BitOp::Xor => self.a.eor(T1W, rn, rm),
            BitOp::Shl => self.a.lsl(T1W, rn, rm),
            BitOp::Shr => self.a.asr(T1W, rn, rm),
            BitOp::UShr => self.a.lsr(T1W, rn, rm),
        }
        if op == BitOp::UShr {
            self.box_uint32(dst);
        } else {
            self.a.orr(x(dst), T1, INT_TAG);
        }
    }
    fn int32_not(&mut self, dst: Reg, a: Reg) {
        self.a.mvn(T1W, w(a));
        self.a.orr(x(dst), T1, INT_TAG);
    }

    fn branch_if_string(&mut self, v: Reg, label: Label) {
        self.a.asr_imm(T1, x(v), 48).expect("asr #48 is encodable");
        self.a.cmn_imm(T1, imm12(ASR48_STRING.unsigned_abs()));
        self.a.b_cond(Cond::Eq, label);
    }
    fn branch_if_eq(&mut self, a: Reg, b: Reg, label: Label) {
        self.a.cmp(x(a), x(b));
        self.a.b_cond(Cond::Eq, label);
    }
    fn branch_if_u32_ge(&mut self, a: Reg, b: Reg, label: Label) {
        self.a.cmp(w(a), w(b));
        self.a.b_cond(Cond::Cs, label);
    }
    fn branch_if_u32_le_imm(&mut self, v: Reg, imm: u32, label: Label) -> MasmResult {
        let i = Imm12::new(imm as u64)
            .ok_or_else(|| MasmError(format!("compare immediate {imm} not encodable")))?;
        self.a.cmp_imm(w(v), i);
        self.a.b_cond(Cond::Ls, label);
        Ok(())
    }
    fn branch_if_negative32(&mut self, v: Reg, label: Label) {
        self.a
            .tbnz(w(v), 31, label)
            .expect("bit 31 of a W register is testable");
    }
    fn load_vm_word(&mut self, dst: Reg, offset: i32) -> MasmResult {
        self.a.ldr(x(dst), field_mem(VM, offset))?;
        Ok(())
    }
    fn unbox_payload(&mut self, dst: Reg, v: Reg) {
        self.a
            .ubfx(x(dst), x(v), 0, 48)
            .expect("a 48-bit field is encodable");
    }
    fn store_word(&mut self, src: Reg, base: Reg, offset: i32) -> MasmResult {
        self.a.str(x(src), field_mem(x(base), offset))?;
        Ok(())
    }
    fn store_u32(&mut self, src: Reg, base: Reg, offset: i32) -> MasmResult {
        self.a.str(w(src), field_mem(x(base), offset))?;
        Ok(())
    }
    fn load_vm_u32(&mut self, dst: Reg, offset: i32) -> MasmResult {
        self.a.ldr(w(dst), field_mem(VM, offset))?;
        Ok(())
    }
    fn box_int32(&mut self, dst: Reg, v: Reg) {
        self.a.mov(T1W, w(v));
        self.a.orr(x(dst), T1, INT_TAG);
    }

    // -----------------------------------------------------------------------------------------
    // Templates specialised on known operands (helpers in the last section of this file).
    // -----------------------------------------------------------------------------------------

    fn unbox_number(&mut self, dst: FpScratch, v: Reg) {
        self.number_ool(dst, v, None);
    }
    fn int32_to_fp(&mut self, dst: FpScratch, v: Reg) {
        self.a.scvtf(d(dst), w(v));
    }
    fn number_to_int32_or(&mut self, dst: Reg, v: Reg, label: Label, tmp: FpScratch) {
        self.int32_or_ool(dst, v, label, tmp, false);
    }
    fn mov_int32(&mut self, dst: Reg, value: i32) {
        self.a.mov_imm32(w(dst), value as u32);
    }
    fn int32_bitop_imm(&mut self, op: BitOp, dst: Reg, a: Reg, imm: i32) {
        let amount = (imm & 31) as u32;
        let shift =
            |r: crate::asm::aarch64::AsmResult| r.expect("shift amounts below 32 are encodable");
        match op {
            BitOp::And | BitOp::Or | BitOp::Xor => {
                let bits = imm as u32 as u64;
                let done = match op {
                    BitOp::And => self.a.and_imm(T1W, w(a), bits),
                    BitOp::Or => self.a.orr_imm(T1W, w(a), bits),
                    _ => self.a.eor_imm(T1W, w(a), bits),
                };
                if done.is_err() {
                    self.a.mov_imm32(T0W, imm as u32);
                    match op {
                        BitOp::And => self.a.and(T1W, w(a), T0W),
                        BitOp::Or => self.a.orr(T1W, w(a), T0W),
                        _ => self.a.eor(T1W, w(a), T0W),
                    }
                }
            }
            _ if amount == 0 => self.a.mov(T1W, w(a)),
            BitOp::Shl => shift(self.a.lsl_imm(T1W, w(a), amount)),
            BitOp::Shr => shift(self.a.asr_imm(T1W, w(a), amount)),
            BitOp::UShr => shift(self.a.lsr_imm(T1W, w(a), amount)),
        }
        if op == BitOp::UShr && amount == 0 {
            self.box_uint32(dst);
        } else {
            self.a.orr(x(dst), T1, INT_TAG);
        }
    }
    fn int32_compare_imm(&mut self, a: Reg, imm: i32) {
        // cmn a, #k sets the same flags as cmp a, #-k for 0 < k < 4096.
        match Imm12::new(imm.unsigned_abs() as u64) {
            Some(i) if imm >= 0 => self.a.cmp_imm(w(a), i),
            Some(i) => self.a.cmn_imm(w(a), i),
            None => {
                self.a.mov_imm32(T0W, imm as u32);
                self.a.cmp(w(a), T0W);
            }
        }
    }
    fn fp_neg_number(&mut self, dst: FpScratch, a: FpScratch) {
        // -a as a * -1: exact for every non-NaN, and a NaN operand comes back as it is.
        self.a
            .fmov_imm(FT, -1.0)
            .expect("-1.0 is an fmov immediate");
        self.a.fmul(d(dst), d(a), FT);
    }
}

// ---------------------------------------------------------------------------------------------
// Helpers of the number, bitwise, element and global templates.
// ---------------------------------------------------------------------------------------------

/// `w16`, the 32-bit view of the internal temporary `T1`.
const T1W: crate::asm::aarch64::WReg = W(16);
/// Internal FP temporary (the FP scratch registers are d0–d7).
const FT: DReg = D(31);

/// The double register of an FP scratch register.
fn d(r: FpScratch) -> DReg {
    debug_assert!(r.0 < crate::jit::masm::FP_SCRATCH_REGS);
    D(r.0)
}

/// An immediate known to fit 12 bits.
fn imm12(v: u64) -> Imm12 {
    Imm12::new(v).expect("small immediate")
}

/// The AArch64 condition of `c` after `fcmp` (false on unordered for the ordered ones: NaN
/// sets C and V).
fn fp_cond(c: FpCond) -> Cond {
    match c {
        FpCond::Lt => Cond::Mi,
        FpCond::Le => Cond::Ls,
        FpCond::Gt => Cond::Gt,
        FpCond::Ge => Cond::Ge,
        FpCond::Eq => Cond::Eq,
        FpCond::Ne => Cond::Ne,
        FpCond::NotLt => Cond::Pl,
        FpCond::NotLe => Cond::Hi,
        FpCond::NotGt => Cond::Le,
        FpCond::NotGe => Cond::Lt,
    }
}

impl A64Masm {
    /// Binds a label local to one macro instruction (never referenced from outside it).
    fn bind_local(&mut self, l: Label) {
        self.a.bind(l).expect("a fresh local label binds once");
    }
}

// ---------------------------------------------------------------------------------------------
// Helpers of the templates specialised on known operands, and out-of-line code.
// ---------------------------------------------------------------------------------------------

/// `w15`, the 32-bit view of the internal temporary `T0`.
const T0W: crate::asm::aarch64::WReg = W(15);

/// Code emitted after the function's main body, entered with the flags of
/// `cmp x22, v, lsr #32`; it branches back to `back` or to `slow`.
struct Ool {
    entry: Label,
    back: Label,
    v: Reg,
    /// Branch here for a non-number, if `v` may be one.
    not_number: Option<Label>,
    kind: OolKind,
}

enum OolKind {
    /// The double case of [`MacroAssembler::unbox_int32_or`]: ToInt32 into `dst`, `slow`
    /// for a double of magnitude 2^63 or more.
    Int32 {
        dst: Reg,
        tmp: FpScratch,
        slow: Label,
    },
    /// The int32 case of [`MacroAssembler::unbox_number_or`]: converted into `dst`.
    Number { dst: FpScratch },
    /// [`MacroAssembler::box_number`] of a double whose low 21 mantissa bits are clear:
    /// `v` (holding its bits) becomes the int32 if the double is one.
    BoxNumber,
}

impl A64Masm {
    /// `dst` = the number in `v`: the double inline (one untaken branch, no conversion), an
    /// int32 converted out of line; a non-number branches to `not_number`.
    fn number_ool(&mut self, dst: FpScratch, v: Reg, not_number: Option<Label>) {
        let (entry, back) = (self.a.new_label(), self.a.new_label());
        self.a
            .cmp_shifted(TAG_HI, x(v), Shift::Lsr, 32)
            .expect("lsr #32 is encodable");
        // ls: the upper half is the int32 tag's or above it.
        self.a.b_cond(Cond::Ls, entry);
        self.a.fmov_from_gp(d(dst), x(v));
        self.bind_local(back);
        self.ool.push(Ool {
            entry,
            back,
            v,
            not_number,
            kind: OolKind::Number { dst },
        });
    }

    /// ToInt32 of `v` into `dst`: inline for an int32 (one untaken branch), out of line for
    /// a double; `check`: also branch to `slow` for a non-number.
    fn int32_or_ool(&mut self, dst: Reg, v: Reg, slow: Label, tmp: FpScratch, check: bool) {
        let (entry, back) = (self.a.new_label(), self.a.new_label());
        self.a
            .cmp_shifted(TAG_HI, x(v), Shift::Lsr, 32)
            .expect("lsr #32 is encodable");
        self.a.b_cond(Cond::Ne, entry);
        self.a.mov(w(dst), w(v));
        self.bind_local(back);
        self.ool.push(Ool {
            entry,
            back,
            v,
            not_number: check.then_some(slow),
            kind: OolKind::Int32 { dst, tmp, slow },
        });
    }

    /// `v` (a double's bits) = the int32 of equal value if there is one (not for −0), then
    /// on to `back`; else `v` is left as it is. With integer instructions only: FP
    /// conversions are library calls under QEMU. With k = the unbiased exponent, a double
    /// is an int32 iff it is +0, or 0 ≤ k ≤ 31 with no mantissa bits below 2^0 and the
    /// signed value fitting 32 bits (−2^31 has k = 31). −0, NaN and infinities fall out of
    /// the exponent range.
    fn box_int32_valued(&mut self, v: Reg, back: Label) {
        let not_int = self.a.new_label();
        self.a.ubfx(T1, x(v), 52, 11).expect("exponent field");
        self.a.sub_imm(T1, T1, imm12(1023));
        self.a.cmp_imm(T1, imm12(31));
        self.a.b_cond(Cond::Hi, not_int);
        // Fraction bits: the mantissa shifted left by 12 + k must be all zero.
        self.a.add_imm(T0, T1, imm12(12));
        self.a.lsl(T0, x(v), T0);
        self.a.cbnz(T0, back);
        // |value| = (1.mantissa left-aligned at bit 63) >> (63 − k); 63 − k = 63 ^ k here.
        self.a
            .eor_imm(T1, T1, 63)
            .expect("63 is a bitmask immediate");
        self.a.lsl_imm(T0, x(v), 11).expect("lsl #11");
        self.a
            .orr_imm(T0, T0, 1 << 63)
            .expect("bit 63 is a bitmask immediate");
        self.a.lsr(T0, T0, T1);
        self.a.cmp_imm(x(v), imm12(0));
        self.a.cneg(T0, T0, Cond::Lt).expect("lt is a condition");
        self.a
            .subs_ext(XZR, T0, T0W, Extend::Sxtw, 0)
            .expect("cmp x, w, sxtw is encodable");
        self.a.b_cond(Cond::Ne, back);
        self.a
            .add_ext(x(v), INT_TAG, T0W, Extend::Uxtw, 0)
            .expect("add x, x, w, uxtw is encodable");
        self.a.b(back);
        self.bind_local(not_int);
        // +0 (all bits clear) is the int32 0.
        self.a.cmp_imm(x(v), imm12(0));
        self.a.csel(x(v), INT_TAG, x(v), Cond::Eq);
    }

    /// Emits the out-of-line code collected so far.
    fn emit_ool(&mut self) -> MasmResult {
        for o in std::mem::take(&mut self.ool) {
            self.island_point();
            self.a.bind(o.entry)?;
            if let Some(l) = o.not_number {
                self.a.b_cond(Cond::Cc, l);
            }
            match o.kind {
                OolKind::Int32 { dst, tmp, slow } => self.double_to_int32(dst, o.v, tmp, slow),
                OolKind::Number { dst } => self.a.scvtf(d(dst), w(o.v)),
                OolKind::BoxNumber => self.box_int32_valued(o.v, o.back),
            }
            self.a.b(o.back);
        }
        Ok(())
    }

    /// `dst` = ToInt32 of the double in `v`, else (|v| >= 2^63, infinite) branch to `slow`.
    fn double_to_int32(&mut self, dst: Reg, v: Reg, tmp: FpScratch, slow: Label) {
        self.a.fmov_from_gp(d(tmp), x(v));
        // Truncated to 64 bits (NaN gives 0); the low word is then ToInt32 unless the
        // conversion saturated (|v| >= 2^63 or infinite): x16 = x ^ (x asr 63) is
        // i64::MAX exactly for both saturated results, and x16 + 1 overflows exactly then.
        self.a.fcvtzs(x(dst), d(tmp));
        self.a
            .eor_shifted(T1, x(dst), x(dst), Shift::Asr, 63)
            .expect("asr #63 is encodable");
        self.a.cmn_imm(T1, imm12(1));
        self.a.b_cond(Cond::Vs, slow);
    }

    /// `dst` = the boxed uint32 in `w16`: an int32 up to `i32::MAX`, else a double (an
    /// integral one, never NaN or −0).
    fn box_uint32(&mut self, dst: Reg) {
        self.a.ucvtf(FT, T1W);
        self.a.fmov_to_gp(x(dst), FT);
        self.a.orr(T0, T1, INT_TAG);
        self.a
            .tst_imm(T1W, 0x8000_0000)
            .expect("bit 31 is a bitmask immediate");
        self.a.csel(x(dst), T0, x(dst), Cond::Eq);
    }
}

#[cfg(test)]
#[path = "box_tests.rs"]
mod box_tests;
