//! [`MacroAssembler`] for x86-64 over [`crate::asm::x86_64::Assembler`]: the trait's methods,
//! with moves, memory, compares and branches here and the larger operation groups in
//! `int.rs` (arithmetic, division, bit counts), `float.rs` (FP arithmetic, rounding,
//! compares) and `convert.rs` (int ↔ float). Registers are assigned in `abi.rs`; an
//! immediate or displacement an instruction cannot encode goes through the private `r11`.

use super::abi::{IMM, d, q, x};
use super::cpu::CpuFeatures;
use crate::asm::x86_64::{Assembler, BYTE, Cond, Label, Mem, R11D, Reg64, Scale, WORD, Xmm};
use crate::jit::masm::{
    Address, CheckedOp, DivOp, FReg, FSize, FpCond, FpOp, FpUnary, IntCond, IntOp, MacroAssembler,
    MasmError, MasmResult, OutOfRange, Reg, RegImm, Size, UnaryOp, Width,
};
use crate::jit::values::Deferred;

/// The x86-64 macro-assembler.
pub struct X64Masm {
    pub(super) a: Assembler,
    /// The optional instructions this code may use.
    pub(super) cpu: CpuFeatures,
    /// With `--stats`: the address of the "ops executed in compiled code" counter
    /// (`RuntimeAbi::bump_counter` adds to it; no register is pinned for it).
    pub(super) counter: Option<u64>,
    /// Out-of-line code of the value layer, emitted after the body.
    pub(super) deferred: Vec<Deferred<Label>>,
}

impl Default for X64Masm {
    fn default() -> X64Masm {
        X64Masm::new()
    }
}

impl X64Masm {
    /// A macro-assembler for the CPU this process runs on.
    pub fn new() -> X64Masm {
        X64Masm::with_features(CpuFeatures::detect())
    }

    /// A macro-assembler whose code uses only the optional instructions in `cpu`.
    pub fn with_features(cpu: CpuFeatures) -> X64Masm {
        X64Masm {
            a: Assembler::new(),
            cpu,
            counter: None,
            deferred: Vec::new(),
        }
    }

    /// The optional instructions this macro-assembler's code uses.
    pub fn features(&self) -> CpuFeatures {
        self.cpu
    }
}

/// Runs `$e` with `$r` bound to the register view (`q` 64-bit or `d` 32-bit) of `$size`.
macro_rules! sized {
    ($size:expr, |$r:ident| $e:expr) => {
        match $size {
            Size::S32 => {
                let $r = d;
                $e
            }
            Size::S64 => {
                let $r = q;
                $e
            }
        }
    };
}

/// Runs `$e` with `$v` bound to the view of a machine register (`Reg64` → itself or its
/// `Reg32`) of `$size`.
macro_rules! view {
    ($size:expr, |$v:ident| $e:expr) => {
        match $size {
            Size::S32 => {
                let $v = |r: Reg64| r.r32();
                $e
            }
            Size::S64 => {
                let $v = |r: Reg64| r;
                $e
            }
        }
    };
}
pub(super) use view;

/// The x86 condition of `c` after `cmp a, b`.
pub(super) fn cond(c: IntCond) -> Cond {
    match c {
        IntCond::Eq => Cond::E,
        IntCond::Ne => Cond::Ne,
        IntCond::Lt => Cond::L,
        IntCond::Le => Cond::Le,
        IntCond::Gt => Cond::G,
        IntCond::Ge => Cond::Ge,
        IntCond::LtU => Cond::B,
        IntCond::LeU => Cond::Be,
        IntCond::GtU => Cond::A,
        IntCond::GeU => Cond::Ae,
    }
}

/// The immediate field for `v` at `size`, if the instruction has room for it: the low 32
/// bits for 32-bit operations, a sign-extended 32-bit value for 64-bit ones.
pub(super) fn imm32(v: i64, size: Size) -> Option<i32> {
    match size {
        Size::S32 => Some(v as i32),
        Size::S64 => i32::try_from(v).ok(),
    }
}

impl X64Masm {
    /// `dst = src` at `size` (a 32-bit move zero-extends, so it is kept even onto itself).
    pub(super) fn mov_sized(&mut self, dst: Reg64, src: Reg64, size: Size) {
        match size {
            Size::S32 => self.a.mov_rr(dst.r32(), src.r32()),
            Size::S64 if dst != src => self.a.mov_rr(dst, src),
            Size::S64 => {}
        }
    }

    /// The register holding `b` at `size`: its own, or `r11` loaded with the immediate.
    pub(super) fn rhs(&mut self, b: RegImm, size: Size) -> Reg64 {
        match b {
            RegImm::Reg(r) => q(r),
            RegImm::Imm(v) => {
                match size {
                    Size::S32 => self.a.mov_ri(R11D, v as i32),
                    Size::S64 => self.a.mov_ri(IMM, v),
                }
                IMM
            }
        }
    }

    /// Sets the flags from `cmp a, b` at `size` (`test a, a` for zero).
    fn compare(&mut self, a: Reg, b: RegImm, size: Size) {
        if let RegImm::Imm(v) = b
            && let Some(i) = imm32(v, size)
        {
            if i == 0 {
                sized!(size, |r| self.a.test_rr(r(a), r(a)));
            } else {
                sized!(size, |r| self.a.cmp_ri(r(a), i));
            }
            return;
        }
        let rb = self.rhs(b, size);
        match size {
            Size::S32 => self.a.cmp_rr(d(a), rb.r32()),
            Size::S64 => self.a.cmp_rr(q(a), rb),
        }
    }

    /// The memory operand for `addr`: a zero-extended or over-shifted index goes through
    /// `r11` first.
    fn mem(&mut self, addr: Address) -> Mem {
        match addr {
            Address::Offset { base, disp } => Mem::base(q(base), disp),
            Address::Indexed {
                base,
                index,
                shift,
                index_u32,
            } => {
                let mut idx = q(index);
                if index_u32 {
                    self.a.mov_rr(R11D, idx.r32());
                    idx = IMM;
                }
                let scale = match shift {
                    0 => Scale::S1,
                    1 => Scale::S2,
                    2 => Scale::S4,
                    3 => Scale::S8,
                    _ => {
                        if idx != IMM {
                            self.a.mov_rr(IMM, idx);
                        }
                        self.a.shl_ri(IMM, shift & 63);
                        idx = IMM;
                        Scale::S1
                    }
                };
                Mem::base_index(q(base), idx, scale, 0)
            }
        }
    }

    /// `dst = bits` as a float of `size` (through `r11`; +0 by zeroing).
    pub(super) fn load_fbits(&mut self, dst: Xmm, bits: u64, size: FSize) {
        if bits == 0 {
            self.a.xorps_rr(dst, dst);
            return;
        }
        match size {
            FSize::F64 => {
                self.a.mov_ri(IMM, bits as i64);
                self.a.movq_xr(dst, IMM);
            }
            FSize::F32 => {
                self.a.mov_ri(R11D, bits as u32 as i32);
                self.a.movd_xr(dst, R11D);
            }
        }
    }

    /// A jump over a few instructions to `label`, bound soon after (in reach of a rel8).
    pub(super) fn jcc_near(&mut self, c: Cond, label: Label) {
        self.a
            .jcc_short(c, label)
            .expect("a short jump to an unbound label is checked when it is bound");
    }

    /// A jump over a few instructions to `label`, bound soon after.
    pub(super) fn jmp_near(&mut self, label: Label) {
        self.a
            .jmp_short(label)
            .expect("a short jump to an unbound label is checked when it is bound");
    }

    /// Binds a label of this macro-assembler's own sequences.
    pub(super) fn here(&mut self, label: Label) {
        self.a
            .bind(label)
            .expect("a fresh label binds, and the short jumps to it reach");
    }
}

impl MacroAssembler for X64Masm {
    /// No general register is spare: the compiler gives up three scratch registers.
    const LOCAL_REGS: &'static [Reg] = &[Reg(7), Reg(6), Reg(5)];
    const LOCAL_FREGS: &'static [FReg] = &[
        FReg::local(0),
        FReg::local(1),
        FReg::local(2),
        FReg::local(3),
        FReg::local(4),
    ];
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
    /// x86-64 needs no branch islands: a rel32 reaches any code buffer.
    fn island_point(&mut self) {}
    fn finish(self) -> MasmResult<Vec<u8>> {
        Ok(self.a.finalize()?)
    }

    fn mov(&mut self, dst: Reg, src: RegImm, size: Size) {
        match (src, size) {
            (RegImm::Reg(s), _) => self.mov_sized(q(dst), q(s), size),
            (RegImm::Imm(v), Size::S32) => self.a.mov_ri(d(dst), v as i32),
            (RegImm::Imm(v), Size::S64) => self.a.mov_ri(q(dst), v),
        }
    }

    fn load(
        &mut self,
        dst: Reg,
        addr: Address,
        width: Width,
        signed: bool,
        size: Size,
    ) -> MasmResult {
        let m = self.mem(addr);
        let (rq, rd) = (q(dst), d(dst));
        match (width, signed, size) {
            (Width::W64, _, Size::S64) => self.a.mov_rm(rq, m)?,
            (Width::W32, false, _) | (Width::W32, true, Size::S32) => self.a.mov_rm(rd, m)?,
            (Width::W32, true, Size::S64) => self.a.movsxd_rm(rq, m)?,
            (Width::W16, false, _) => self.a.movzx_rm(rd, WORD, m)?,
            (Width::W16, true, Size::S32) => self.a.movsx_rm(rd, WORD, m)?,
            (Width::W16, true, Size::S64) => self.a.movsx_rm(rq, WORD, m)?,
            (Width::W8, false, _) => self.a.movzx_rm(rd, BYTE, m)?,
            (Width::W8, true, Size::S32) => self.a.movsx_rm(rd, BYTE, m)?,
            (Width::W8, true, Size::S64) => self.a.movsx_rm(rq, BYTE, m)?,
            (Width::W64, _, Size::S32) => {
                return Err(MasmError::Unsupported(
                    "a 64-bit load into a 32-bit register",
                ));
            }
        }
        Ok(())
    }

    fn fload(&mut self, dst: FReg, addr: Address, size: FSize) -> MasmResult {
        let m = self.mem(addr);
        match size {
            FSize::F32 => self.a.movss_rm(x(dst), m)?,
            FSize::F64 => self.a.movsd_rm(x(dst), m)?,
        }
        Ok(())
    }

    fn fstore(&mut self, src: FReg, addr: Address, size: FSize) -> MasmResult {
        let m = self.mem(addr);
        match size {
            FSize::F32 => self.a.movss_mr(m, x(src))?,
            FSize::F64 => self.a.movsd_mr(m, x(src))?,
        }
        Ok(())
    }

    fn store(&mut self, src: Reg, addr: Address, width: Width) -> MasmResult {
        let m = self.mem(addr);
        let r = q(src);
        match width {
            Width::W64 => self.a.mov_mr(m, r)?,
            Width::W32 => self.a.mov_mr(m, r.r32())?,
            Width::W16 => self.a.mov_mr(m, r.r16())?,
            Width::W8 => self.a.mov_mr(m, r.r8())?,
        }
        Ok(())
    }

    fn add_shifted(&mut self, dst: Reg, a: Reg, b: Reg, shift: u8) -> MasmResult {
        let (base, mut idx) = (q(a), q(b));
        let scale = match shift {
            0 => Scale::S1,
            1 => Scale::S2,
            2 => Scale::S4,
            3 => Scale::S8,
            _ => {
                self.a.mov_rr(IMM, idx);
                self.a.shl_ri(IMM, shift & 63);
                idx = IMM;
                Scale::S1
            }
        };
        self.a.lea(q(dst), Mem::base_index(base, idx, scale, 0))?;
        Ok(())
    }

    fn int_op(&mut self, op: IntOp, dst: Reg, a: Reg, b: RegImm, size: Size) -> MasmResult {
        self.int_op_impl(op, dst, a, b, size);
        Ok(())
    }

    fn mul_add(&mut self, dst: Reg, a: Reg, b: Reg, c: Reg, size: Size) {
        self.mul_add_impl(dst, a, b, c, size);
    }

    fn int_add_shifted(&mut self, dst: Reg, a: Reg, b: Reg, shift: u8, size: Size) {
        self.int_add_shifted_impl(dst, a, b, shift, size);
    }

    fn checked_op(
        &mut self,
        op: CheckedOp,
        dst: Reg,
        a: Reg,
        b: RegImm,
        size: Size,
        overflow: Label,
    ) {
        self.checked_op_impl(op, dst, a, b, size, overflow);
    }

    fn div_op(&mut self, op: DivOp, dst: Reg, a: Reg, b: Reg, size: Size) {
        self.div_op_impl(op, dst, a, b, size);
    }

    fn unary_op(&mut self, op: UnaryOp, dst: Reg, a: Reg, size: Size) {
        self.unary_op_impl(op, dst, a, size);
    }

    fn extend(&mut self, dst: Reg, src: Reg, from: Width, signed: bool, size: Size) {
        let (rd, rs) = (q(dst), q(src));
        match (from, signed, size) {
            (Width::W8, true, Size::S32) => self.a.movsx_rr(rd.r32(), rs.r8()),
            (Width::W8, true, Size::S64) => self.a.movsx_rr(rd, rs.r8()),
            (Width::W16, true, Size::S32) => self.a.movsx_rr(rd.r32(), rs.r16()),
            (Width::W16, true, Size::S64) => self.a.movsx_rr(rd, rs.r16()),
            (Width::W32, true, Size::S64) => self.a.movsxd_rr(rd, rs.r32()),
            (Width::W8, false, _) => self.a.movzx_rr(rd.r32(), rs.r8()),
            (Width::W16, false, _) => self.a.movzx_rr(rd.r32(), rs.r16()),
            (Width::W32, _, _) => self.a.mov_rr(rd.r32(), rs.r32()),
            (Width::W64, _, _) => self.mov_sized(rd, rs, size),
        }
    }

    fn cmp_set(&mut self, dst: Reg, c: IntCond, a: Reg, b: RegImm, size: Size) {
        self.compare(a, b, size);
        self.a.setcc(cond(c), q(dst).r8());
        self.a.movzx_rr(d(dst), q(dst).r8());
    }

    fn branch(&mut self, c: IntCond, a: Reg, b: RegImm, label: Label, size: Size) {
        self.compare(a, b, size);
        self.a.jcc(cond(c), label);
    }

    fn branch_mask(&mut self, a: Reg, mask: RegImm, nonzero: bool, label: Label, size: Size) {
        let (set, clear) = if nonzero {
            (Cond::B, Cond::Ne)
        } else {
            (Cond::Ae, Cond::E)
        };
        match mask {
            RegImm::Imm(m) => {
                let m = match size {
                    Size::S32 => m as u32 as u64,
                    Size::S64 => m as u64,
                };
                if m.is_power_of_two() && m > u32::MAX as u64 {
                    // `bt` copies the bit into CF.
                    self.a.bt_ri(q(a), m.trailing_zeros() as u8);
                    self.a.jcc(set, label);
                    return;
                }
                if m <= u32::MAX as u64 {
                    // The upper half of the mask is clear: a 32-bit test says the same.
                    self.a.test_ri(d(a), m as u32 as i32);
                } else if let Ok(i) = i32::try_from(m as i64) {
                    self.a.test_ri(q(a), i);
                } else {
                    self.a.mov_ri(IMM, m as i64);
                    self.a.test_rr(q(a), IMM);
                }
            }
            RegImm::Reg(r) => sized!(size, |v| self.a.test_rr(v(a), v(r))),
        }
        self.a.jcc(clear, label);
    }

    fn jump(&mut self, label: Label) {
        self.a.jmp(label);
    }

    fn fmov(&mut self, dst: FReg, src: FReg, _size: FSize) {
        if dst != src {
            self.a.movaps_rr(x(dst), x(src));
        }
    }

    fn fmov_imm(&mut self, dst: FReg, value: f64, size: FSize) {
        let bits = match size {
            FSize::F64 => value.to_bits(),
            FSize::F32 => (value as f32).to_bits() as u64,
        };
        self.load_fbits(x(dst), bits, size);
    }

    fn fp_op(&mut self, op: FpOp, dst: FReg, a: FReg, b: FReg, size: FSize) {
        self.fp_op_impl(op, x(dst), x(a), x(b), size);
    }

    fn fp_unary(&mut self, op: FpUnary, dst: FReg, a: FReg, size: FSize) {
        self.fp_unary_impl(op, x(dst), x(a), size);
    }

    fn fcmp_set(&mut self, dst: Reg, c: FpCond, a: FReg, b: FReg, size: FSize) {
        self.fcmp_set_impl(q(dst), c, x(a), x(b), size);
    }

    fn fbranch(&mut self, c: FpCond, a: FReg, b: FReg, label: Label, size: FSize) {
        self.fbranch_impl(c, x(a), x(b), label, size);
    }

    fn int_to_float(&mut self, dst: FReg, src: Reg, signed: bool, isize: Size, fsize: FSize) {
        self.int_to_float_impl(x(dst), q(src), signed, isize, fsize);
    }

    fn float_to_int(
        &mut self,
        dst: Reg,
        src: FReg,
        signed: bool,
        fsize: FSize,
        isize: Size,
        range: OutOfRange<Label>,
    ) -> MasmResult {
        self.float_to_int_impl(q(dst), x(src), signed, fsize, isize, range);
        Ok(())
    }

    fn fconvert(&mut self, dst: FReg, src: FReg, to: FSize) {
        match to {
            FSize::F64 => self.a.cvtss2sd_rr(x(dst), x(src)),
            FSize::F32 => self.a.cvtsd2ss_rr(x(dst), x(src)),
        }
    }

    fn float_bits(&mut self, dst: Reg, src: FReg, size: FSize) {
        match size {
            FSize::F64 => self.a.movq_rx(q(dst), x(src)),
            FSize::F32 => self.a.movd_rx(d(dst), x(src)),
        }
    }

    fn bits_float(&mut self, dst: FReg, src: Reg, size: FSize) {
        match size {
            FSize::F64 => self.a.movq_xr(x(dst), q(src)),
            FSize::F32 => self.a.movd_xr(x(dst), d(src)),
        }
    }
}
