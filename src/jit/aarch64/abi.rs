//! kiln's runtime ABI on AArch64, and the one place that assigns its registers.
//!
//! Compiled code runs inside the exec layer's entry stub, which saves and restores x19–x28,
//! so compiled code may use all of them:
//! - x19 ([`Reg::FRAME`]): the current frame's register window (`&regs[fp]`; slot `i` at
//!   `[x19, #8*i]`, the frame header at negative offsets), saved in each machine frame and
//!   reloaded after a call to compiled code; x20 ([`Reg::VM`]): the VM (first argument of
//!   every helper). Both are the stub's pinned registers (`exec::aarch64::entry`).
//! - x22 = 0xFFF9_0000 (upper half of an int32 value), x23 = the int32 tag, x24 = `false`,
//!   x25 = the object tag: constants the prologue loads; an immediate operand equal to one of
//!   them is that register ([`pinned_constant`]).
//! - x26: the exit value across the exit helper's call; x27: the address of the "ops executed
//!   in compiled code" counter (with `--stats`).
//! - x9–x14, x2–x3: the template scratch registers `Reg(0..8)`; x15, x16: the value layer's
//!   temporaries [`Reg::T0`], [`Reg::T1`]; x17 and x4: the macro-assembler's own
//!   temporaries.
//! - d0–d7: the FP scratch registers; d31: the value layer's [`FReg::T0`]; d30: the
//!   macro-assembler's own.
//! - x0/x1: helper arguments and result; status and value returned to the caller.
//!
//! Machine frame of compiled code (32 bytes): `[sp]` = x29, x30; `[sp, #16]` = this frame's
//! x19. A JIT→JIT call `blr`s to the callee's call entry with x19 = the callee's window.

use super::masm::A64Masm;
use crate::asm::aarch64::{Cond, D, DReg, Imm12, Mem, SP, W, WReg, X, X0, X1, X2, X29, X30, XReg};
use crate::exec::aarch64::entry::{REG_FILE, VM as VM_REG};
use crate::jit::abi::RuntimeAbi;
use crate::jit::masm::{FP_SCRATCH_REGS, FReg, LOCAL_BASE, MasmResult, Reg, RegImm, SCRATCH_REGS};
use crate::js::value::{FALSE, INT32_TAG_HI, TAG_INT32, TAG_OBJECT};

pub(super) const FRAME: XReg = REG_FILE;
pub(super) const VM: XReg = VM_REG;
const TAG_HI: XReg = X(22);
const INT_TAG: XReg = X(23);
const FALSE_REG: XReg = X(24);
const OBJ_TAG: XReg = X(25);
/// Holds the exit value across the exit helper's call (callee-saved in AAPCS64).
const EXIT_VALUE: XReg = X(26);
const COUNTER: XReg = X(27);
/// The macro-assembler's own temporaries (never a [`Reg`]).
pub(super) const IP: XReg = X(17);
pub(super) const IPW: WReg = W(17);
pub(super) const IP2: XReg = X(4);
pub(super) const FIP: DReg = D(30);
/// Bytes of machine stack per compiled frame: x29, x30, the window register (+ padding).
const MACHINE_FRAME: i64 = 32;
/// Offset of the saved window register in the machine frame.
const SAVED_WINDOW: i64 = 16;

/// The constants the prologue pins, by register.
const PINNED: [(XReg, u64); 4] = [
    (TAG_HI, INT32_TAG_HI as u64),
    (INT_TAG, TAG_INT32),
    (FALSE_REG, FALSE),
    (OBJ_TAG, TAG_OBJECT),
];

/// The register holding `value` for the whole of compiled code, if one does.
pub(super) fn pinned_constant(value: u64) -> Option<XReg> {
    PINNED.iter().find(|&&(_, v)| v == value).map(|&(r, _)| r)
}

/// The registers of `Reg::local(0..8)`: x5–x8 (caller-saved, otherwise unused) and x21,
/// x26–x28 (callee-saved; the JavaScript templates' heap, exit-value and counter registers,
/// which WebAssembly code has no use for).
const LOCALS: [XReg; 8] = [X(5), X(6), X(7), X(8), X(21), X(26), X(27), X(28)];

/// The machine register of `r`.
pub(super) fn xreg(r: Reg) -> XReg {
    match r {
        Reg::FRAME => FRAME,
        Reg::VM => VM,
        Reg::T0 => X(15),
        Reg::T1 => X(16),
        Reg(n) if n >= LOCAL_BASE => LOCALS[(n - LOCAL_BASE) as usize],
        Reg(n) if n < 6 => X(9 + n),
        Reg(n) => {
            debug_assert!(n < SCRATCH_REGS, "no register {n}");
            X(n - 4)
        }
    }
}

/// The 32-bit view of `r`.
pub(super) fn wreg(r: Reg) -> WReg {
    W(xreg(r).num())
}

/// The FP register of `r`: d0–d7, then d31; `FReg::local(i)` is d16 + i.
pub(super) fn dreg(r: FReg) -> DReg {
    if r == FReg::T0 {
        D(31)
    } else if r.0 >= LOCAL_BASE {
        D(16 + r.0 - LOCAL_BASE)
    } else {
        debug_assert!(r.0 < FP_SCRATCH_REGS);
        D(r.0)
    }
}

fn field_mem(base: XReg, offset: i32) -> Mem {
    if offset >= 0 {
        Mem::off(base, offset as i64)
    } else {
        Mem::unscaled(base, offset as i64)
    }
}

impl A64Masm {
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

    /// `blr` to the helper at `addr` with x0 = the VM (x1 set by the caller).
    fn blr_helper(&mut self, addr: u64) {
        self.a.mov(X0, VM);
        self.a.mov_imm64_quick(IP, addr);
        self.a.blr(IP);
    }
}

impl A64Masm {
    /// A leaf function around `body`, for running macro-assembler code on its own (the
    /// conformance table, tools): AAPCS64 `f(x0, x1) -> x0` with the arguments in `Reg(0)`
    /// and `Reg(1)` and the result taken from `Reg(2)`; the pinned constants are loaded, so
    /// code that uses them runs as in compiled code.
    pub fn leaf_function(body: impl FnOnce(&mut A64Masm) -> MasmResult) -> MasmResult<Vec<u8>> {
        let mut m = A64Masm::new();
        m.a.stp_pre(X29, X30, SP, -48)?;
        m.a.stp(X(22), X(23), SP, 16)?;
        m.a.stp(X(24), X(25), SP, 32)?;
        for (r, v) in PINNED {
            m.a.mov_imm64_quick(r, v);
        }
        m.a.mov(xreg(Reg(0)), X0);
        m.a.mov(xreg(Reg(1)), X1);
        body(&mut m)?;
        m.a.mov(X0, xreg(Reg(2)));
        m.a.ldp(X(24), X(25), SP, 32)?;
        m.a.ldp(X(22), X(23), SP, 16)?;
        m.a.ldp_post(X29, X30, SP, 48)?;
        m.a.ret();
        crate::jit::values::ValueOps::emit_deferred(&mut m)?;
        crate::jit::masm::MacroAssembler::finish(m)
    }
}

/// `bl` with a zero displacement.
const BL: u32 = 0x9400_0000;

impl RuntimeAbi for A64Masm {
    fn stub_entry(&mut self, count_ops: bool, counter: u64) -> MasmResult {
        self.count_ops = count_ops;
        self.open_frame()?;
        for (r, v) in PINNED {
            self.a.mov_imm64_quick(r, v);
        }
        if count_ops {
            self.a.mov_imm64_quick(COUNTER, counter);
        }
        self.a.br(X0);
        Ok(())
    }

    fn call_entry(&mut self, limit_field: i32, overflow: u64, start: Self::Label) -> MasmResult {
        self.open_frame()?;
        let over = self.a.new_label();
        self.a.ldr(IP, field_mem(VM, limit_field))?;
        self.a.mov_sp(X(16), SP);
        self.a.cmp(X(16), IP);
        self.a.b_cond(Cond::Cc, over);
        self.a.b(start);
        self.a.bind(over)?;
        self.call_helper(overflow, RegImm::Imm(0))?;
        self.exit(1, 0)
    }

    fn exit(&mut self, status: u64, value: u64) -> MasmResult {
        self.a.mov_imm64_quick(X0, status);
        self.a.mov_imm64_quick(X1, value);
        self.close_frame()
    }

    fn call_helper(&mut self, addr: u64, arg: RegImm) -> MasmResult {
        match arg {
            RegImm::Reg(r) => self.a.mov(X1, xreg(r)),
            RegImm::Imm(v) => self.a.mov_imm64_quick(X1, v as u64),
        }
        self.blr_helper(addr);
        Ok(())
    }

    fn call_helper2(&mut self, addr: u64, a: Reg, b: Reg) -> MasmResult {
        // x1 = a, x2 = b, whichever registers they are in (x2 is a template scratch register).
        let (a, b) = (xreg(a), xreg(b));
        if a == X2 && b == X1 {
            self.a.mov(IP, a);
            self.a.mov(X2, b);
            self.a.mov(X1, IP);
        } else if a == X2 {
            self.a.mov(X1, a);
            self.a.mov(X2, b);
        } else {
            self.a.mov(X2, b);
            self.a.mov(X1, a);
        }
        self.blr_helper(addr);
        Ok(())
    }

    fn result_to(&mut self, dst: Reg) {
        self.a.mov(xreg(dst), X0);
    }

    fn branch_if_result_eq(&mut self, imm: u64, label: Self::Label) -> MasmResult {
        if imm == 0 {
            self.a.cbz(X0, label);
            return Ok(());
        }
        match Imm12::new(imm) {
            Some(i) => self.a.cmp_imm(X0, i),
            None => {
                self.a.mov_imm64_quick(IP, imm);
                self.a.cmp(X0, IP);
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

    fn call_compiled_at(&mut self, entry: Reg, window: Reg) -> MasmResult {
        self.a.mov(FRAME, xreg(window));
        self.a.blr(xreg(entry));
        self.a.ldr(FRAME, Mem::off(X29, SAVED_WINDOW))?;
        Ok(())
    }

    fn call_compiled_near(&mut self, window: Reg) -> MasmResult<usize> {
        self.a.mov(FRAME, xreg(window));
        let at = self.a.offset();
        self.a.emit(BL);
        self.a.ldr(FRAME, Mem::off(X29, SAVED_WINDOW))?;
        Ok(at)
    }

    fn patch_near_call(code: &mut [u8], at: usize, target: i64) -> bool {
        // `bl`: imm26 words, ±128 MiB.
        let delta = target - at as i64;
        if delta % 4 != 0 || !(-(1 << 27)..(1 << 27)).contains(&delta) || at + 4 > code.len() {
            return false;
        }
        let word = BL | ((delta >> 2) as u32 & 0x03ff_ffff);
        code[at..at + 4].copy_from_slice(&word.to_le_bytes());
        true
    }

    fn jump_with_exit_value(&mut self, value: u64, label: Self::Label) {
        self.a.mov_imm64_quick(X1, value);
        self.a.b(label);
    }

    fn jump_with_result_pc(&mut self, reason: u64, label: Self::Label) -> MasmResult {
        self.a.mov_imm64_quick(IP, reason << 32);
        self.a.orr(X1, X0, IP);
        self.a.b(label);
        Ok(())
    }

    fn exit_through(&mut self, addr: u64, deopt_status: u64) -> MasmResult {
        let (finished, threw) = (self.a.new_label(), self.a.new_label());
        self.a.mov(EXIT_VALUE, X1);
        self.blr_helper(addr);
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

    fn bump_counter(&mut self, delta: i64) -> MasmResult {
        if !self.count_ops {
            return Ok(());
        }
        self.a.ldr(IP, Mem::off(COUNTER, 0))?;
        self.a.add_imm_signed(IP, IP, delta)?;
        self.a.str(IP, Mem::off(COUNTER, 0))?;
        Ok(())
    }
}
