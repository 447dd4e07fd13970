//! Floating point of the x86-64 macro-assembler over SSE2 scalars: arithmetic with the NaN of
//! an invalid operation made the canonical one (x86's default NaN has the sign bit set; the
//! value layer boxes only `0x7ff8…`), IEEE minimum/maximum (`minsd` alone returns its second
//! operand for NaN and ±0), sign operations through the integer registers, rounding with
//! `roundsd` (SSE4.1) or through a 64-bit integer, and compares with the unordered case
//! (PF set by `ucomisd`) on the right side of every condition.

use super::abi::{ACC, CNT, FTMP, FTMP2, IMM};
use super::masm::X64Masm;
use crate::asm::x86_64::{Cond, EAX, ECX, Label, Reg64, RoundMode, Xmm};
use crate::jit::masm::{FSize, FpCond, FpOp, FpUnary};

/// The canonical NaN (positive, quiet, zero payload) of each size.
const CANONICAL_NAN_F64: u64 = 0x7ff8_0000_0000_0000;
const CANONICAL_NAN_F32: u64 = 0x7fc0_0000;

impl X64Masm {
    /// `ucomisd`/`ucomiss a, b`: ZF, PF, CF of `a ? b` (all three for unordered).
    pub(super) fn ucomis(&mut self, a: Xmm, b: Xmm, size: FSize) {
        match size {
            FSize::F64 => self.a.ucomisd_rr(a, b),
            FSize::F32 => self.a.ucomiss_rr(a, b),
        }
    }

    /// `op d, s` for the arithmetic operations.
    fn arith(&mut self, op: FpOp, d: Xmm, s: Xmm, size: FSize) {
        match (op, size) {
            (FpOp::Add, FSize::F64) => self.a.addsd_rr(d, s),
            (FpOp::Add, FSize::F32) => self.a.addss_rr(d, s),
            (FpOp::Sub, FSize::F64) => self.a.subsd_rr(d, s),
            (FpOp::Sub, FSize::F32) => self.a.subss_rr(d, s),
            (FpOp::Mul, FSize::F64) => self.a.mulsd_rr(d, s),
            (FpOp::Mul, FSize::F32) => self.a.mulss_rr(d, s),
            (FpOp::Div, FSize::F64) => self.a.divsd_rr(d, s),
            (FpOp::Div, FSize::F32) => self.a.divss_rr(d, s),
            (FpOp::Min, FSize::F64) => self.a.minsd_rr(d, s),
            (FpOp::Min, FSize::F32) => self.a.minss_rr(d, s),
            (FpOp::Max, FSize::F64) => self.a.maxsd_rr(d, s),
            (FpOp::Max, FSize::F32) => self.a.maxss_rr(d, s),
            (FpOp::CopySign, _) => unreachable!("copysign is not one instruction"),
        }
    }

    /// Replaces a NaN in `r` by the canonical NaN (x86 makes `0xfff8…` for 0/0, √−1, ∞−∞;
    /// AArch64 `0x7ff8…`). A NaN operand's payload is not propagated, as it is on AArch64:
    /// for Wasm both are arithmetic NaNs, and JavaScript sees one NaN. Costs a `ucomisd` and
    /// a not-taken `jnp` per operation.
    fn canonicalize(&mut self, r: Xmm, size: FSize) {
        let ok = self.a.new_label();
        self.ucomis(r, r, size);
        self.jcc_near(Cond::Np, ok);
        let nan = match size {
            FSize::F64 => CANONICAL_NAN_F64,
            FSize::F32 => CANONICAL_NAN_F32,
        };
        self.load_fbits(r, nan, size);
        self.here(ok);
    }

    pub(super) fn fp_op_impl(&mut self, op: FpOp, rd: Xmm, ra: Xmm, rb: Xmm, size: FSize) {
        match op {
            FpOp::Add | FpOp::Sub | FpOp::Mul | FpOp::Div => {
                let commutative = matches!(op, FpOp::Add | FpOp::Mul);
                if rd == rb && rd != ra {
                    if commutative {
                        self.arith(op, rd, ra, size);
                    } else {
                        self.a.movaps_rr(FTMP, ra);
                        self.arith(op, FTMP, rb, size);
                        self.a.movaps_rr(rd, FTMP);
                    }
                } else {
                    if rd != ra {
                        self.a.movaps_rr(rd, ra);
                    }
                    self.arith(op, rd, rb, size);
                }
                self.canonicalize(rd, size);
            }
            FpOp::Min | FpOp::Max => self.min_max(op, rd, ra, rb, size),
            FpOp::CopySign => self.copysign(rd, ra, rb, size),
        }
    }

    /// IEEE 754-2019 minimum/maximum: `minsd`/`maxsd` for ordered, unequal operands; equal
    /// ones (±0 among them) combined bitwise (or: −0 wins a minimum, and: +0 a maximum); a
    /// NaN operand propagated by an addition.
    fn min_max(&mut self, op: FpOp, rd: Xmm, ra: Xmm, rb: Xmm, size: FSize) {
        let (nan, ordinary, done) = (self.a.new_label(), self.a.new_label(), self.a.new_label());
        self.a.movaps_rr(FTMP, ra);
        self.ucomis(FTMP, rb, size);
        self.jcc_near(Cond::P, nan);
        self.jcc_near(Cond::Ne, ordinary);
        if op == FpOp::Min {
            self.a.orps_rr(FTMP, rb);
        } else {
            self.a.andps_rr(FTMP, rb);
        }
        self.jmp_near(done);
        self.here(nan);
        self.arith(FpOp::Add, FTMP, rb, size);
        self.jmp_near(done);
        self.here(ordinary);
        self.arith(op, FTMP, rb, size);
        self.here(done);
        self.a.movaps_rr(rd, FTMP);
    }

    /// The magnitude of `ra` with the sign of `rb`, in `rax`/`rcx`.
    fn copysign(&mut self, rd: Xmm, ra: Xmm, rb: Xmm, size: FSize) {
        match size {
            FSize::F64 => {
                self.a.movq_rx(ACC, ra);
                self.a.movq_rx(CNT, rb);
                self.a.shl_ri(ACC, 1);
                self.a.shr_ri(ACC, 1);
                self.a.shr_ri(CNT, 63);
                self.a.shl_ri(CNT, 63);
                self.a.or_rr(ACC, CNT);
                self.a.movq_xr(rd, ACC);
            }
            FSize::F32 => {
                self.a.movd_rx(EAX, ra);
                self.a.movd_rx(ECX, rb);
                self.a.and_ri(EAX, i32::MAX);
                self.a.and_ri(ECX, i32::MIN);
                self.a.or_rr(EAX, ECX);
                self.a.movd_xr(rd, EAX);
            }
        }
    }

    pub(super) fn fp_unary_impl(&mut self, op: FpUnary, rd: Xmm, ra: Xmm, size: FSize) {
        let mode = match op {
            FpUnary::Sqrt => {
                match size {
                    FSize::F64 => self.a.sqrtsd_rr(rd, ra),
                    FSize::F32 => self.a.sqrtss_rr(rd, ra),
                }
                self.canonicalize(rd, size);
                return;
            }
            FpUnary::Abs | FpUnary::Neg => {
                self.sign_op(op == FpUnary::Neg, rd, ra, size);
                return;
            }
            FpUnary::Floor => RoundMode::Down,
            FpUnary::Ceil => RoundMode::Up,
            FpUnary::Trunc => RoundMode::Zero,
            FpUnary::Nearest => RoundMode::Nearest,
        };
        match (self.cpu.sse41, size) {
            (true, FSize::F64) => self.a.roundsd_rr(rd, ra, mode),
            (true, FSize::F32) => self.a.roundss_rr(rd, ra, mode),
            (false, _) => self.round_fallback(mode, rd, ra, size),
        }
    }

    /// Clears (`abs`) or flips (`neg`) the sign bit, in `rax`.
    fn sign_op(&mut self, neg: bool, rd: Xmm, ra: Xmm, size: FSize) {
        match size {
            FSize::F64 => {
                self.a.movq_rx(ACC, ra);
                if neg {
                    self.a.mov_ri(IMM, i64::MIN);
                    self.a.xor_rr(ACC, IMM);
                } else {
                    self.a.shl_ri(ACC, 1);
                    self.a.shr_ri(ACC, 1);
                }
                self.a.movq_xr(rd, ACC);
            }
            FSize::F32 => {
                self.a.movd_rx(EAX, ra);
                if neg {
                    self.a.xor_ri(EAX, i32::MIN);
                } else {
                    self.a.and_ri(EAX, i32::MAX);
                }
                self.a.movd_xr(rd, EAX);
            }
        }
    }

    /// Rounding without SSE4.1. A float of magnitude 2^52 (f32: 2^23) or more is an integer
    /// already (NaN and ±∞ among them) and stays as it is; any other goes through a 64-bit
    /// integer: truncated (`cvttsd2si`) or rounded to nearest even (`cvtsd2si`, under the
    /// default MXCSR rounding), corrected by one for floor/ceil, converted back, and given
    /// the operand's sign (so −0.5 rounds to −0).
    fn round_fallback(&mut self, mode: RoundMode, rd: Xmm, ra: Xmm, size: FSize) {
        let (keep, exact) = (self.a.new_label(), self.a.new_label());
        self.a.movaps_rr(FTMP, ra);
        // rax = the bits, rcx = the magnitude's bits, compared with those of 2^52 / 2^23.
        match size {
            FSize::F64 => {
                self.a.movq_rx(ACC, FTMP);
                self.a.mov_rr(CNT, ACC);
                self.a.shl_ri(CNT, 1);
                self.a.shr_ri(CNT, 1);
                self.a.mov_ri(IMM, 0x4330_0000_0000_0000);
                self.a.cmp_rr(CNT, IMM);
            }
            FSize::F32 => {
                self.a.movd_rx(EAX, FTMP);
                self.a.mov_rr(ECX, EAX);
                self.a.and_ri(ECX, i32::MAX);
                self.a.cmp_ri(ECX, 0x4b00_0000);
            }
        }
        self.a.jcc(Cond::Ae, keep);
        let to_int = |m: &mut X64Masm, src: Xmm| match (mode, size) {
            (RoundMode::Nearest, FSize::F64) => m.a.cvtsd2si_rr(CNT, src),
            (RoundMode::Nearest, FSize::F32) => m.a.cvtss2si_rr(CNT, src),
            (_, FSize::F64) => m.a.cvttsd2si_rr(CNT, src),
            (_, FSize::F32) => m.a.cvttss2si_rr(CNT, src),
        };
        let to_float = |m: &mut X64Masm| match size {
            FSize::F64 => m.a.cvtsi2sd_rr(FTMP2, CNT),
            FSize::F32 => m.a.cvtsi2ss_rr(FTMP2, CNT),
        };
        to_int(self, FTMP);
        to_float(self);
        match mode {
            RoundMode::Down => {
                // Truncation went up (a negative fraction): one less.
                self.ucomis(FTMP2, FTMP, size);
                self.jcc_near(Cond::Be, exact);
                self.a.sub_ri(CNT, 1);
                to_float(self);
            }
            RoundMode::Up => {
                self.ucomis(FTMP, FTMP2, size);
                self.jcc_near(Cond::Be, exact);
                self.a.add_ri(CNT, 1);
                to_float(self);
            }
            RoundMode::Zero | RoundMode::Nearest => {}
        }
        self.here(exact);
        // The operand's sign onto the result (only a zero result can have lost it).
        match size {
            FSize::F64 => {
                self.a.shr_ri(ACC, 63);
                self.a.shl_ri(ACC, 63);
                self.a.movq_rx(CNT, FTMP2);
                self.a.or_rr(CNT, ACC);
                self.a.movq_xr(FTMP, CNT);
            }
            FSize::F32 => {
                self.a.and_ri(EAX, i32::MIN);
                self.a.movd_rx(ECX, FTMP2);
                self.a.or_rr(ECX, EAX);
                self.a.movd_xr(FTMP, ECX);
            }
        }
        self.here(keep);
        self.a.movaps_rr(rd, FTMP);
    }

    /// The operands (in `ucomis` order) and x86 condition of `c`, for all but `Eq`/`Ne`:
    /// `A`/`AE` are false on unordered (CF set), `B`/`BE` true — `<` compares swapped.
    fn fp_cond(c: FpCond, a: Xmm, b: Xmm) -> (Xmm, Xmm, Cond) {
        match c {
            FpCond::Gt => (a, b, Cond::A),
            FpCond::Ge => (a, b, Cond::Ae),
            FpCond::Lt => (b, a, Cond::A),
            FpCond::Le => (b, a, Cond::Ae),
            FpCond::NotGt => (a, b, Cond::Be),
            FpCond::NotGe => (a, b, Cond::B),
            FpCond::NotLt => (b, a, Cond::Be),
            FpCond::NotLe => (b, a, Cond::B),
            FpCond::Eq | FpCond::Ne => (a, b, Cond::E),
        }
    }

    pub(super) fn fcmp_set_impl(&mut self, rd: Reg64, c: FpCond, a: Xmm, b: Xmm, size: FSize) {
        let (l, r, cc) = X64Masm::fp_cond(c, a, b);
        self.ucomis(l, r, size);
        match c {
            // Equal and ordered (ZF = 1, PF = 0); not equal or unordered.
            FpCond::Eq | FpCond::Ne => {
                let (z, p) = if c == FpCond::Eq {
                    (Cond::E, Cond::Np)
                } else {
                    (Cond::Ne, Cond::P)
                };
                self.a.setcc(z, ACC.r8());
                self.a.setcc(p, CNT.r8());
                if c == FpCond::Eq {
                    self.a.and_rr(ACC.r8(), CNT.r8());
                } else {
                    self.a.or_rr(ACC.r8(), CNT.r8());
                }
                self.a.movzx_rr(rd.r32(), ACC.r8());
            }
            _ => {
                self.a.setcc(cc, rd.r8());
                self.a.movzx_rr(rd.r32(), rd.r8());
            }
        }
    }

    pub(super) fn fbranch_impl(&mut self, c: FpCond, a: Xmm, b: Xmm, label: Label, size: FSize) {
        let (l, r, cc) = X64Masm::fp_cond(c, a, b);
        self.ucomis(l, r, size);
        match c {
            FpCond::Eq => {
                let unordered = self.a.new_label();
                self.jcc_near(Cond::P, unordered);
                self.a.jcc(Cond::E, label);
                self.here(unordered);
            }
            FpCond::Ne => {
                self.a.jcc(Cond::P, label);
                self.a.jcc(Cond::Ne, label);
            }
            _ => self.a.jcc(cc, label),
        }
    }
}
