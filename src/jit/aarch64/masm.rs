//! [`MacroAssembler`] for AArch64 over [`crate::asm::aarch64::Assembler`]: each machine
//! operation as one to a few instructions. Registers are assigned in `abi.rs`; immediates the
//! instructions cannot encode are materialized in the private temporary x17 (or taken from a
//! pinned constant register).

use super::abi::{FIP, IP, IP2, IPW, dreg, pinned_constant, wreg, xreg};
use crate::asm::aarch64::reg::{Rz, Size as AsmSize};
use crate::asm::aarch64::{
    AsmResult, Assembler, Cond, DReg, Extend, Imm12, Index, Label, Mem, S, SReg, Shift, W, WZR, X,
    XReg, XZR,
};
use crate::jit::masm::{
    Address, CheckedOp, DivOp, FReg, FSize, FpCond, FpOp, FpUnary, IntCond, IntOp, MacroAssembler,
    MasmError, MasmResult, OutOfRange, Reg, RegImm, Size, UnaryOp, Width,
};
use crate::jit::values::Deferred;

/// Most code one op's template (or one piece of out-of-line code) emits: an island is placed
/// before a pending branch could fall out of reach within that distance.
const ISLAND_MARGIN: usize = 8 << 10;
/// An island takes every pending branch whose reach ends within this distance: every `tbz`
/// (32 KiB), and `b.cond`s near their 1 MiB.
const ISLAND_REACH: usize = 32 << 10;

/// The AArch64 macro-assembler.
#[derive(Default)]
pub struct A64Masm {
    pub(super) a: Assembler,
    pub(super) count_ops: bool,
    /// Out-of-line code of the value layer, emitted after the body.
    pub(super) deferred: Vec<Deferred<Label>>,
    /// Floating-point constants loaded PC-relative (`ldr d, label`: one instruction instead
    /// of up to five), waiting to be placed: label, bits, whether 64-bit.
    pub(super) pool: Vec<(Label, u64, bool)>,
    /// Where the oldest of them is used (the pool is placed before the ±1 MiB reach ends).
    pub(super) pool_since: Option<usize>,
}

/// How far code may run past the oldest use of a pooled constant before the pool is placed
/// (at the next island point; the load reaches 1 MiB, and no single operator's code comes
/// near the rest).
const POOL_DISTANCE: usize = 256 << 10;

impl A64Masm {
    pub fn new() -> A64Masm {
        A64Masm::default()
    }
}

/// Runs `$e` with `$r` bound to the register view (`xreg` or `wreg`) of `$size`.
macro_rules! sized {
    ($size:expr, |$r:ident| $e:expr) => {
        match $size {
            Size::S32 => {
                let $r = wreg;
                $e
            }
            Size::S64 => {
                let $r = xreg;
                $e
            }
        }
    };
}

/// `op rd, rn, rm` with three registers of one size.
fn int_rrr<S: AsmSize, R: Rz<S>>(a: &mut Assembler, op: IntOp, d: R, n: R, m: R) {
    match op {
        IntOp::Add => a.add(d, n, m),
        IntOp::Sub => a.sub(d, n, m),
        IntOp::Mul => a.mul(d, n, m),
        IntOp::And => a.and(d, n, m),
        IntOp::Or => a.orr(d, n, m),
        IntOp::Xor => a.eor(d, n, m),
        IntOp::Shl => a.lsl(d, n, m),
        IntOp::ShrS => a.asr(d, n, m),
        IntOp::ShrU => a.lsr(d, n, m),
        // Rotate left is rotate right by the negated count (`int_op` negates it first).
        IntOp::Rotl | IntOp::Rotr => a.ror(d, n, m),
    }
}

/// The AArch64 condition of `c` after `cmp a, b`.
fn cond(c: IntCond) -> Cond {
    match c {
        IntCond::Eq => Cond::Eq,
        IntCond::Ne => Cond::Ne,
        IntCond::Lt => Cond::Lt,
        IntCond::Le => Cond::Le,
        IntCond::Gt => Cond::Gt,
        IntCond::Ge => Cond::Ge,
        IntCond::LtU => Cond::Cc,
        IntCond::LeU => Cond::Ls,
        IntCond::GtU => Cond::Hi,
        IntCond::GeU => Cond::Cs,
    }
}

/// The condition of `b ? a` that holds exactly when `a ? b` (`c`) does.
fn swapped(c: IntCond) -> IntCond {
    use IntCond::*;
    match c {
        Lt => Gt,
        Le => Ge,
        Gt => Lt,
        Ge => Le,
        LtU => GtU,
        LeU => GeU,
        GtU => LtU,
        GeU => LeU,
        other => other,
    }
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

/// The single-precision view of a double register.
fn sreg(d: DReg) -> SReg {
    S(d.num())
}

/// An immediate at `size`: the low 32 bits, sign-extended, for 32-bit operations.
fn at_size(v: i64, size: Size) -> i64 {
    match size {
        Size::S32 => v as i32 as i64,
        Size::S64 => v,
    }
}

/// The bits of an immediate at `size`, for logical operations.
fn bits_at(v: i64, size: Size) -> u64 {
    match size {
        Size::S32 => v as u32 as u64,
        Size::S64 => v as u64,
    }
}

fn width_log2(w: Width) -> u8 {
    match w {
        Width::W8 => 0,
        Width::W16 => 1,
        Width::W32 => 2,
        Width::W64 => 3,
    }
}

impl A64Masm {
    /// The register holding `b` at `size`: its own, a pinned constant, or x17 loaded with it.
    fn rhs(&mut self, b: RegImm, size: Size) -> XReg {
        match b {
            RegImm::Reg(r) => xreg(r),
            RegImm::Imm(v) => {
                let bits = bits_at(v, size);
                if size == Size::S64
                    && let Some(r) = pinned_constant(bits)
                {
                    return r;
                }
                match size {
                    Size::S32 => self.a.mov_imm32(IPW, bits as u32),
                    Size::S64 => self.a.mov_imm64_quick(IP, bits),
                }
                IP
            }
        }
    }

    /// [`A64Masm::rhs`] as a register of `size`'s view.
    fn rhs_w(&mut self, b: RegImm, size: Size) -> crate::asm::aarch64::WReg {
        W(self.rhs(b, size).num())
    }

    /// Sets the flags from `cmp a, b` at `size` (`cmn` for a small negative immediate).
    fn compare(&mut self, a: Reg, b: RegImm, size: Size) {
        if let RegImm::Imm(v) = b {
            let v = at_size(v, size);
            if let Some(i) = Imm12::new(v.unsigned_abs()) {
                match (size, v >= 0) {
                    (Size::S32, true) => self.a.cmp_imm(wreg(a), i),
                    (Size::S32, false) => self.a.cmn_imm(wreg(a), i),
                    (Size::S64, true) => self.a.cmp_imm(xreg(a), i),
                    (Size::S64, false) => self.a.cmn_imm(xreg(a), i),
                }
                return;
            }
        }
        let r = self.rhs(b, size);
        match size {
            Size::S32 => self.a.cmp(wreg(a), W(r.num())),
            Size::S64 => self.a.cmp(xreg(a), r),
        }
    }

    /// The memory operand for `addr` and an access of `width`: offsets the instruction
    /// cannot encode, and index shifts other than the access size, go through x17.
    fn mem(&mut self, addr: Address, width: Width) -> Mem {
        let scale = width_log2(width);
        match addr {
            Address::Offset { base, disp } => {
                let (b, d) = (xreg(base), disp as i64);
                let scaled = d >= 0 && d % (1 << scale) == 0 && (d >> scale) < 4096;
                if scaled {
                    Mem::off(b, d)
                } else if (-256..256).contains(&d) {
                    Mem::unscaled(b, d)
                } else {
                    self.a.mov_imm64_quick(IP, d as u64);
                    Mem::reg(b, Index::X(IP), false)
                }
            }
            Address::Indexed {
                base,
                index,
                shift,
                index_u32,
            } => {
                let idx = if index_u32 {
                    Index::WUxtw(wreg(index))
                } else {
                    Index::X(xreg(index))
                };
                if shift == scale || shift == 0 {
                    Mem::reg(xreg(base), idx, shift != 0)
                } else {
                    let ext = if index_u32 {
                        Extend::Uxtw
                    } else {
                        Extend::Uxtx
                    };
                    self.a
                        .add_ext(IP, xreg(base), wreg(index), ext, shift as u32)
                        .expect("extended-register add with a shift of at most 4");
                    Mem::off(IP, 0)
                }
            }
        }
    }

    /// `fcvtz{s,u}` of `src` into `dst` at the given sizes (saturating).
    fn fcvtz(&mut self, dst: Reg, src: FReg, signed: bool, fsize: FSize, isize: Size) {
        let d = dreg(src);
        match (signed, fsize, isize) {
            (true, FSize::F64, Size::S32) => self.a.fcvtzs(wreg(dst), d),
            (true, FSize::F64, Size::S64) => self.a.fcvtzs(xreg(dst), d),
            (true, FSize::F32, Size::S32) => self.a.fcvtzs(wreg(dst), sreg(d)),
            (true, FSize::F32, Size::S64) => self.a.fcvtzs(xreg(dst), sreg(d)),
            (false, FSize::F64, Size::S32) => self.a.fcvtzu(wreg(dst), d),
            (false, FSize::F64, Size::S64) => self.a.fcvtzu(xreg(dst), d),
            (false, FSize::F32, Size::S32) => self.a.fcvtzu(wreg(dst), sreg(d)),
            (false, FSize::F32, Size::S64) => self.a.fcvtzu(xreg(dst), sreg(d)),
        }
    }

    /// The exclusive bounds of the floats of `fsize` that truncate into the integer range:
    /// `(lo, hi)`, in range iff `lo < v < hi`; each bound is exact in `fsize` (the largest
    /// float at or below `MIN − 1`, the smallest at or above `MAX + 1`).
    fn trunc_bounds(signed: bool, fsize: FSize, isize: Size) -> (f64, f64) {
        match (signed, fsize, isize) {
            (true, FSize::F64, Size::S32) => (-2147483649.0, 2147483648.0),
            (true, FSize::F32, Size::S32) => (-2147483904.0, 2147483648.0),
            (true, FSize::F64, Size::S64) => (-9223372036854777856.0, 9223372036854775808.0),
            (true, FSize::F32, Size::S64) => (-9223373136366403584.0, 9223372036854775808.0),
            (false, _, Size::S32) => (-1.0, 4294967296.0),
            (false, _, Size::S64) => (-1.0, 18446744073709551616.0),
        }
    }

    /// `d = value` at `size` (rounded to f32 for `F32`).
    fn load_fimm(&mut self, d: DReg, value: f64, size: FSize) {
        match size {
            FSize::F64 => {
                if value.to_bits() == 0 {
                    self.a.fmov_from_gp(d, XZR);
                } else if self.a.fmov_imm(d, value).is_err() {
                    let l = self.pooled(value.to_bits(), true);
                    self.a.ldr_literal(d, l);
                }
            }
            FSize::F32 => {
                let v = value as f32;
                if v.to_bits() == 0 {
                    self.a.fmov_from_gp(sreg(d), WZR);
                } else if self.a.fmov_imm(sreg(d), v as f64).is_err() {
                    let l = self.pooled(v.to_bits() as u64, false);
                    self.a.ldr_literal(sreg(d), l);
                }
            }
        }
    }

    /// The label of constant `bits` in the pending pool (one entry per value).
    fn pooled(&mut self, bits: u64, wide: bool) -> Label {
        if let Some(&(l, ..)) = self.pool.iter().find(|c| c.1 == bits && c.2 == wide) {
            return l;
        }
        let l = self.a.new_label();
        self.pool.push((l, bits, wide));
        self.pool_since.get_or_insert(self.a.offset());
        l
    }

    /// Places the pending constants here, behind a branch over them.
    fn place_pool(&mut self) -> MasmResult {
        if self.pool.is_empty() {
            return Ok(());
        }
        let over = self.a.new_label();
        self.a.b(over);
        self.a.align(8)?;
        for (l, bits, wide) in std::mem::take(&mut self.pool) {
            self.a.bind(l)?;
            if wide {
                self.a.emit_u64(bits);
            } else {
                self.a.emit_u32(bits as u32);
            }
        }
        self.a.align(4)?;
        self.a.bind(over)?;
        self.pool_since = None;
        Ok(())
    }
}

impl MacroAssembler for A64Masm {
    const LOCAL_REGS: &'static [Reg] = &[
        Reg::local(0),
        Reg::local(1),
        Reg::local(2),
        Reg::local(3),
        Reg::local(4),
        Reg::local(5),
        Reg::local(6),
        Reg::local(7),
    ];
    const LOCAL_FREGS: &'static [FReg] = &[
        FReg::local(0),
        FReg::local(1),
        FReg::local(2),
        FReg::local(3),
        FReg::local(4),
        FReg::local(5),
        FReg::local(6),
        FReg::local(7),
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
    fn island_point(&mut self) {
        if self.a.island_due(ISLAND_MARGIN) {
            self.a.emit_island(ISLAND_REACH);
        }
        if self
            .pool_since
            .is_some_and(|at| self.a.offset() - at > POOL_DISTANCE)
        {
            self.place_pool().expect("a pool's labels are fresh");
        }
    }
    fn finish(mut self) -> MasmResult<Vec<u8>> {
        self.place_pool()?;
        Ok(self.a.finalize()?)
    }

    fn mov(&mut self, dst: Reg, src: RegImm, size: Size) {
        match (src, size) {
            (RegImm::Reg(s), Size::S32) => self.a.mov(wreg(dst), wreg(s)),
            (RegImm::Reg(s), Size::S64) => self.a.mov(xreg(dst), xreg(s)),
            (RegImm::Imm(v), Size::S32) => self.a.mov_imm32(wreg(dst), v as u32),
            (RegImm::Imm(v), Size::S64) => match pinned_constant(v as u64) {
                Some(r) => self.a.mov(xreg(dst), r),
                None => self.a.mov_imm64_quick(xreg(dst), v as u64),
            },
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
        let m = self.mem(addr, width);
        let (x, w) = (xreg(dst), wreg(dst));
        match (width, signed, size) {
            (Width::W64, _, Size::S64) => self.a.ldr(x, m)?,
            (Width::W32, false, _) | (Width::W32, true, Size::S32) => self.a.ldr(w, m)?,
            (Width::W32, true, Size::S64) => self.a.ldrsw(x, m)?,
            (Width::W16, false, _) => self.a.ldrh(w, m)?,
            (Width::W16, true, Size::S32) => self.a.ldrsh(w, m)?,
            (Width::W16, true, Size::S64) => self.a.ldrsh(x, m)?,
            (Width::W8, false, _) => self.a.ldrb(w, m)?,
            (Width::W8, true, Size::S32) => self.a.ldrsb(w, m)?,
            (Width::W8, true, Size::S64) => self.a.ldrsb(x, m)?,
            (Width::W64, _, Size::S32) => {
                return Err(MasmError::Unsupported(
                    "a 64-bit load into a 32-bit register",
                ));
            }
        }
        Ok(())
    }

    fn store(&mut self, src: Reg, addr: Address, width: Width) -> MasmResult {
        let m = self.mem(addr, width);
        match width {
            Width::W64 => self.a.str(xreg(src), m)?,
            Width::W32 => self.a.str(wreg(src), m)?,
            Width::W16 => self.a.strh(wreg(src), m)?,
            Width::W8 => self.a.strb(wreg(src), m)?,
        }
        Ok(())
    }

    fn fload(&mut self, dst: FReg, addr: Address, size: FSize) -> MasmResult {
        let d = dreg(dst);
        match size {
            FSize::F32 => {
                let m = self.mem(addr, Width::W32);
                self.a.ldr(sreg(d), m)?
            }
            FSize::F64 => {
                let m = self.mem(addr, Width::W64);
                self.a.ldr(d, m)?
            }
        }
        Ok(())
    }

    fn fstore(&mut self, src: FReg, addr: Address, size: FSize) -> MasmResult {
        let d = dreg(src);
        match size {
            FSize::F32 => {
                let m = self.mem(addr, Width::W32);
                self.a.str(sreg(d), m)?
            }
            FSize::F64 => {
                let m = self.mem(addr, Width::W64);
                self.a.str(d, m)?
            }
        }
        Ok(())
    }

    fn add_shifted(&mut self, dst: Reg, a: Reg, b: Reg, shift: u8) -> MasmResult {
        self.a
            .add_shifted(xreg(dst), xreg(a), xreg(b), Shift::Lsl, shift as u32)?;
        Ok(())
    }

    fn mul_add(&mut self, dst: Reg, a: Reg, b: Reg, c: Reg, size: Size) {
        match size {
            Size::S32 => self.a.madd(wreg(dst), wreg(a), wreg(b), wreg(c)),
            Size::S64 => self.a.madd(xreg(dst), xreg(a), xreg(b), xreg(c)),
        }
    }

    fn int_add_shifted(&mut self, dst: Reg, a: Reg, b: Reg, shift: u8, size: Size) {
        let k = shift as u32 & (size.bits() - 1);
        match size {
            Size::S32 => self
                .a
                .add_shifted(wreg(dst), wreg(a), wreg(b), Shift::Lsl, k),
            Size::S64 => self
                .a
                .add_shifted(xreg(dst), xreg(a), xreg(b), Shift::Lsl, k),
        }
        .expect("a shift below the register's width");
    }

    fn int_op(&mut self, op: IntOp, dst: Reg, a: Reg, b: RegImm, size: Size) -> MasmResult {
        let bits = size.bits();
        match (op, b) {
            (IntOp::Add | IntOp::Sub, RegImm::Imm(v)) => {
                let v = if op == IntOp::Sub {
                    at_size(v, size).wrapping_neg()
                } else {
                    at_size(v, size)
                };
                if Imm12::new(v.unsigned_abs()).is_some() {
                    sized!(size, |r| self.a.add_imm_signed(r(dst), r(a), v))?;
                    return Ok(());
                }
                let r = self.rhs(RegImm::Imm(v), size);
                match size {
                    Size::S32 => self.a.add(wreg(dst), wreg(a), W(r.num())),
                    Size::S64 => self.a.add(xreg(dst), xreg(a), r),
                }
            }
            (IntOp::And | IntOp::Or | IntOp::Xor, RegImm::Imm(v))
                if size == Size::S32 || pinned_constant(v as u64).is_none() =>
            {
                let m = bits_at(v, size);
                let done = match (op, size) {
                    (IntOp::And, Size::S32) => self.a.and_imm(wreg(dst), wreg(a), m),
                    (IntOp::And, Size::S64) => self.a.and_imm(xreg(dst), xreg(a), m),
                    (IntOp::Or, Size::S32) => self.a.orr_imm(wreg(dst), wreg(a), m),
                    (IntOp::Or, Size::S64) => self.a.orr_imm(xreg(dst), xreg(a), m),
                    (_, Size::S32) => self.a.eor_imm(wreg(dst), wreg(a), m),
                    (_, Size::S64) => self.a.eor_imm(xreg(dst), xreg(a), m),
                };
                if done.is_err() {
                    self.logic_reg(op, dst, a, RegImm::Imm(v), size);
                }
            }
            (
                IntOp::Shl | IntOp::ShrS | IntOp::ShrU | IntOp::Rotl | IntOp::Rotr,
                RegImm::Imm(v),
            ) => {
                let n = (v as u32) & (bits - 1);
                let n = if op == IntOp::Rotl {
                    (bits - n) & (bits - 1)
                } else {
                    n
                };
                let e: AsmResult = match (op, n) {
                    (_, 0) => {
                        sized!(size, |r| self.a.mov(r(dst), r(a)));
                        Ok(())
                    }
                    (IntOp::Shl, _) => sized!(size, |r| self.a.lsl_imm(r(dst), r(a), n)),
                    (IntOp::ShrS, _) => sized!(size, |r| self.a.asr_imm(r(dst), r(a), n)),
                    (IntOp::ShrU, _) => sized!(size, |r| self.a.lsr_imm(r(dst), r(a), n)),
                    _ => sized!(size, |r| self.a.ror_imm(r(dst), r(a), n)),
                };
                e?;
            }
            (IntOp::Rotl, RegImm::Reg(b)) => {
                // Rotating left by n is rotating right by −n (counts modulo the width).
                self.a.neg(IPW, wreg(b));
                match size {
                    Size::S32 => self.a.ror(wreg(dst), wreg(a), IPW),
                    Size::S64 => self.a.ror(xreg(dst), xreg(a), IP),
                }
            }
            (IntOp::And | IntOp::Or | IntOp::Xor, _) => self.logic_reg(op, dst, a, b, size),
            (op, b) => {
                let rb = self.rhs(b, size);
                match size {
                    Size::S32 => int_rrr(&mut self.a, op, wreg(dst), wreg(a), W(rb.num())),
                    Size::S64 => int_rrr(&mut self.a, op, xreg(dst), xreg(a), rb),
                }
            }
        }
        Ok(())
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
        match op {
            CheckedOp::Add | CheckedOp::Sub => {
                let v = match b {
                    RegImm::Imm(v) => Some(if op == CheckedOp::Sub {
                        at_size(v, size).wrapping_neg()
                    } else {
                        at_size(v, size)
                    }),
                    RegImm::Reg(_) => None,
                };
                match v.and_then(|v| Imm12::new(v.unsigned_abs()).map(|i| (v, i))) {
                    Some((v, i)) => match (size, v >= 0) {
                        (Size::S32, true) => self.a.adds_imm(wreg(dst), wreg(a), i),
                        (Size::S32, false) => self.a.subs_imm(wreg(dst), wreg(a), i),
                        (Size::S64, true) => self.a.adds_imm(xreg(dst), xreg(a), i),
                        (Size::S64, false) => self.a.subs_imm(xreg(dst), xreg(a), i),
                    },
                    None => {
                        let r = self.rhs(b, size);
                        match (size, op) {
                            (Size::S32, CheckedOp::Add) => {
                                self.a.adds(wreg(dst), wreg(a), W(r.num()))
                            }
                            (Size::S32, _) => self.a.subs(wreg(dst), wreg(a), W(r.num())),
                            (Size::S64, CheckedOp::Add) => self.a.adds(xreg(dst), xreg(a), r),
                            (Size::S64, _) => self.a.subs(xreg(dst), xreg(a), r),
                        }
                    }
                }
                self.a.b_cond(Cond::Vs, overflow);
            }
            CheckedOp::Mul => match size {
                Size::S32 => {
                    let rb = self.rhs_w(b, size);
                    self.a.smull(xreg(dst), wreg(a), rb);
                    // The 64-bit product must equal its own low word sign-extended.
                    self.a
                        .subs_ext(XZR, xreg(dst), wreg(dst), Extend::Sxtw, 0)
                        .expect("cmp x, w, sxtw is encodable");
                    self.a.b_cond(Cond::Ne, overflow);
                    self.a.mov(wreg(dst), wreg(dst));
                }
                Size::S64 => {
                    let rb = match b {
                        RegImm::Reg(r) => xreg(r),
                        RegImm::Imm(v) => {
                            self.a.mov_imm64_quick(IP2, v as u64);
                            IP2
                        }
                    };
                    // The high half must be the low half's sign.
                    self.a.smulh(IP, xreg(a), rb);
                    self.a.mul(xreg(dst), xreg(a), rb);
                    self.a
                        .cmp_shifted(IP, xreg(dst), Shift::Asr, 63)
                        .expect("asr #63 is encodable");
                    self.a.b_cond(Cond::Ne, overflow);
                }
            },
        }
    }

    fn div_op(&mut self, op: DivOp, dst: Reg, a: Reg, b: Reg, size: Size) {
        sized!(size, |r| {
            match op {
                DivOp::DivS => self.a.sdiv(r(dst), r(a), r(b)),
                DivOp::DivU => self.a.udiv(r(dst), r(a), r(b)),
                DivOp::RemS | DivOp::RemU => {
                    // a − (a / b) × b; `sdiv` of MIN by −1 gives MIN, so the remainder is 0.
                    match size {
                        Size::S32 => {
                            if op == DivOp::RemS {
                                self.a.sdiv(IPW, wreg(a), wreg(b));
                            } else {
                                self.a.udiv(IPW, wreg(a), wreg(b));
                            }
                            self.a.msub(wreg(dst), IPW, wreg(b), wreg(a));
                        }
                        Size::S64 => {
                            if op == DivOp::RemS {
                                self.a.sdiv(IP, xreg(a), xreg(b));
                            } else {
                                self.a.udiv(IP, xreg(a), xreg(b));
                            }
                            self.a.msub(xreg(dst), IP, xreg(b), xreg(a));
                        }
                    }
                }
            }
        })
    }

    fn unary_op(&mut self, op: UnaryOp, dst: Reg, a: Reg, size: Size) {
        match op {
            UnaryOp::Neg => sized!(size, |r| self.a.neg(r(dst), r(a))),
            UnaryOp::Not => sized!(size, |r| self.a.mvn(r(dst), r(a))),
            UnaryOp::Clz => sized!(size, |r| self.a.clz(r(dst), r(a))),
            UnaryOp::Ctz => match size {
                Size::S32 => {
                    self.a.rbit(IPW, wreg(a));
                    self.a.clz(wreg(dst), IPW);
                }
                Size::S64 => {
                    self.a.rbit(IP, xreg(a));
                    self.a.clz(xreg(dst), IP);
                }
            },
            UnaryOp::Popcnt => {
                // Bytes counted in a vector register, then summed (no scalar popcount).
                match size {
                    Size::S32 => self.a.fmov_from_gp(sreg(FIP), wreg(a)),
                    Size::S64 => self.a.fmov_from_gp(FIP, xreg(a)),
                }
                self.a.cnt_8b(FIP, FIP);
                self.a.addv_8b(FIP, FIP);
                self.a.fmov_to_gp(wreg(dst), sreg(FIP));
            }
        }
    }

    fn extend(&mut self, dst: Reg, src: Reg, from: Width, signed: bool, size: Size) {
        match (from, signed, size) {
            (Width::W8, true, _) => sized!(size, |r| self.a.sxtb(r(dst), wreg(src))),
            (Width::W16, true, _) => sized!(size, |r| self.a.sxth(r(dst), wreg(src))),
            (Width::W32, true, Size::S64) => self.a.sxtw(xreg(dst), wreg(src)),
            (Width::W8, false, _) => self.a.uxtb(wreg(dst), wreg(src)),
            (Width::W16, false, _) => self.a.uxth(wreg(dst), wreg(src)),
            (Width::W32, _, _) => self.a.mov(wreg(dst), wreg(src)),
            (Width::W64, _, _) => sized!(size, |r| self.a.mov(r(dst), r(src))),
        }
    }

    fn cmp_set(&mut self, dst: Reg, c: IntCond, a: Reg, b: RegImm, size: Size) {
        self.compare(a, b, size);
        self.a
            .cset(xreg(dst), cond(c))
            .expect("integer conditions are never al/nv");
    }

    fn branch(&mut self, c: IntCond, a: Reg, b: RegImm, label: Label, size: Size) {
        if b == RegImm::Imm(0) && matches!(c, IntCond::Eq | IntCond::Ne) {
            let eq = c == IntCond::Eq;
            match (size, eq) {
                (Size::S32, true) => self.a.cbz(wreg(a), label),
                (Size::S32, false) => self.a.cbnz(wreg(a), label),
                (Size::S64, true) => self.a.cbz(xreg(a), label),
                (Size::S64, false) => self.a.cbnz(xreg(a), label),
            }
            return;
        }
        self.compare(a, b, size);
        self.a.b_cond(cond(c), label);
    }

    fn branch_mask(&mut self, a: Reg, mask: RegImm, nonzero: bool, label: Label, size: Size) {
        if let RegImm::Imm(m) = mask {
            let m = bits_at(m, size);
            if m.is_power_of_two() {
                let bit = m.trailing_zeros();
                let r = match (size, nonzero) {
                    (Size::S32, true) => self.a.tbnz(wreg(a), bit, label),
                    (Size::S32, false) => self.a.tbz(wreg(a), bit, label),
                    (Size::S64, true) => self.a.tbnz(xreg(a), bit, label),
                    (Size::S64, false) => self.a.tbz(xreg(a), bit, label),
                };
                r.expect("a bit of the register is testable");
                return;
            }
            let done = match size {
                Size::S32 => self.a.tst_imm(wreg(a), m),
                Size::S64 => self.a.tst_imm(xreg(a), m),
            };
            if done.is_err() {
                let r = self.rhs(mask, size);
                match size {
                    Size::S32 => self.a.tst(wreg(a), W(r.num())),
                    Size::S64 => self.a.tst(xreg(a), r),
                }
            }
        } else {
            let r = self.rhs(mask, size);
            match size {
                Size::S32 => self.a.tst(wreg(a), W(r.num())),
                Size::S64 => self.a.tst(xreg(a), r),
            }
        }
        self.a
            .b_cond(if nonzero { Cond::Ne } else { Cond::Eq }, label);
    }

    fn jump(&mut self, label: Label) {
        self.a.b(label);
    }

    fn fmov(&mut self, dst: FReg, src: FReg, size: FSize) {
        match size {
            FSize::F64 => self.a.fmov(dreg(dst), dreg(src)),
            FSize::F32 => self.a.fmov(sreg(dreg(dst)), sreg(dreg(src))),
        }
    }

    fn fmov_imm(&mut self, dst: FReg, value: f64, size: FSize) {
        self.load_fimm(dreg(dst), value, size);
    }

    fn fp_op(&mut self, op: FpOp, dst: FReg, a: FReg, b: FReg, size: FSize) {
        let (rd, rn, rm) = (dreg(dst), dreg(a), dreg(b));
        macro_rules! both {
            ($m:ident) => {
                match size {
                    FSize::F64 => self.a.$m(rd, rn, rm),
                    FSize::F32 => self.a.$m(sreg(rd), sreg(rn), sreg(rm)),
                }
            };
        }
        match op {
            FpOp::Add => both!(fadd),
            FpOp::Sub => both!(fsub),
            FpOp::Mul => both!(fmul),
            FpOp::Div => both!(fdiv),
            // fmin/fmax: NaN if either is NaN, −0 < +0.
            FpOp::Min => both!(fmin),
            FpOp::Max => both!(fmax),
            FpOp::CopySign => {
                // Sign of b, the rest of a, through the two private integer registers.
                let sign: u64 = match size {
                    FSize::F64 => 1 << 63,
                    FSize::F32 => 1 << 31,
                };
                match size {
                    FSize::F64 => {
                        self.a.fmov_to_gp(IP, rm);
                        self.a.fmov_to_gp(IP2, rn);
                        self.a
                            .and_imm(IP, IP, sign)
                            .expect("the sign bit is a bitmask");
                        self.a
                            .and_imm(IP2, IP2, !sign)
                            .expect("all but the sign bit is a bitmask");
                        self.a.orr(IP2, IP2, IP);
                        self.a.fmov_from_gp(rd, IP2);
                    }
                    FSize::F32 => {
                        self.a.fmov_to_gp(IPW, sreg(rm));
                        self.a.fmov_to_gp(W(IP2.num()), sreg(rn));
                        self.a
                            .and_imm(IPW, IPW, sign)
                            .expect("the sign bit is a bitmask");
                        self.a
                            .and_imm(W(IP2.num()), W(IP2.num()), !sign & 0xffff_ffff)
                            .expect("all but the sign bit is a bitmask");
                        self.a.orr(W(IP2.num()), W(IP2.num()), IPW);
                        self.a.fmov_from_gp(sreg(rd), W(IP2.num()));
                    }
                }
            }
        }
    }

    fn fp_unary(&mut self, op: FpUnary, dst: FReg, a: FReg, size: FSize) {
        // An invalid operation (the root of a negative) makes the default NaN, which is the
        // canonical one; a NaN operand passes through.
        let (rd, rn) = (dreg(dst), dreg(a));
        macro_rules! both {
            ($m:ident) => {
                match size {
                    FSize::F64 => self.a.$m(rd, rn),
                    FSize::F32 => self.a.$m(sreg(rd), sreg(rn)),
                }
            };
        }
        match op {
            FpUnary::Sqrt => both!(fsqrt),
            FpUnary::Abs => both!(fabs),
            FpUnary::Neg => both!(fneg),
            FpUnary::Floor => both!(frintm),
            FpUnary::Ceil => both!(frintp),
            FpUnary::Trunc => both!(frintz),
            FpUnary::Nearest => both!(frintn),
        }
    }

    fn fcmp_set(&mut self, dst: Reg, c: FpCond, a: FReg, b: FReg, size: FSize) {
        match size {
            FSize::F64 => self.a.fcmp(dreg(a), dreg(b)),
            FSize::F32 => self.a.fcmp(sreg(dreg(a)), sreg(dreg(b))),
        }
        self.a
            .cset(xreg(dst), fp_cond(c))
            .expect("FP conditions are never al/nv");
    }

    fn fbranch(&mut self, c: FpCond, a: FReg, b: FReg, label: Label, size: FSize) {
        match size {
            FSize::F64 => self.a.fcmp(dreg(a), dreg(b)),
            FSize::F32 => self.a.fcmp(sreg(dreg(a)), sreg(dreg(b))),
        }
        self.a.b_cond(fp_cond(c), label);
    }

    fn int_to_float(&mut self, dst: FReg, src: Reg, signed: bool, isize: Size, fsize: FSize) {
        let d = dreg(dst);
        match (signed, isize, fsize) {
            (true, Size::S32, FSize::F64) => self.a.scvtf(d, wreg(src)),
            (true, Size::S64, FSize::F64) => self.a.scvtf(d, xreg(src)),
            (true, Size::S32, FSize::F32) => self.a.scvtf(sreg(d), wreg(src)),
            (true, Size::S64, FSize::F32) => self.a.scvtf(sreg(d), xreg(src)),
            (false, Size::S32, FSize::F64) => self.a.ucvtf(d, wreg(src)),
            (false, Size::S64, FSize::F64) => self.a.ucvtf(d, xreg(src)),
            (false, Size::S32, FSize::F32) => self.a.ucvtf(sreg(d), wreg(src)),
            (false, Size::S64, FSize::F32) => self.a.ucvtf(sreg(d), xreg(src)),
        }
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
        if let OutOfRange::Branch(l) = range {
            // In range iff lo < v < hi (exclusive bounds exact in both float sizes); NaN
            // fails the first compare.
            let (lo, hi) = A64Masm::trunc_bounds(signed, fsize, isize);
            let v = dreg(src);
            self.load_fimm(FIP, lo, fsize);
            match fsize {
                FSize::F64 => self.a.fcmp(v, FIP),
                FSize::F32 => self.a.fcmp(sreg(v), sreg(FIP)),
            }
            self.a.b_cond(Cond::Le, l);
            self.load_fimm(FIP, hi, fsize);
            match fsize {
                FSize::F64 => self.a.fcmp(v, FIP),
                FSize::F32 => self.a.fcmp(sreg(v), sreg(FIP)),
            }
            self.a.b_cond(Cond::Ge, l);
        }
        // fcvtz* saturate, and NaN gives 0.
        self.fcvtz(dst, src, signed, fsize, isize);
        Ok(())
    }

    fn fconvert(&mut self, dst: FReg, src: FReg, to: FSize) {
        let (d, s) = (dreg(dst), dreg(src));
        match to {
            FSize::F64 => self.a.fcvt_d_s(d, sreg(s)),
            FSize::F32 => self.a.fcvt_s_d(sreg(d), s),
        }
    }

    // FCVT to and from half precision is base ARMv8.0 (FMOV of an H register is not: the
    // 16 bits travel through the S view, whose upper bits FCVT and FMOV clear).
    const HALF_FLOAT: bool = true;

    fn f16_to_f64(&mut self, dst: FReg, src: Reg) -> MasmResult {
        let d = dreg(dst);
        self.a.fmov_from_gp(sreg(d), wreg(src));
        self.a.fcvt_d_h(d, sreg(d));
        Ok(())
    }

    fn f64_to_f16(&mut self, dst: Reg, src: FReg) -> MasmResult {
        self.a.fcvt_h_d(sreg(FIP), dreg(src));
        self.a.fmov_to_gp(wreg(dst), sreg(FIP));
        Ok(())
    }

    fn float_bits(&mut self, dst: Reg, src: FReg, size: FSize) {
        match size {
            FSize::F64 => self.a.fmov_to_gp(xreg(dst), dreg(src)),
            FSize::F32 => self.a.fmov_to_gp(wreg(dst), sreg(dreg(src))),
        }
    }

    fn bits_float(&mut self, dst: FReg, src: Reg, size: FSize) {
        match size {
            FSize::F64 => self.a.fmov_from_gp(dreg(dst), xreg(src)),
            FSize::F32 => self.a.fmov_from_gp(sreg(dreg(dst)), wreg(src)),
        }
    }
}

impl A64Masm {
    /// `and`/`orr`/`eor` with a register (or materialized) second operand.
    fn logic_reg(&mut self, op: IntOp, dst: Reg, a: Reg, b: RegImm, size: Size) {
        let r = self.rhs(b, size);
        match size {
            Size::S32 => int_rrr(&mut self.a, op, wreg(dst), wreg(a), W(r.num())),
            Size::S64 => int_rrr(&mut self.a, op, xreg(dst), xreg(a), r),
        }
    }
}

/// The value layer on AArch64: the generic operations, with the int32 tag test in one
/// instruction (`cmp x22, v, lsr #32` against the pinned upper tag).
impl crate::jit::values::ValueOps for A64Masm {
    fn deferred(&mut self) -> &mut Vec<Deferred<Label>> {
        &mut self.deferred
    }

    /// One `madd` (the size in the private temporary).
    fn index_addr(&mut self, dst: Reg, base: Reg, index: Reg, size: u64) -> MasmResult {
        self.a.mov_imm64_quick(IP, size);
        self.a.madd(xreg(dst), xreg(index), IP, xreg(base));
        Ok(())
    }

    /// A post-indexed store: two instructions and a branch per word.
    fn fill_words(&mut self, from: Reg, to: Reg, value: Reg) -> MasmResult {
        let (top, done) = (self.a.new_label(), self.a.new_label());
        self.branch(IntCond::GeU, from, to.into(), done, Size::S64);
        self.a.bind(top)?;
        self.a.str(xreg(value), Mem::post(xreg(from), 8))?;
        self.branch(IntCond::LtU, from, to.into(), top, Size::S64);
        self.a.bind(done)?;
        Ok(())
    }

    fn branch_on_upper_word(&mut self, c: IntCond, v: Reg, label: Label) {
        // Flags of `tag_hi ? upper(v)`: the swapped condition.
        self.a
            .cmp_shifted(X(22), xreg(v), Shift::Lsr, 32)
            .expect("lsr #32 is encodable");
        self.a.b_cond(cond(swapped(c)), label);
    }
}

#[cfg(test)]
#[path = "box_tests.rs"]
mod box_tests;
