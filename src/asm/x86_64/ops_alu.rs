//! Integer arithmetic on the [`Assembler`]: the eight classic ALU operations
//! (`add or adc sbb and sub xor cmp`) in every operand form, `test`, `imul`, the one-operand
//! group (`mul imul div idiv neg not`), `inc`/`dec`, and `cdq`/`cqo`.
//!
//! Immediates are typed by the operand size ([`OpSize::Imm`]): `i8`/`i16`/`i32`, and a
//! sign-extended `i32` for 64-bit operations, so an immediate the instruction has no room for
//! does not compile. The shortest encoding is picked: the sign-extended imm8 form (`83 /n`),
//! else the accumulator form (`05` for `eax`) or `81 /n`. A register-register form puts the
//! source in ModRM.reg (`01 /r`, as `llvm-mc` does).

use super::Assembler;
use super::enc_insn::{Imm, Insn};
use super::forms::{ext_m, ext_r, r_m, r_r};
use super::operand::Mem;
use super::reg::Gpr;
use super::size::{OpSize, WideSize, Width};
use crate::asm::error::AsmResult;

/// Whether `v` fits a sign-extended imm8.
fn fits_i8(v: i64) -> bool {
    i8::try_from(v).is_ok()
}

impl Assembler {
    /// `op dst, src` (registers): `op*8 + 0/1 /r`, source in ModRM.reg.
    fn alu_rr<R: Gpr>(&mut self, op: u8, dst: R, src: R) {
        let w = R::Size::WIDTH;
        self.emit_reg_insn(r_r(&[w.op(op * 8)], w, src, dst));
    }

    /// `op dst, [mem]`: `op*8 + 2/3 /r`.
    fn alu_rm<R: Gpr>(&mut self, op: u8, dst: R, mem: Mem) -> AsmResult {
        let w = R::Size::WIDTH;
        self.emit_insn(r_m(&[w.op(op * 8 + 2)], w, dst, mem))
    }

    /// `op [mem], src`: `op*8 + 0/1 /r`.
    fn alu_mr<R: Gpr>(&mut self, op: u8, mem: Mem, src: R) -> AsmResult {
        let w = R::Size::WIDTH;
        self.emit_insn(r_m(&[w.op(op * 8)], w, src, mem))
    }

    /// `op dst, imm`: `83 /op ib`, the accumulator form `op*8 + 4/5`, or `80/81 /op`.
    fn alu_ri<R: Gpr>(&mut self, op: u8, dst: R, imm: i64) {
        let w = R::Size::WIDTH;
        let (accumulator, group) = ([w.op(op * 8 + 4)], [w.op(0x80)]);
        let insn = if !w.is_byte() && fits_i8(imm) {
            ext_r(&[0x83], w, op, dst).imm(Imm::I8(imm as i8))
        } else if dst.num() == 0 {
            Insn::new(&accumulator).width(w).imm(Imm::sized(w, imm))
        } else {
            ext_r(&group, w, op, dst).imm(Imm::sized(w, imm))
        };
        self.emit_reg_insn(insn);
    }

    /// `op size ptr [mem], imm`: `83 /op ib` or `80/81 /op`.
    fn alu_mi(&mut self, op: u8, w: Width, mem: Mem, imm: i64) -> AsmResult {
        if !w.is_byte() && fits_i8(imm) {
            self.emit_insn(ext_m(&[0x83], w, op, mem).imm(Imm::I8(imm as i8)))
        } else {
            self.emit_insn(ext_m(&[w.op(0x80)], w, op, mem).imm(Imm::sized(w, imm)))
        }
    }
}

macro_rules! alu_ops {
    ($($op:literal $name:literal: $rr:ident $ri:ident $rm:ident $mr:ident $mi:ident;)*) => {
        impl Assembler {
            $(
                #[doc = concat!("`", $name, " dst, src` (registers of one size).")]
                pub fn $rr<R: Gpr>(&mut self, dst: R, src: R) {
                    self.alu_rr($op, dst, src)
                }
                #[doc = concat!("`", $name, " dst, imm` (shortest form).")]
                pub fn $ri<R: Gpr>(&mut self, dst: R, imm: <R::Size as OpSize>::Imm) {
                    self.alu_ri($op, dst, imm.into())
                }
                #[doc = concat!("`", $name, " dst, [mem]`.")]
                pub fn $rm<R: Gpr>(&mut self, dst: R, mem: Mem) -> AsmResult {
                    self.alu_rm($op, dst, mem)
                }
                #[doc = concat!("`", $name, " [mem], src`.")]
                pub fn $mr<R: Gpr>(&mut self, mem: Mem, src: R) -> AsmResult {
                    self.alu_mr($op, mem, src)
                }
                #[doc = concat!("`", $name, " size ptr [mem], imm` (shortest form).")]
                pub fn $mi<S: OpSize>(&mut self, _size: S, mem: Mem, imm: S::Imm) -> AsmResult {
                    self.alu_mi($op, S::WIDTH, mem, imm.into())
                }
            )*
        }
    };
}

alu_ops! {
    0 "add": add_rr add_ri add_rm add_mr add_mi;
    1 "or": or_rr or_ri or_rm or_mr or_mi;
    2 "adc": adc_rr adc_ri adc_rm adc_mr adc_mi;
    3 "sbb": sbb_rr sbb_ri sbb_rm sbb_mr sbb_mi;
    4 "and": and_rr and_ri and_rm and_mr and_mi;
    5 "sub": sub_rr sub_ri sub_rm sub_mr sub_mi;
    6 "xor": xor_rr xor_ri xor_rm xor_mr xor_mi;
    7 "cmp": cmp_rr cmp_ri cmp_rm cmp_mr cmp_mi;
}

/// Opcode extensions of the one-operand group `F6/F7 /n`.
const EXT_NOT: u8 = 2;
const EXT_NEG: u8 = 3;
const EXT_MUL: u8 = 4;
const EXT_IMUL: u8 = 5;
const EXT_DIV: u8 = 6;
const EXT_IDIV: u8 = 7;

macro_rules! unary_ops {
    ($($byte_op:literal $ext:expr, $name:literal: $r:ident $m:ident, $doc:literal;)*) => {
        impl Assembler {
            $(
                #[doc = concat!("`", $name, " src`: ", $doc)]
                pub fn $r<R: Gpr>(&mut self, src: R) {
                    let w = R::Size::WIDTH;
                    self.emit_reg_insn(ext_r(&[w.op($byte_op)], w, $ext, src));
                }
                #[doc = concat!("`", $name, " size ptr [mem]`: ", $doc)]
                pub fn $m<S: OpSize>(&mut self, _size: S, mem: Mem) -> AsmResult {
                    self.emit_insn(ext_m(&[S::WIDTH.op($byte_op)], S::WIDTH, $ext, mem))
                }
            )*
        }
    };
}

unary_ops! {
    0xF6 EXT_NOT, "not": not_r not_m, "bitwise complement in place.";
    0xF6 EXT_NEG, "neg": neg_r neg_m, "two's complement negation in place.";
    0xF6 EXT_MUL, "mul": mul_r mul_m, "unsigned `rdx:rax = rax * src` (at the operand size; \
        8 bits: `ax = al * src`).";
    0xF6 EXT_IMUL, "imul": imul_r imul_m, "signed `rdx:rax = rax * src` (at the operand size).";
    0xF6 EXT_DIV, "div": div_r div_m, "unsigned `rdx:rax / src`: quotient in `rax`, remainder \
        in `rdx` (at the operand size; faults on division by zero or quotient overflow).";
    0xF6 EXT_IDIV, "idiv": idiv_r idiv_m, "signed `rdx:rax / src` (faults on division by zero \
        and on `MIN / -1`).";
    0xFE 0, "inc": inc_r inc_m, "add one (leaves CF unchanged).";
    0xFE 1, "dec": dec_r dec_m, "subtract one (leaves CF unchanged).";
}

impl Assembler {
    /// `test a, b` (registers): `84/85 /r`, `b` in ModRM.reg; sets flags of `a & b`.
    pub fn test_rr<R: Gpr>(&mut self, a: R, b: R) {
        let w = R::Size::WIDTH;
        self.emit_reg_insn(r_r(&[w.op(0x84)], w, b, a));
    }

    /// `test dst, imm`: `a8/a9` for the accumulator, else `f6/f7 /0` (no imm8 form exists).
    pub fn test_ri<R: Gpr>(&mut self, dst: R, imm: <R::Size as OpSize>::Imm) {
        let w = R::Size::WIDTH;
        let (accumulator, group) = ([w.op(0xA8)], [w.op(0xF6)]);
        let insn = if dst.num() == 0 {
            Insn::new(&accumulator).width(w)
        } else {
            ext_r(&group, w, 0, dst)
        };
        self.emit_reg_insn(insn.imm(Imm::sized(w, imm.into())));
    }

    /// `test [mem], src`.
    pub fn test_mr<R: Gpr>(&mut self, mem: Mem, src: R) -> AsmResult {
        let w = R::Size::WIDTH;
        self.emit_insn(r_m(&[w.op(0x84)], w, src, mem))
    }

    /// `test size ptr [mem], imm`.
    pub fn test_mi<S: OpSize>(&mut self, _size: S, mem: Mem, imm: S::Imm) -> AsmResult {
        let w = S::WIDTH;
        self.emit_insn(ext_m(&[w.op(0xF6)], w, 0, mem).imm(Imm::sized(w, imm.into())))
    }

    /// `imul dst, src`: `0F AF /r`, the truncated signed (= unsigned) product.
    pub fn imul_rr<R: Gpr>(&mut self, dst: R, src: R)
    where
        R::Size: WideSize,
    {
        self.emit_reg_insn(r_r(&[0x0F, 0xAF], R::Size::WIDTH, dst, src));
    }

    /// `imul dst, [mem]`.
    pub fn imul_rm<R: Gpr>(&mut self, dst: R, mem: Mem) -> AsmResult
    where
        R::Size: WideSize,
    {
        self.emit_insn(r_m(&[0x0F, 0xAF], R::Size::WIDTH, dst, mem))
    }

    /// `imul dst, src, imm`: `6B /r ib` or `69 /r iz`.
    pub fn imul_rri<R: Gpr>(&mut self, dst: R, src: R, imm: <R::Size as OpSize>::Imm)
    where
        R::Size: WideSize,
    {
        let (w, imm) = (R::Size::WIDTH, imm.into());
        let insn = if fits_i8(imm) {
            r_r(&[0x6B], w, dst, src).imm(Imm::I8(imm as i8))
        } else {
            r_r(&[0x69], w, dst, src).imm(Imm::sized(w, imm))
        };
        self.emit_reg_insn(insn);
    }

    /// `imul dst, [mem], imm`.
    pub fn imul_rmi<R: Gpr>(&mut self, dst: R, mem: Mem, imm: <R::Size as OpSize>::Imm) -> AsmResult
    where
        R::Size: WideSize,
    {
        let (w, imm) = (R::Size::WIDTH, imm.into());
        if fits_i8(imm) {
            self.emit_insn(r_m(&[0x6B], w, dst, mem).imm(Imm::I8(imm as i8)))
        } else {
            self.emit_insn(r_m(&[0x69], w, dst, mem).imm(Imm::sized(w, imm)))
        }
    }

    /// `cdq`: sign-extends `eax` into `edx` (before a 32-bit `idiv`).
    pub fn cdq(&mut self) {
        self.emit_bytes(&[0x99]);
    }

    /// `cqo`: sign-extends `rax` into `rdx` (before a 64-bit `idiv`).
    pub fn cqo(&mut self) {
        self.emit_reg_insn(Insn::new(&[0x99]).width(Width::B64));
    }
}
