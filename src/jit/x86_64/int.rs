//! Integer arithmetic of the x86-64 macro-assembler: the two-operand ALU operations for every
//! aliasing of destination and operands, shifts and rotates (count in `cl`), the checked
//! operations (`jo`), division through `rax`/`rdx` (dividing by zero and `MIN / -1` answered
//! as on AArch64, where `idiv` would fault), and the bit counts with their fallbacks.

use super::abi::{ACC, CNT, IMM, REM, q};
use super::masm::{X64Masm, imm32, view};
use crate::asm::x86_64::{Cond, EAX, ECX, Label, Reg64};
use crate::jit::masm::{CheckedOp, DivOp, IntOp, Reg, RegImm, Size, UnaryOp};

/// The two-operand operations with a `op dst, src` instruction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Alu {
    Add,
    Sub,
    Mul,
    And,
    Or,
    Xor,
}

impl X64Masm {
    pub(super) fn int_op_impl(&mut self, op: IntOp, dst: Reg, a: Reg, b: RegImm, size: Size) {
        let alu = match op {
            IntOp::Add => Alu::Add,
            IntOp::Sub => Alu::Sub,
            IntOp::Mul => Alu::Mul,
            IntOp::And => Alu::And,
            IntOp::Or => Alu::Or,
            IntOp::Xor => Alu::Xor,
            IntOp::Shl | IntOp::ShrS | IntOp::ShrU | IntOp::Rotl | IntOp::Rotr => {
                return self.shift(op, q(dst), q(a), b, size);
            }
        };
        self.alu(alu, q(dst), q(a), b, size, None);
    }

    /// `dst = a * b + c`, through the accumulator (so any operands may alias).
    pub(super) fn mul_add_impl(&mut self, dst: Reg, a: Reg, b: Reg, c: Reg, size: Size) {
        self.mov_sized(ACC, q(a), Size::S64);
        self.alu_rr(Alu::Mul, ACC, q(b), size);
        self.alu_rr(Alu::Add, ACC, q(c), size);
        self.mov_sized(q(dst), ACC, size);
    }

    /// `dst = a + (b << shift)`, through the accumulator.
    pub(super) fn int_add_shifted_impl(&mut self, dst: Reg, a: Reg, b: Reg, shift: u8, size: Size) {
        self.shift(IntOp::Shl, ACC, q(b), RegImm::Imm(shift as i64), size);
        self.alu_rr(Alu::Add, ACC, q(a), size);
        self.mov_sized(q(dst), ACC, size);
    }

    pub(super) fn checked_op_impl(
        &mut self,
        op: CheckedOp,
        dst: Reg,
        a: Reg,
        b: RegImm,
        size: Size,
        overflow: Label,
    ) {
        let alu = match op {
            CheckedOp::Add => Alu::Add,
            CheckedOp::Sub => Alu::Sub,
            CheckedOp::Mul => Alu::Mul,
        };
        self.alu(alu, q(dst), q(a), b, size, Some(overflow));
    }

    /// `rd = ra op b`, then `jo overflow` if given (OF is the signed overflow of each).
    fn alu(
        &mut self,
        op: Alu,
        rd: Reg64,
        ra: Reg64,
        b: RegImm,
        size: Size,
        overflow: Option<Label>,
    ) {
        if let RegImm::Imm(v) = b
            && let Some(i) = imm32(v, size)
        {
            if op == Alu::Mul {
                view!(size, |v| self.a.imul_rri(v(rd), v(ra), i));
            } else {
                if rd != ra {
                    self.mov_sized(rd, ra, size);
                }
                view!(size, |v| match op {
                    Alu::Add => self.a.add_ri(v(rd), i),
                    Alu::Sub => self.a.sub_ri(v(rd), i),
                    Alu::And => self.a.and_ri(v(rd), i),
                    Alu::Or => self.a.or_ri(v(rd), i),
                    Alu::Xor => self.a.xor_ri(v(rd), i),
                    Alu::Mul => unreachable!("handled above"),
                });
            }
            self.jump_if_overflow(overflow);
            return;
        }
        let rb = self.rhs(b, size);
        if rd == rb && rd != ra {
            if op != Alu::Sub {
                // Commutative: `rd = rd op ra`.
                self.alu_rr(op, rd, ra, size);
                self.jump_if_overflow(overflow);
            } else {
                self.mov_sized(ACC, ra, Size::S64);
                self.alu_rr(op, ACC, rb, size);
                self.jump_if_overflow(overflow);
                self.mov_sized(rd, ACC, size);
            }
            return;
        }
        if rd != ra {
            self.mov_sized(rd, ra, size);
        }
        self.alu_rr(op, rd, rb, size);
        self.jump_if_overflow(overflow);
    }

    /// `op rd, rs` at `size`.
    fn alu_rr(&mut self, op: Alu, rd: Reg64, rs: Reg64, size: Size) {
        view!(size, |v| match op {
            Alu::Add => self.a.add_rr(v(rd), v(rs)),
            Alu::Sub => self.a.sub_rr(v(rd), v(rs)),
            Alu::Mul => self.a.imul_rr(v(rd), v(rs)),
            Alu::And => self.a.and_rr(v(rd), v(rs)),
            Alu::Or => self.a.or_rr(v(rd), v(rs)),
            Alu::Xor => self.a.xor_rr(v(rd), v(rs)),
        });
    }

    fn jump_if_overflow(&mut self, overflow: Option<Label>) {
        if let Some(l) = overflow {
            self.a.jcc(Cond::O, l);
        }
    }

    /// Shifts and rotates: the hardware takes the count modulo the width, as the trait does;
    /// a variable count goes to `cl` before `rd` is written (it may be the count's register).
    fn shift(&mut self, op: IntOp, rd: Reg64, ra: Reg64, b: RegImm, size: Size) {
        match b {
            RegImm::Imm(v) => {
                let n = (v as u32 & (size.bits() - 1)) as u8;
                if rd != ra || n == 0 {
                    // A count of 0 still zero-extends a 32-bit result.
                    self.mov_sized(rd, ra, size);
                }
                if n == 0 {
                    return;
                }
                view!(size, |v| match op {
                    IntOp::Shl => self.a.shl_ri(v(rd), n),
                    IntOp::ShrS => self.a.sar_ri(v(rd), n),
                    IntOp::ShrU => self.a.shr_ri(v(rd), n),
                    IntOp::Rotl => self.a.rol_ri(v(rd), n),
                    _ => self.a.ror_ri(v(rd), n),
                });
            }
            RegImm::Reg(r) => {
                self.a.mov_rr(ECX, q(r).r32());
                if rd != ra {
                    self.mov_sized(rd, ra, size);
                }
                view!(size, |v| match op {
                    IntOp::Shl => self.a.shl_rcl(v(rd)),
                    IntOp::ShrS => self.a.sar_rcl(v(rd)),
                    IntOp::ShrU => self.a.shr_rcl(v(rd)),
                    IntOp::Rotl => self.a.rol_rcl(v(rd)),
                    _ => self.a.ror_rcl(v(rd)),
                });
            }
        }
    }

    /// Division in `rdx:rax` by `rcx`. A zero divisor gives 0 (quotient) or the dividend
    /// (remainder), and a signed division by −1 gives `-a` (wrapping) or 0, without `idiv`
    /// (which faults on both): what AArch64's `sdiv`/`udiv`/`msub` give. The register
    /// assigned `rdx` is saved in `r11` unless it is the destination.
    pub(super) fn div_op_impl(&mut self, op: DivOp, dst: Reg, a: Reg, b: Reg, size: Size) {
        let (rd, ra, rb) = (q(dst), q(a), q(b));
        let signed = matches!(op, DivOp::DivS | DivOp::RemS);
        let rem = matches!(op, DivOp::RemS | DivOp::RemU);
        let (by_zero, by_minus1, done) =
            (self.a.new_label(), self.a.new_label(), self.a.new_label());
        view!(size, |v| self.a.test_rr(v(rb), v(rb)));
        self.jcc_near(Cond::E, by_zero);
        if signed {
            view!(size, |v| self.a.cmp_ri(v(rb), -1));
            self.jcc_near(Cond::E, by_minus1);
        }
        // Divisor first: it may live in rdx or be the destination.
        self.a.mov_rr(CNT, rb);
        if rd != REM {
            self.a.mov_rr(IMM, REM);
        }
        self.a.mov_rr(ACC, ra);
        match (signed, size) {
            (true, Size::S32) => self.a.cdq(),
            (true, Size::S64) => self.a.cqo(),
            (false, _) => self.a.xor_rr(REM.r32(), REM.r32()),
        }
        view!(size, |v| if signed {
            self.a.idiv_r(v(CNT))
        } else {
            self.a.div_r(v(CNT))
        });
        self.mov_sized(rd, if rem { REM } else { ACC }, size);
        if rd != REM {
            self.a.mov_rr(REM, IMM);
        }
        self.a
            .jmp_short(done)
            .expect("a short jump to an unbound label is checked when it is bound");
        self.here(by_zero);
        if rem {
            self.mov_sized(rd, ra, size);
        } else {
            self.a.mov_ri(rd.r32(), 0);
        }
        if signed {
            self.a
                .jmp_short(done)
                .expect("a short jump to an unbound label is checked when it is bound");
            self.here(by_minus1);
            if rem {
                self.a.mov_ri(rd.r32(), 0);
            } else {
                self.mov_sized(rd, ra, size);
                view!(size, |v| self.a.neg_r(v(rd)));
            }
        }
        self.here(done);
    }

    pub(super) fn unary_op_impl(&mut self, op: UnaryOp, dst: Reg, a: Reg, size: Size) {
        let (rd, ra) = (q(dst), q(a));
        let bits = size.bits() as i32;
        match op {
            UnaryOp::Neg | UnaryOp::Not => {
                if rd != ra {
                    self.mov_sized(rd, ra, size);
                }
                view!(size, |v| if op == UnaryOp::Neg {
                    self.a.neg_r(v(rd))
                } else {
                    self.a.not_r(v(rd))
                });
            }
            UnaryOp::Clz if self.cpu.lzcnt => view!(size, |v| self.a.lzcnt_rr(v(rd), v(ra))),
            UnaryOp::Clz => {
                // bsr gives the index of the highest set bit, i; clz = (bits − 1) − i =
                // i ^ (bits − 1). For zero (ZF set) i := 2·bits − 1, so the xor gives bits.
                view!(size, |v| self.a.bsr_rr(v(CNT), v(ra)));
                self.a.mov_ri(EAX, 2 * bits - 1);
                self.a.cmovcc_rr(Cond::E, ECX, EAX);
                self.a.xor_ri(ECX, bits - 1);
                self.a.mov_rr(rd.r32(), ECX);
            }
            UnaryOp::Ctz if self.cpu.tzcnt => view!(size, |v| self.a.tzcnt_rr(v(rd), v(ra))),
            UnaryOp::Ctz => {
                // bsf gives the index of the lowest set bit; zero (ZF set) counts `bits`.
                view!(size, |v| self.a.bsf_rr(v(CNT), v(ra)));
                self.a.mov_ri(EAX, bits);
                self.a.cmovcc_rr(Cond::E, ECX, EAX);
                self.a.mov_rr(rd.r32(), ECX);
            }
            UnaryOp::Popcnt if self.cpu.popcnt => {
                view!(size, |v| self.a.popcnt_rr(v(rd), v(ra)))
            }
            UnaryOp::Popcnt => self.popcnt_swar(rd, ra, size),
        }
    }

    /// Population count without `popcnt`: bit pairs, nibbles, bytes, then the bytes summed
    /// by a multiplication into the top byte.
    fn popcnt_swar(&mut self, rd: Reg64, ra: Reg64, size: Size) {
        /// `0x55…`, `0x33…`, `0x0f…`, `0x01…` at 64 bits.
        const M: [u64; 4] = [
            0x5555_5555_5555_5555,
            0x3333_3333_3333_3333,
            0x0f0f_0f0f_0f0f_0f0f,
            0x0101_0101_0101_0101,
        ];
        // `and`/`imul` of `reg` with mask `i` at `size` (64-bit masks through r11).
        let mask = |m: &mut X64Masm, reg: Reg64, i: usize, mul: bool| match size {
            Size::S32 => {
                let k = M[i] as u32 as i32;
                if mul {
                    m.a.imul_rri(reg.r32(), reg.r32(), k);
                } else {
                    m.a.and_ri(reg.r32(), k);
                }
            }
            Size::S64 => {
                m.a.mov_ri(IMM, M[i] as i64);
                if mul {
                    m.a.imul_rr(reg, IMM);
                } else {
                    m.a.and_rr(reg, IMM);
                }
            }
        };
        self.mov_sized(ACC, ra, size);
        // x − ((x >> 1) & 0x55…): the count of each bit pair.
        self.mov_sized(CNT, ACC, size);
        view!(size, |v| self.a.shr_ri(v(CNT), 1));
        mask(self, CNT, 0, false);
        view!(size, |v| self.a.sub_rr(v(ACC), v(CNT)));
        // (x & 0x33…) + ((x >> 2) & 0x33…): each nibble.
        self.mov_sized(CNT, ACC, size);
        view!(size, |v| self.a.shr_ri(v(CNT), 2));
        mask(self, CNT, 1, false);
        mask(self, ACC, 1, false);
        view!(size, |v| self.a.add_rr(v(ACC), v(CNT)));
        // (x + (x >> 4)) & 0x0f…: each byte.
        self.mov_sized(CNT, ACC, size);
        view!(size, |v| self.a.shr_ri(v(CNT), 4));
        view!(size, |v| self.a.add_rr(v(ACC), v(CNT)));
        mask(self, ACC, 2, false);
        // The sum of the bytes lands in the top byte.
        mask(self, ACC, 3, true);
        view!(size, |v| self.a.shr_ri(v(ACC), size.bits() as u8 - 8));
        self.a.mov_rr(rd.r32(), EAX);
    }
}
