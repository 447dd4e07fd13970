//! Conversions between integers and floats on x86-64. SSE2 converts only signed integers, and
//! an out-of-range or NaN float becomes the "integer indefinite" `MIN`: unsigned 32-bit goes
//! through 64 bits, unsigned 64-bit through the classic halving (int → float) or a 2^63
//! offset (float → int), and float → int compares with exclusive bounds first, branching
//! (trapping form) or selecting the saturated value (NaN gives 0).

use super::abi::{ACC, CNT, FTMP, FTMP2, IMM};
use super::masm::X64Masm;
use crate::asm::x86_64::{Cond, Label, Reg64, Xmm};
use crate::jit::masm::{FSize, OutOfRange, Size};

/// The exclusive bounds of the floats that truncate into the integer range: in range iff
/// `lo < v < hi`; each bound is exact in `fsize` (the largest float at or below `MIN − 1`,
/// the smallest at or above `MAX + 1`).
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

/// The bits of `v` as a float of `size`.
fn fbits(v: f64, size: FSize) -> u64 {
    match size {
        FSize::F64 => v.to_bits(),
        FSize::F32 => (v as f32).to_bits() as u64,
    }
}

impl X64Masm {
    /// `cvtsi2sd`/`cvtsi2ss d, s` from a 64-bit register.
    fn cvtsi2s(&mut self, d: Xmm, s: Reg64, fsize: FSize) {
        match fsize {
            FSize::F64 => self.a.cvtsi2sd_rr(d, s),
            FSize::F32 => self.a.cvtsi2ss_rr(d, s),
        }
    }

    /// `cvttsd2si`/`cvttss2si d, s` into a 64-bit register.
    fn cvtts2si(&mut self, d: Reg64, s: Xmm, fsize: FSize) {
        match fsize {
            FSize::F64 => self.a.cvttsd2si_rr(d, s),
            FSize::F32 => self.a.cvttss2si_rr(d, s),
        }
    }

    pub(super) fn int_to_float_impl(
        &mut self,
        rd: Xmm,
        rs: Reg64,
        signed: bool,
        isize: Size,
        fsize: FSize,
    ) {
        match (signed, isize, fsize) {
            (true, Size::S32, FSize::F64) => self.a.cvtsi2sd_rr(rd, rs.r32()),
            (true, Size::S32, FSize::F32) => self.a.cvtsi2ss_rr(rd, rs.r32()),
            (true, Size::S64, _) => self.cvtsi2s(rd, rs, fsize),
            (false, Size::S32, _) => {
                // Zero-extended, every u32 is a non-negative i64.
                self.a.mov_rr(ACC.r32(), rs.r32());
                self.cvtsi2s(rd, ACC, fsize);
            }
            (false, Size::S64, _) => {
                // Below 2^63 the signed conversion is right. Above, convert half the value
                // with its lowest bit kept sticky (so it still rounds correctly), then double.
                let (big, done) = (self.a.new_label(), self.a.new_label());
                self.a.test_rr(rs, rs);
                self.jcc_near(Cond::S, big);
                self.cvtsi2s(rd, rs, fsize);
                self.jmp_near(done);
                self.here(big);
                self.a.mov_rr(ACC, rs);
                self.a.shr_ri(ACC, 1);
                self.a.mov_rr(CNT.r32(), rs.r32());
                self.a.and_ri(CNT.r32(), 1);
                self.a.or_rr(ACC, CNT);
                self.cvtsi2s(rd, ACC, fsize);
                match fsize {
                    FSize::F64 => self.a.addsd_rr(rd, rd),
                    FSize::F32 => self.a.addss_rr(rd, rd),
                }
                self.here(done);
            }
        }
    }

    pub(super) fn float_to_int_impl(
        &mut self,
        rd: Reg64,
        v: Xmm,
        signed: bool,
        fsize: FSize,
        isize: Size,
        range: OutOfRange<Label>,
    ) {
        let (lo, hi) = trunc_bounds(signed, fsize, isize);
        let (nan, low, high, done) = (
            self.a.new_label(),
            self.a.new_label(),
            self.a.new_label(),
            self.a.new_label(),
        );
        let (to_low, to_high) = match range {
            OutOfRange::Branch(l) => (l, l),
            OutOfRange::Saturate => (low, high),
        };
        // v ≤ lo or unordered (CF or ZF): below the range, or NaN.
        self.load_fbits(FTMP, fbits(lo, fsize), fsize);
        self.ucomis(v, FTMP, fsize);
        if range == OutOfRange::Saturate {
            self.a.jcc(Cond::P, nan);
        }
        self.a.jcc(Cond::Be, to_low);
        self.load_fbits(FTMP, fbits(hi, fsize), fsize);
        self.ucomis(v, FTMP, fsize);
        self.a.jcc(Cond::Ae, to_high);
        // In range.
        match (signed, isize) {
            (true, Size::S32) => match fsize {
                FSize::F64 => self.a.cvttsd2si_rr(rd.r32(), v),
                FSize::F32 => self.a.cvttss2si_rr(rd.r32(), v),
            },
            // 0 ≤ v < 2^32 converts exactly through 64 bits.
            (true, Size::S64) | (false, Size::S32) => self.cvtts2si(rd, v, fsize),
            (false, Size::S64) => {
                // From 2^63 up: convert v − 2^63 and set the top bit.
                let (big, converted) = (self.a.new_label(), self.a.new_label());
                self.load_fbits(FTMP, fbits(9223372036854775808.0, fsize), fsize);
                self.ucomis(v, FTMP, fsize);
                self.jcc_near(Cond::Ae, big);
                self.cvtts2si(rd, v, fsize);
                self.jmp_near(converted);
                self.here(big);
                self.a.movaps_rr(FTMP2, v);
                match fsize {
                    FSize::F64 => self.a.subsd_rr(FTMP2, FTMP),
                    FSize::F32 => self.a.subss_rr(FTMP2, FTMP),
                }
                self.cvtts2si(rd, FTMP2, fsize);
                self.a.mov_ri(IMM, i64::MIN);
                self.a.xor_rr(rd, IMM);
                self.here(converted);
            }
        }
        if range != OutOfRange::Saturate {
            return;
        }
        self.a.jmp(done);
        self.here(nan);
        self.a.mov_ri(rd.r32(), 0);
        self.a.jmp(done);
        self.here(low);
        match (signed, isize) {
            (true, Size::S32) => self.a.mov_ri(rd.r32(), i32::MIN),
            (true, Size::S64) => self.a.mov_ri(rd, i64::MIN),
            (false, _) => self.a.mov_ri(rd.r32(), 0),
        }
        self.a.jmp(done);
        self.here(high);
        match (signed, isize) {
            (true, Size::S32) => self.a.mov_ri(rd.r32(), i32::MAX),
            (true, Size::S64) => self.a.mov_ri(rd, i64::MAX),
            (false, Size::S32) => self.a.mov_ri(rd.r32(), -1),
            (false, Size::S64) => self.a.mov_ri(rd, -1),
        }
        self.here(done);
    }
}
