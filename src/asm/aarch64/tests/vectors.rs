//! The table of encoding vectors: (assembly text as `llvm-mc` accepts it, code emitting it
//! through the [`Assembler`]). `ci/gen-asm-vectors.sh` gets the texts by running
//! [`dump_vector_texts`] and asks `llvm-mc` for their bytes.

use crate::asm::aarch64::*;

/// A closure result that may or may not be fallible.
pub use crate::asm::golden::IntoAsmResult;

type Emit = Box<dyn Fn(&mut Assembler) -> AsmResult>;

/// One vector. `text` may hold several `;`-separated instructions (for label tests).
pub struct Vector {
    pub text: String,
    pub emit: Emit,
    /// Which of our bytes are compared with `llvm-mc`'s.
    pub window: Window,
}

/// Which part of the emitted code a vector compares.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Window {
    /// All of it (the usual case).
    All,
    /// The first instruction (it refers to a far label ahead, past padding).
    First,
    /// The last instruction (it refers to a far label behind, before padding).
    Last,
}

macro_rules! v {
    ($out:ident; $($text:expr => |$a:ident| $body:expr;)*) => {
        $( $out.push(Vector {
            text: String::from($text),
            emit: Box::new(|$a: &mut Assembler| IntoAsmResult::into_res($body)),
            window: Window::All,
        }); )*
    };
}

/// Pushes a vector whose text is computed (for loops over registers, conditions, …).
fn push(out: &mut Vec<Vector>, text: String, emit: impl Fn(&mut Assembler) -> AsmResult + 'static) {
    out.push(Vector {
        text,
        emit: Box::new(emit),
        window: Window::All,
    });
}

fn nops(a: &mut Assembler, n: usize) {
    for _ in 0..n {
        a.nop();
    }
}

/// Emits `insn` referring to a label `delta` bytes ahead, with nops (and for a `delta` that
/// is not a multiple of 4, data bytes) in between; only the referring (first) instruction is
/// compared.
fn far_forward(
    out: &mut Vec<Vector>,
    text: &str,
    delta: usize,
    insn: impl Fn(&mut Assembler, Label) -> AsmResult + 'static,
) {
    out.push(Vector {
        text: text.to_string(),
        emit: Box::new(move |a| {
            let l = a.new_label();
            let start = a.offset();
            insn(a, l)?;
            while a.offset() - start < delta - delta % 4 {
                a.nop();
            }
            a.emit_bytes(&[0; 3][..delta % 4]);
            a.bind(l)
        }),
        window: Window::First,
    });
}

/// Emits `insn` referring to a label `delta` bytes behind it; only the referring (last)
/// instruction is compared.
fn far_backward(
    out: &mut Vec<Vector>,
    text: &str,
    delta: usize,
    insn: impl Fn(&mut Assembler, Label) -> AsmResult + 'static,
) {
    out.push(Vector {
        text: text.to_string(),
        emit: Box::new(move |a| {
            let l = a.here();
            nops(a, delta / 4);
            insn(a, l)
        }),
        window: Window::Last,
    });
}

pub fn table() -> Vec<Vector> {
    let mut t = Vec::new();
    registers(&mut t);
    arith(&mut t);
    logic(&mut t);
    moves(&mut t);
    memory(&mut t);
    branches(&mut t);
    compare_select(&mut t);
    fp(&mut t);
    system(&mut t);
    entry_stub(&mut t);
    t
}

fn arith(t: &mut Vec<Vector>) {
    v! { t;
        "add x0, x1, x2" => |a| a.add(X0, X1, X2);
        "add w0, w1, w2" => |a| a.add(W0, W1, W2);
        "add x30, xzr, x30" => |a| a.add(X30, XZR, X30);
        "add xzr, x30, xzr" => |a| a.add(XZR, X30, XZR);
        "add w30, wzr, w29" => |a| a.add(W30, WZR, W29);
        "adds x3, x4, x5" => |a| a.adds(X3, X4, X5);
        "adds w3, w4, w5" => |a| a.adds(W3, W4, W5);
        "sub x6, x7, x8" => |a| a.sub(X6, X7, X8);
        "sub w6, w7, w8" => |a| a.sub(W6, W7, W8);
        "subs x9, x10, x11" => |a| a.subs(X9, X10, X11);
        "subs w9, w10, w11" => |a| a.subs(W9, W10, W11);
        "add x0, x1, x2, lsl #3" => |a| a.add_shifted(X0, X1, X2, Shift::Lsl, 3);
        "add x0, x1, x2, lsr #63" => |a| a.add_shifted(X0, X1, X2, Shift::Lsr, 63);
        "add w0, w1, w2, asr #31" => |a| a.add_shifted(W0, W1, W2, Shift::Asr, 31);
        "adds x0, x1, x2, asr #1" => |a| a.adds_shifted(X0, X1, X2, Shift::Asr, 1);
        "sub x0, x1, x2, lsl #12" => |a| a.sub_shifted(X0, X1, X2, Shift::Lsl, 12);
        "subs w0, w1, w2, lsr #0" => |a| a.subs_shifted(W0, W1, W2, Shift::Lsr, 0);
        "add x0, x1, #0" => |a| a.add_imm(X0, X1, Imm12::ZERO);
        "add x0, x1, #4095" => |a| a.add_imm(X0, X1, Imm12::new(4095).unwrap());
        "add x0, x1, #1, lsl #12" => |a| a.add_imm(X0, X1, Imm12::new(4096).unwrap());
        "add x0, x1, #4095, lsl #12" => |a| a.add_imm(X0, X1, Imm12::new(4095 << 12).unwrap());
        "add sp, sp, #16" => |a| a.add_imm(SP, SP, Imm12::new(16).unwrap());
        "add x29, sp, #32" => |a| a.add_imm(X29, SP, Imm12::new(32).unwrap());
        "add wsp, w1, #7" => |a| a.add_imm(WSP, W1, Imm12::new(7).unwrap());
        "add w0, wsp, #7" => |a| a.add_imm(W0, WSP, Imm12::new(7).unwrap());
        "adds x0, sp, #1" => |a| a.adds_imm(X0, SP, Imm12::new(1).unwrap());
        "adds xzr, x1, #1" => |a| a.adds_imm(XZR, X1, Imm12::new(1).unwrap());
        "adds w0, w1, #4095, lsl #12" => |a| a.adds_imm(W0, W1, Imm12::new(4095 << 12).unwrap());
        "sub sp, sp, #4095" => |a| a.sub_imm(SP, SP, Imm12::new(4095).unwrap());
        "sub w2, w3, #1" => |a| a.sub_imm(W2, W3, Imm12::new(1).unwrap());
        "subs x0, x30, #8" => |a| a.subs_imm(X0, X30, Imm12::new(8).unwrap());
        "subs w0, wsp, #8" => |a| a.subs_imm(W0, WSP, Imm12::new(8).unwrap());
        "sub x0, x1, #16" => |a| a.add_imm_signed(X0, X1, -16);
        "add x0, x1, #16" => |a| a.add_imm_signed(X0, X1, 16);
        "add sp, sp, x1" => |a| a.add_ext(SP, SP, X1, Extend::Uxtx, 0);
        "add sp, sp, x1, lsl #3" => |a| a.add_ext(SP, SP, X1, Extend::Uxtx, 3);
        "add x0, sp, w1, uxtw #2" => |a| a.add_ext(X0, SP, W1, Extend::Uxtw, 2);
        "add x0, x1, w2, sxtw" => |a| a.add_ext(X0, X1, W2, Extend::Sxtw, 0);
        "add x0, x1, w2, uxtb #4" => |a| a.add_ext(X0, X1, W2, Extend::Uxtb, 4);
        "add x0, x1, w2, uxth" => |a| a.add_ext(X0, X1, W2, Extend::Uxth, 0);
        "add x0, x1, w2, sxtb" => |a| a.add_ext(X0, X1, W2, Extend::Sxtb, 0);
        "add x0, x1, w2, sxth #1" => |a| a.add_ext(X0, X1, W2, Extend::Sxth, 1);
        "add x0, x1, x2, sxtx" => |a| a.add_ext(X0, X1, X2, Extend::Sxtx, 0);
        "add wsp, wsp, w1, uxtb" => |a| a.add_ext(WSP, WSP, W1, Extend::Uxtb, 0);
        "adds x0, sp, x1" => |a| a.adds_ext(X0, SP, X1, Extend::Uxtx, 0);
        "sub sp, sp, x2" => |a| a.sub_ext(SP, SP, X2, Extend::Uxtx, 0);
        "sub x0, sp, w3, sxtw #3" => |a| a.sub_ext(X0, SP, W3, Extend::Sxtw, 3);
        "subs x0, sp, x1" => |a| a.subs_ext(X0, SP, X1, Extend::Uxtx, 0);
        "cmp sp, x1" => |a| a.subs_ext(XZR, SP, X1, Extend::Uxtx, 0);
        "neg x0, x1" => |a| a.neg(X0, X1);
        "neg w0, w30" => |a| a.neg(W0, W30);
        "negs x0, x1" => |a| a.negs(X0, X1);
        "mul x0, x1, x2" => |a| a.mul(X0, X1, X2);
        "mul w0, w1, w2" => |a| a.mul(W0, W1, W2);
        "mneg x0, x1, x2" => |a| a.mneg(X0, X1, X2);
        "madd x0, x1, x2, x3" => |a| a.madd(X0, X1, X2, X3);
        "madd w0, w1, w2, w30" => |a| a.madd(W0, W1, W2, W30);
        "msub x0, x1, x2, x3" => |a| a.msub(X0, X1, X2, X3);
        "msub w0, w1, w2, w3" => |a| a.msub(W0, W1, W2, W3);
        "clz x0, x1" => |a| a.clz(X0, X1);
        "clz w30, wzr" => |a| a.clz(W30, WZR);
        "rbit x0, x30" => |a| a.rbit(X0, X30);
        "rbit w5, w6" => |a| a.rbit(W5, W6);
        "sdiv x0, x1, x2" => |a| a.sdiv(X0, X1, X2);
        "sdiv w0, w1, w2" => |a| a.sdiv(W0, W1, W2);
        "udiv x30, x29, x28" => |a| a.udiv(X30, X29, X28);
        "udiv w0, w1, w2" => |a| a.udiv(W0, W1, W2);
        "smulh x0, x1, x2" => |a| a.smulh(X0, X1, X2);
        "umulh x0, x1, x30" => |a| a.umulh(X0, X1, X30);
        "smull x0, w1, w2" => |a| a.smull(X0, W1, W2);
        "umull x0, w1, w2" => |a| a.umull(X0, W1, W2);
        "smaddl x0, w1, w2, x3" => |a| a.smaddl(X0, W1, W2, X3);
        "umaddl x0, w1, w2, x3" => |a| a.umaddl(X0, W1, W2, X3);
    }
}

/// Every register number in every operand position of each register class.
fn registers(t: &mut Vec<Vector>) {
    for n in 0..31u8 {
        let (d, a1, a2) = (X(n), X((n + 1) % 31), X((n + 2) % 31));
        push(
            t,
            format!("add x{}, x{}, x{}", n, (n + 1) % 31, (n + 2) % 31),
            move |a| {
                a.add(d, a1, a2);
                Ok(())
            },
        );
        let (d, a1, a2) = (W(n), W((n + 7) % 31), W((n + 13) % 31));
        push(
            t,
            format!("sub w{}, w{}, w{}", n, (n + 7) % 31, (n + 13) % 31),
            move |a| {
                a.sub(d, a1, a2);
                Ok(())
            },
        );
        let base = X((n + 3) % 31);
        push(
            t,
            format!("ldr x{}, [x{}, #8]", n, (n + 3) % 31),
            move |a| a.ldr(X(n), Mem::off(base, 8)),
        );
    }
    for n in 0..32u8 {
        let (d, a1, a2) = (D(n), D((n + 1) % 32), D((n + 2) % 32));
        push(
            t,
            format!("fadd d{}, d{}, d{}", n, (n + 1) % 32, (n + 2) % 32),
            move |a| {
                a.fadd(d, a1, a2);
                Ok(())
            },
        );
        let (d, a1) = (S(n), S((n + 5) % 32));
        push(t, format!("fneg s{}, s{}", n, (n + 5) % 32), move |a| {
            a.fneg(d, a1);
            Ok(())
        });
        push(t, format!("str d{n}, [sp, #16]"), move |a| {
            a.str(D(n), Mem::off(SP, 16))
        });
    }
}

fn logic(t: &mut Vec<Vector>) {
    v! { t;
        "and x0, x1, x2" => |a| a.and(X0, X1, X2);
        "and w0, w1, w2" => |a| a.and(W0, W1, W2);
        "ands x0, x1, x2" => |a| a.ands(X0, X1, X2);
        "ands w0, w1, w2, lsl #5" => |a| a.ands_shifted(W0, W1, W2, Shift::Lsl, 5);
        "orr x0, x1, x2" => |a| a.orr(X0, X1, X2);
        "orr w0, w1, w2, ror #31" => |a| a.orr_shifted(W0, W1, W2, Shift::Ror, 31);
        "eor x0, x1, x2" => |a| a.eor(X0, X1, X2);
        "eor x0, x1, x2, asr #63" => |a| a.eor_shifted(X0, X1, X2, Shift::Asr, 63);
        "eor w0, w1, w2" => |a| a.eor(W0, W1, W2);
        "orn x0, x1, x2" => |a| a.orn(X0, X1, X2);
        "orn w0, w1, w2, lsr #2" => |a| a.orn_shifted(W0, W1, W2, Shift::Lsr, 2);
        "bic x0, x1, x2" => |a| a.bic(X0, X1, X2);
        "bic w0, w1, w2" => |a| a.bic(W0, W1, W2);
        "bics x0, x1, x2, lsl #1" => |a| a.bics_shifted(X0, X1, X2, Shift::Lsl, 1);
        "eon x0, x1, x2" => |a| a.eon(X0, X1, X2);
        "and x0, x1, x2, ror #7" => |a| a.and_shifted(X0, X1, X2, Shift::Ror, 7);
        "mvn x0, x1" => |a| a.mvn(X0, X1);
        "mvn w0, w1" => |a| a.mvn(W0, W1);
        "tst x0, x1" => |a| a.tst(X0, X1);
        "tst w0, w1" => |a| a.tst(W0, W1);
        "and x0, x1, #0xff" => |a| a.and_imm(X0, X1, 0xff);
        "and w0, w1, #0xff" => |a| a.and_imm(W0, W1, 0xff);
        "and sp, x1, #0xfffffffffffffff0" => |a| a.and_imm(SP, X1, 0xffff_ffff_ffff_fff0);
        "and wsp, w1, #0xfffffff0" => |a| a.and_imm(WSP, W1, 0xffff_fff0);
        "ands x0, x1, #0x8000000000000000" => |a| a.ands_imm(X0, X1, 0x8000_0000_0000_0000);
        "ands w0, w1, #0x80000000" => |a| a.ands_imm(W0, W1, 0x8000_0000);
        "orr x0, xzr, #0x5555555555555555" => |a| a.orr_imm(X0, XZR, 0x5555_5555_5555_5555);
        "orr w0, wzr, #0xaaaaaaaa" => |a| a.orr_imm(W0, WZR, 0xaaaa_aaaa);
        "orr x0, x1, #0x7fffffffffffffff" => |a| a.orr_imm(X0, X1, 0x7fff_ffff_ffff_ffff);
        "orr x0, x1, #0xfffffffffffffffe" => |a| a.orr_imm(X0, X1, 0xffff_ffff_ffff_fffe);
        "eor x0, x1, #0x0f0f0f0f0f0f0f0f" => |a| a.eor_imm(X0, X1, 0x0f0f_0f0f_0f0f_0f0f);
        "eor w0, w1, #0x1" => |a| a.eor_imm(W0, W1, 1);
        "eor x0, x1, #0xff00ff00ff00ff00" => |a| a.eor_imm(X0, X1, 0xff00_ff00_ff00_ff00);
        "and x0, x1, #0x3ffffffffff00000" => |a| a.and_imm(X0, X1, 0x3fff_ffff_fff0_0000);
        "and x0, x1, #0x8000000000000001" => |a| a.and_imm(X0, X1, 0x8000_0000_0000_0001);
        "and x0, x1, #0xffffffff" => |a| a.and_imm(X0, X1, 0xffff_ffff);
        "and x0, x1, #0xffff0000ffff0000" => |a| a.and_imm(X0, X1, 0xffff_0000_ffff_0000);
        "bic x0, x1, #0xff" => |a| a.bic_imm(X0, X1, 0xff);
        "bic wsp, w1, #0xf" => |a| a.bic_imm(WSP, W1, 0xf);
        "bics x0, x1, #1" => |a| a.bics_imm(X0, X1, 1);
        "orn w0, w1, #0xffff" => |a| a.orn_imm(W0, W1, 0xffff);
        "eon x0, x1, #0x8000000000000000" => |a| a.eon_imm(X0, X1, 0x8000_0000_0000_0000);
        "tst x0, #0x7" => |a| a.tst_imm(X0, 7);
        "tst w30, #0xfffe" => |a| a.tst_imm(W30, 0xfffe);
        "lsl x0, x1, x2" => |a| a.lsl(X0, X1, X2);
        "lsl w0, w1, w2" => |a| a.lsl(W0, W1, W2);
        "lsr x0, x1, x2" => |a| a.lsr(X0, X1, X2);
        "lsr w0, w1, w2" => |a| a.lsr(W0, W1, W2);
        "asr x0, x1, x2" => |a| a.asr(X0, X1, X2);
        "asr w0, w1, w2" => |a| a.asr(W0, W1, W2);
        "ror x0, x1, x2" => |a| a.ror(X0, X1, X2);
        "ror w0, w1, w2" => |a| a.ror(W0, W1, W2);
        "lsl x0, x1, #1" => |a| a.lsl_imm(X0, X1, 1);
        "lsl x0, x1, #63" => |a| a.lsl_imm(X0, X1, 63);
        "lsl w0, w1, #31" => |a| a.lsl_imm(W0, W1, 31);
        "lsl w0, w1, #4" => |a| a.lsl_imm(W0, W1, 4);
        "lsr x0, x1, #0" => |a| a.lsr_imm(X0, X1, 0);
        "lsr x0, x1, #63" => |a| a.lsr_imm(X0, X1, 63);
        "lsr w0, w1, #31" => |a| a.lsr_imm(W0, W1, 31);
        "asr x0, x1, #32" => |a| a.asr_imm(X0, X1, 32);
        "asr w0, w1, #1" => |a| a.asr_imm(W0, W1, 1);
        "ror x0, x1, #13" => |a| a.ror_imm(X0, X1, 13);
        "ror w0, w1, #31" => |a| a.ror_imm(W0, W1, 31);
        "extr x0, x1, x2, #7" => |a| a.extr(X0, X1, X2, 7);
        "ubfm x0, x1, #3, #9" => |a| a.ubfm(X0, X1, 3, 9);
        "sbfm w0, w1, #31, #0" => |a| a.sbfm(W0, W1, 31, 0);
        "bfm x0, x1, #63, #62" => |a| a.bfm(X0, X1, 63, 62);
        "ubfx x0, x1, #4, #8" => |a| a.ubfx(X0, X1, 4, 8);
        "ubfx w0, w1, #0, #32" => |a| a.ubfx(W0, W1, 0, 32);
        "ubfx x0, x1, #63, #1" => |a| a.ubfx(X0, X1, 63, 1);
        "sbfx x0, x1, #4, #8" => |a| a.sbfx(X0, X1, 4, 8);
        "sbfx w0, w1, #1, #31" => |a| a.sbfx(W0, W1, 1, 31);
        "ubfiz x0, x1, #3, #32" => |a| a.ubfiz(X0, X1, 3, 32);
        "ubfiz w0, w1, #31, #1" => |a| a.ubfiz(W0, W1, 31, 1);
        "sbfiz x0, x1, #2, #30" => |a| a.sbfiz(X0, X1, 2, 30);
        "bfi x0, x1, #8, #16" => |a| a.bfi(X0, X1, 8, 16);
        "bfxil w0, w1, #3, #5" => |a| a.bfxil(W0, W1, 3, 5);
        "sxtb x0, w1" => |a| a.sxtb(X0, W1);
        "sxtb w0, w1" => |a| a.sxtb(W0, W1);
        "sxth x0, w1" => |a| a.sxth(X0, W1);
        "sxth w0, w1" => |a| a.sxth(W0, W1);
        "sxtw x0, w1" => |a| a.sxtw(X0, W1);
        "sxtw x30, wzr" => |a| a.sxtw(X30, WZR);
        "uxtb w0, w1" => |a| a.uxtb(W0, W1);
        "uxth w0, w30" => |a| a.uxth(W0, W30);
    }
}

fn moves(t: &mut Vec<Vector>) {
    v! { t;
        "mov x0, x1" => |a| a.mov(X0, X1);
        "mov w0, w1" => |a| a.mov(W0, W1);
        "mov x30, xzr" => |a| a.mov(X30, XZR);
        "mov wzr, w30" => |a| a.mov(WZR, W30);
        "mov sp, x0" => |a| a.mov_sp(SP, X0);
        "mov x29, sp" => |a| a.mov_sp(X29, SP);
        "mov wsp, w1" => |a| a.mov_sp(WSP, W1);
        "mov w1, wsp" => |a| a.mov_sp(W1, WSP);
        "movz x0, #0" => |a| a.movz(X0, 0, 0);
        "movz x0, #0xffff, lsl #48" => |a| a.movz(X0, 0xffff, 48);
        "movz x30, #0x1234, lsl #16" => |a| a.movz(X30, 0x1234, 16);
        "movz w0, #0xffff, lsl #16" => |a| a.movz(W0, 0xffff, 16);
        "movn x0, #0" => |a| a.movn(X0, 0, 0);
        "movn x0, #0x5, lsl #32" => |a| a.movn(X0, 5, 32);
        "movn w0, #0xffff" => |a| a.movn(W0, 0xffff, 0);
        "movk x0, #0xbeef" => |a| a.movk(X0, 0xbeef, 0);
        "movk x0, #0xdead, lsl #48" => |a| a.movk(X0, 0xdead, 48);
        "movk w0, #0x1, lsl #16" => |a| a.movk(W0, 1, 16);
        "movk xzr, #1" => |a| a.movk(XZR, 1, 0);
    }
    // mov_imm64 sequences (shortest form; each text is what the planner must choose).
    let cases: &[(u64, &str)] = &[
        (0, "movz x0, #0"),
        (1, "movz x0, #1"),
        (0xffff, "movz x0, #0xffff"),
        (0x1_0000, "movz x0, #1, lsl #16"),
        (0xffff_0000_0000_0000, "movz x0, #0xffff, lsl #48"),
        (u64::MAX, "movn x0, #0"),
        (0xffff_ffff_ffff_fffe, "movn x0, #1"),
        (0xffff_ffff_0000_ffff, "movn x0, #0xffff, lsl #16"),
        (0x1234_5678, "movz x0, #0x5678; movk x0, #0x1234, lsl #16"),
        (0xffff_ffff_1234_ffff, "movn x0, #0xedcb, lsl #16"),
        (
            0xffff_1234_5678_ffff,
            "movn x0, #0xa987, lsl #16; movk x0, #0x1234, lsl #32",
        ),
        (0x5555_5555_5555_5555, "orr x0, xzr, #0x5555555555555555"),
        (0x00ff_00ff_00ff_00ff, "orr x0, xzr, #0xff00ff00ff00ff"),
        (0x0000_ffff_ffff_0000, "orr x0, xzr, #0xffffffff0000"),
        (
            0x1234_5678_9abc_def0,
            "movz x0, #0xdef0; movk x0, #0x9abc, lsl #16; movk x0, #0x5678, lsl #32; movk x0, #0x1234, lsl #48",
        ),
        (0x8000_0000_0000_0000, "movz x0, #0x8000, lsl #48"),
        (0x7fff_ffff_ffff_ffff, "movn x0, #0x8000, lsl #48"),
        (
            0x5555_1234_5555_5555,
            "orr x0, xzr, #0x5555555555555555; movk x0, #0x1234, lsl #32",
        ),
        (
            0x1234_00ff_00ff_5678,
            "orr x0, xzr, #0xff00ff00ff00ff; movk x0, #0x5678; movk x0, #0x1234, lsl #48",
        ),
        (
            0xdead_beef_0000_0000,
            "movz x0, #0xbeef, lsl #32; movk x0, #0xdead, lsl #48",
        ),
    ];
    for &(value, text) in cases {
        push(t, text.to_string(), move |a| {
            a.mov_imm64(X0, value);
            Ok(())
        });
    }
    let cases32: &[(u32, &str)] = &[
        (0, "movz w1, #0"),
        (0xffff_ffff, "movn w1, #0"),
        (0xffff_0000, "movz w1, #0xffff, lsl #16"),
        (0x1234_5678, "movz w1, #0x5678; movk w1, #0x1234, lsl #16"),
        (0xffff_fff0, "movn w1, #0xf"),
        (0x0f0f_0f0f, "orr w1, wzr, #0xf0f0f0f"),
    ];
    for &(value, text) in cases32 {
        push(t, text.to_string(), move |a| {
            a.mov_imm32(W1, value);
            Ok(())
        });
    }
    push(
        t,
        "movz x16, #0x5678; movk x16, #0x1234, lsl #16; blr x16".into(),
        |a| {
            a.call_abs(0x1234_5678, X16);
            Ok(())
        },
    );
    push(t, "movz x17, #0x1000, lsl #32; br x17".into(), |a| {
        a.jump_abs(0x1000_0000_0000, X17);
        Ok(())
    });
}

fn memory(t: &mut Vec<Vector>) {
    v! { t;
        "ldr x0, [x1]" => |a| a.ldr(X0, Mem::off(X1, 0));
        "ldr x0, [sp, #8]" => |a| a.ldr(X0, Mem::off(SP, 8));
        "ldr x30, [x29, #32760]" => |a| a.ldr(X30, Mem::off(X29, 32760));
        "ldr w0, [x1, #16380]" => |a| a.ldr(W0, Mem::off(X1, 16380));
        "ldr d0, [x1, #32760]" => |a| a.ldr(D0, Mem::off(X1, 32760));
        "ldr s31, [sp, #4]" => |a| a.ldr(S31, Mem::off(SP, 4));
        "str x0, [x1, #8]" => |a| a.str(X0, Mem::off(X1, 8));
        "str xzr, [sp]" => |a| a.str(XZR, Mem::off(SP, 0));
        "str wzr, [x0, #4]" => |a| a.str(WZR, Mem::off(X0, 4));
        "str w0, [sp, #12]" => |a| a.str(W0, Mem::off(SP, 12));
        "str d31, [x30, #8]" => |a| a.str(D31, Mem::off(X30, 8));
        "str s1, [x2, #16380]" => |a| a.str(S1, Mem::off(X2, 16380));
        "ldr x0, [x1, #24]" => |a| a.ldr_imm(X0, X1, 24);
        "str d8, [sp, #64]" => |a| a.str_imm(D8, SP, 64);
        "ldrb w0, [x1, #4095]" => |a| a.ldrb(W0, Mem::off(X1, 4095));
        "strb w0, [sp]" => |a| a.strb(W0, Mem::off(SP, 0));
        "strb wzr, [x1, #1]" => |a| a.strb(WZR, Mem::off(X1, 1));
        "ldrh w0, [x1, #8190]" => |a| a.ldrh(W0, Mem::off(X1, 8190));
        "strh w0, [x1, #2]" => |a| a.strh(W0, Mem::off(X1, 2));
        "ldrsb x0, [x1, #1]" => |a| a.ldrsb(X0, Mem::off(X1, 1));
        "ldrsb w0, [x1, #1]" => |a| a.ldrsb(W0, Mem::off(X1, 1));
        "ldrsh x0, [x1, #2]" => |a| a.ldrsh(X0, Mem::off(X1, 2));
        "ldrsh w0, [x1, #8190]" => |a| a.ldrsh(W0, Mem::off(X1, 8190));
        "ldrsw x0, [x1, #16380]" => |a| a.ldrsw(X0, Mem::off(X1, 16380));
        "ldur x0, [x1, #-8]" => |a| a.ldr(X0, Mem::unscaled(X1, -8));
        "ldur x0, [x1, #-256]" => |a| a.ldr(X0, Mem::unscaled(X1, -256));
        "ldur w0, [sp, #255]" => |a| a.ldr(W0, Mem::unscaled(SP, 255));
        "ldur d0, [x1, #3]" => |a| a.ldr(D0, Mem::unscaled(X1, 3));
        "ldur s0, [x1, #-1]" => |a| a.ldr(S0, Mem::unscaled(X1, -1));
        "stur x0, [x1, #1]" => |a| a.str(X0, Mem::unscaled(X1, 1));
        "stur w0, [x29, #-4]" => |a| a.str(W0, Mem::unscaled(X29, -4));
        "stur d0, [sp, #-16]" => |a| a.str(D0, Mem::unscaled(SP, -16));
        "ldurb w0, [x1, #-1]" => |a| a.ldrb(W0, Mem::unscaled(X1, -1));
        "sturb w0, [x1, #-1]" => |a| a.strb(W0, Mem::unscaled(X1, -1));
        "ldurh w0, [x1, #1]" => |a| a.ldrh(W0, Mem::unscaled(X1, 1));
        "sturh w0, [x1, #1]" => |a| a.strh(W0, Mem::unscaled(X1, 1));
        "ldursb x0, [x1, #-3]" => |a| a.ldrsb(X0, Mem::unscaled(X1, -3));
        "ldursh w0, [x1, #-3]" => |a| a.ldrsh(W0, Mem::unscaled(X1, -3));
        "ldursw x0, [x1, #-3]" => |a| a.ldrsw(X0, Mem::unscaled(X1, -3));
        "ldr x0, [x1, #8]!" => |a| a.ldr(X0, Mem::pre(X1, 8));
        "ldr x0, [sp, #-256]!" => |a| a.ldr(X0, Mem::pre(SP, -256));
        "ldr w0, [x1, #255]!" => |a| a.ldr(W0, Mem::pre(X1, 255));
        "ldr d0, [x1, #-8]!" => |a| a.ldr(D0, Mem::pre(X1, -8));
        "str x0, [sp, #-16]!" => |a| a.str(X0, Mem::pre(SP, -16));
        "str w30, [x1, #4]!" => |a| a.str(W30, Mem::pre(X1, 4));
        "str d1, [x1, #8]!" => |a| a.str(D1, Mem::pre(X1, 8));
        "ldrb w0, [x1, #1]!" => |a| a.ldrb(W0, Mem::pre(X1, 1));
        "strh w0, [x1, #-2]!" => |a| a.strh(W0, Mem::pre(X1, -2));
        "ldrsw x0, [x1, #4]!" => |a| a.ldrsw(X0, Mem::pre(X1, 4));
        "ldr x0, [x1], #8" => |a| a.ldr(X0, Mem::post(X1, 8));
        "ldr x0, [sp], #255" => |a| a.ldr(X0, Mem::post(SP, 255));
        "ldr w0, [x1], #-256" => |a| a.ldr(W0, Mem::post(X1, -256));
        "ldr d0, [x1], #8" => |a| a.ldr(D0, Mem::post(X1, 8));
        "str x0, [x1], #-8" => |a| a.str(X0, Mem::post(X1, -8));
        "str w0, [x1], #4" => |a| a.str(W0, Mem::post(X1, 4));
        "str d0, [sp], #16" => |a| a.str(D0, Mem::post(SP, 16));
        "strb w0, [x1], #1" => |a| a.strb(W0, Mem::post(X1, 1));
        "ldrh w0, [x1], #2" => |a| a.ldrh(W0, Mem::post(X1, 2));
        "ldrsb w0, [x1], #1" => |a| a.ldrsb(W0, Mem::post(X1, 1));
        "ldrsh x0, [x1], #2" => |a| a.ldrsh(X0, Mem::post(X1, 2));
        "ldr x0, [x1, x2]" => |a| a.ldr(X0, Mem::reg(X1, Index::X(X2), false));
        "ldr x0, [x1, x2, lsl #3]" => |a| a.ldr(X0, Mem::reg(X1, Index::X(X2), true));
        "ldr x0, [sp, w2, uxtw]" => |a| a.ldr(X0, Mem::reg(SP, Index::WUxtw(W2), false));
        "ldr x0, [x1, w2, uxtw #3]" => |a| a.ldr(X0, Mem::reg(X1, Index::WUxtw(W2), true));
        "ldr x0, [x1, w2, sxtw]" => |a| a.ldr(X0, Mem::reg(X1, Index::WSxtw(W2), false));
        "ldr x0, [x1, w30, sxtw #3]" => |a| a.ldr(X0, Mem::reg(X1, Index::WSxtw(W30), true));
        "ldr x0, [x1, x2, sxtx]" => |a| a.ldr(X0, Mem::reg(X1, Index::XSxtx(X2), false));
        "ldr w0, [x1, x2, lsl #2]" => |a| a.ldr(W0, Mem::reg(X1, Index::X(X2), true));
        "ldr d0, [x1, x2, lsl #3]" => |a| a.ldr(D0, Mem::reg(X1, Index::X(X2), true));
        "ldr s0, [x1, w2, sxtw #2]" => |a| a.ldr(S0, Mem::reg(X1, Index::WSxtw(W2), true));
        "str x0, [x1, x2, lsl #3]" => |a| a.str(X0, Mem::reg(X1, Index::X(X2), true));
        "str w0, [x1, w2, uxtw #2]" => |a| a.str(W0, Mem::reg(X1, Index::WUxtw(W2), true));
        "str d0, [sp, x2]" => |a| a.str(D0, Mem::reg(SP, Index::X(X2), false));
        "ldrb w0, [x1, x2]" => |a| a.ldrb(W0, Mem::reg(X1, Index::X(X2), false));
        "ldrb w0, [x1, x2, lsl #0]" => |a| a.ldrb(W0, Mem::reg(X1, Index::X(X2), true));
        "strb w0, [x1, w2, sxtw]" => |a| a.strb(W0, Mem::reg(X1, Index::WSxtw(W2), false));
        "ldrh w0, [x1, x2, lsl #1]" => |a| a.ldrh(W0, Mem::reg(X1, Index::X(X2), true));
        "strh w0, [x1, w2, uxtw #1]" => |a| a.strh(W0, Mem::reg(X1, Index::WUxtw(W2), true));
        "ldrsb x0, [x1, x2]" => |a| a.ldrsb(X0, Mem::reg(X1, Index::X(X2), false));
        "ldrsh w0, [x1, x2, lsl #1]" => |a| a.ldrsh(W0, Mem::reg(X1, Index::X(X2), true));
        "ldrsw x0, [x1, w2, sxtw #2]" => |a| a.ldrsw(X0, Mem::reg(X1, Index::WSxtw(W2), true));
        "ldp x0, x1, [x2]" => |a| a.ldp(X0, X1, X2, 0);
        "ldp x29, x30, [sp, #504]" => |a| a.ldp(X29, X30, SP, 504);
        "ldp x0, x1, [sp, #-512]" => |a| a.ldp(X0, X1, SP, -512);
        "ldp w0, w1, [x2, #252]" => |a| a.ldp(W0, W1, X2, 252);
        "ldp d8, d9, [sp, #16]" => |a| a.ldp(D8, D9, SP, 16);
        "ldp d30, d31, [x0, #-512]" => |a| a.ldp(D30, D31, X0, -512);
        "ldp s0, s1, [x2, #-256]" => |a| a.ldp(S0, S1, X2, -256);
        "ldp x29, x30, [sp, #16]!" => |a| a.ldp_pre(X29, X30, SP, 16);
        "ldp d0, d1, [x2, #-8]!" => |a| a.ldp_pre(D0, D1, X2, -8);
        "ldp x29, x30, [sp], #16" => |a| a.ldp_post(X29, X30, SP, 16);
        "ldp d8, d9, [sp], #504" => |a| a.ldp_post(D8, D9, SP, 504);
        "ldp w0, w1, [x2], #-4" => |a| a.ldp_post(W0, W1, X2, -4);
        "stp x0, x1, [x2, #8]" => |a| a.stp(X0, X1, X2, 8);
        "stp xzr, xzr, [sp, #-16]" => |a| a.stp(XZR, XZR, SP, -16);
        "stp x19, x20, [sp, #16]" => |a| a.stp(X19, X20, SP, 16);
        "stp d14, d15, [sp, #112]" => |a| a.stp(D14, D15, SP, 112);
        "stp w0, wzr, [x1, #-256]" => |a| a.stp(W0, WZR, X1, -256);
        "stp x29, x30, [sp, #-16]!" => |a| a.stp_pre(X29, X30, SP, -16);
        "stp x29, x30, [sp, #-512]!" => |a| a.stp_pre(X29, X30, SP, -512);
        "stp d8, d9, [sp, #-144]!" => |a| a.stp_pre(D8, D9, SP, -144);
        "stp s0, s1, [x3, #4]!" => |a| a.stp_pre(S0, S1, X3, 4);
        "stp x0, x1, [x2], #16" => |a| a.stp_post(X0, X1, X2, 16);
        "stp d0, d1, [sp], #-512" => |a| a.stp_post(D0, D1, SP, -512);
    }
    // ldr (literal), forward and backward.
    v! { t;
        "ldr x0, #8; nop" => |a| { let l = a.new_label(); a.ldr_literal(X0, l); a.nop(); a.bind(l) };
        "ldr w30, #8; nop" => |a| { let l = a.new_label(); a.ldr_literal(W30, l); a.nop(); a.bind(l) };
        "ldr d31, #8; nop" => |a| { let l = a.new_label(); a.ldr_literal(D31, l); a.nop(); a.bind(l) };
        "ldr s0, #4" => |a| { let l = a.new_label(); a.ldr_literal(S0, l); a.bind(l) };
        "ldrsw x1, #4" => |a| { let l = a.new_label(); a.ldrsw_literal(X1, l); a.bind(l) };
        "nop; ldr x0, #-4" => |a| { let l = a.here(); a.nop(); a.ldr_literal(X0, l); };
        "ldr x0, #0" => |a| { let l = a.here(); a.ldr_literal(X0, l); };
    }
    far_forward(t, "ldr x0, #1048572", 1048572, |a, l| {
        a.ldr_literal(X0, l);
        Ok(())
    });
}

fn branches(t: &mut Vec<Vector>) {
    v! { t;
        "b #4" => |a| { let l = a.new_label(); a.b(l); a.bind(l) };
        "b #12; nop; nop" => |a| { let l = a.new_label(); a.b(l); a.nop(); a.nop(); a.bind(l) };
        "b #0" => |a| { let l = a.here(); a.b(l); };
        "nop; nop; b #-8" => |a| { let l = a.here(); a.nop(); a.nop(); a.b(l); };
        "bl #8; nop" => |a| { let l = a.new_label(); a.bl(l); a.nop(); a.bind(l) };
        "nop; bl #-4" => |a| { let l = a.here(); a.nop(); a.bl(l); };
        "cbz x0, #8; nop" => |a| { let l = a.new_label(); a.cbz(X0, l); a.nop(); a.bind(l) };
        "cbz w30, #4" => |a| { let l = a.new_label(); a.cbz(W30, l); a.bind(l) };
        "cbz xzr, #4" => |a| { let l = a.new_label(); a.cbz(XZR, l); a.bind(l) };
        "nop; cbnz x30, #-4" => |a| { let l = a.here(); a.nop(); a.cbnz(X30, l); };
        "cbnz w1, #4" => |a| { let l = a.new_label(); a.cbnz(W1, l); a.bind(l) };
        "tbz x0, #63, #4" => |a| { let l = a.new_label(); a.tbz(X0, 63, l)?; a.bind(l) };
        "tbz w0, #0, #8; nop" => |a| { let l = a.new_label(); a.tbz(W0, 0, l)?; a.nop(); a.bind(l) };
        "tbz x5, #32, #4" => |a| { let l = a.new_label(); a.tbz(X5, 32, l)?; a.bind(l) };
        "nop; tbnz w30, #31, #-4" => |a| { let l = a.here(); a.nop(); a.tbnz(W30, 31, l) };
        "tbnz x1, #1, #4" => |a| { let l = a.new_label(); a.tbnz(X1, 1, l)?; a.bind(l) };
        "adr x0, #4" => |a| { let l = a.new_label(); a.adr(X0, l); a.bind(l) };
        "adr x30, #0" => |a| { let l = a.here(); a.adr(X30, l); };
        "nop; adr x1, #-4" => |a| { let l = a.here(); a.nop(); a.adr(X1, l); };
        "adr x2, #8; nop" => |a| { let l = a.new_label(); a.adr(X2, l); a.nop(); a.bind(l) };
        "adr x3, #12; .word 0; .word 0" => |a| { let l = a.new_label(); a.adr(X3, l); a.emit_u64(0); a.bind(l) };
        "br x0" => |a| a.br(X0);
        "br x30" => |a| a.br(X30);
        "blr x16" => |a| a.blr(X16);
        "blr x30" => |a| a.blr(X30);
        "ret" => |a| a.ret();
        "ret x1" => |a| a.ret_to(X1);
    }
    for c in Cond::ALL {
        push(t, format!("b.{} #4", c.name()), move |a| {
            let l = a.new_label();
            a.b_cond(c, l);
            a.bind(l)
        });
        push(t, format!("nop; b.{} #-4", c.name()), move |a| {
            let l = a.here();
            a.nop();
            a.b_cond(c, l);
            Ok(())
        });
    }
    far_forward(t, "b #134217724", 134217724, |a, l| {
        a.b(l);
        Ok(())
    });
    far_forward(t, "b.ne #1048572", 1048572, |a, l| {
        a.b_cond(Cond::Ne, l);
        Ok(())
    });
    far_forward(t, "cbz x0, #1048572", 1048572, |a, l| {
        a.cbz(X0, l);
        Ok(())
    });
    far_forward(t, "tbnz w0, #3, #32764", 32764, |a, l| a.tbnz(W0, 3, l));
    // adr has byte granularity: the label sits 3 bytes into the last word.
    far_forward(t, "adr x0, #1048575", 1048575, |a, l| {
        a.adr(X0, l);
        Ok(())
    });
    far_backward(t, "b #-134217728", 134217728, |a, l| {
        a.b(l);
        Ok(())
    });
    far_backward(t, "b.eq #-1048576", 1048576, |a, l| {
        a.b_cond(Cond::Eq, l);
        Ok(())
    });
    far_backward(t, "cbnz w0, #-1048576", 1048576, |a, l| {
        a.cbnz(W0, l);
        Ok(())
    });
    far_backward(t, "tbz x0, #0, #-32768", 32768, |a, l| a.tbz(X0, 0, l));
    far_backward(t, "adr x0, #-1048576", 1048576, |a, l| {
        a.adr(X0, l);
        Ok(())
    });
    far_backward(t, "ldr x0, #-1048576", 1048576, |a, l| {
        a.ldr_literal(X0, l);
        Ok(())
    });
}

fn compare_select(t: &mut Vec<Vector>) {
    v! { t;
        "cmp x0, x1" => |a| a.cmp(X0, X1);
        "cmp w0, wzr" => |a| a.cmp(W0, WZR);
        "cmp x30, x1, lsl #4" => |a| a.cmp_shifted(X30, X1, Shift::Lsl, 4);
        "cmp x0, #0" => |a| a.cmp_imm(X0, Imm12::ZERO);
        "cmp sp, #4095" => |a| a.cmp_imm(SP, Imm12::new(4095).unwrap());
        "cmp w0, #1, lsl #12" => |a| a.cmp_imm(W0, Imm12::new(4096).unwrap());
        "cmp wsp, #3" => |a| a.cmp_imm(WSP, Imm12::new(3).unwrap());
        "cmn x0, x1" => |a| a.cmn(X0, X1);
        "cmn w0, w1" => |a| a.cmn(W0, W1);
        "cmn x0, #1" => |a| a.cmn_imm(X0, Imm12::new(1).unwrap());
        "cmn sp, #4095, lsl #12" => |a| a.cmn_imm(SP, Imm12::new(4095 << 12).unwrap());
        "csel x0, x1, x2, eq" => |a| a.csel(X0, X1, X2, Cond::Eq);
        "csel w0, w1, wzr, ne" => |a| a.csel(W0, W1, WZR, Cond::Ne);
        "csinc x0, x1, x2, lt" => |a| a.csinc(X0, X1, X2, Cond::Lt);
        "csinc w0, w1, w2, gt" => |a| a.csinc(W0, W1, W2, Cond::Gt);
        "csinv x0, x1, x2, hs" => |a| a.csinv(X0, X1, X2, Cond::HS);
        "csinv w0, w1, w2, lo" => |a| a.csinv(W0, W1, W2, Cond::LO);
        "csneg x0, x1, x2, mi" => |a| a.csneg(X0, X1, X2, Cond::Mi);
        "csneg w30, w1, w2, pl" => |a| a.csneg(W30, W1, W2, Cond::Pl);
        "cset w0, eq" => |a| a.cset(W0, Cond::Eq);
        "csetm x0, lt" => |a| a.csetm(X0, Cond::Lt);
        "csetm w0, vs" => |a| a.csetm(W0, Cond::Vs);
        "cinc x0, x1, ne" => |a| a.cinc(X0, X1, Cond::Ne);
        "cneg w0, w1, mi" => |a| a.cneg(W0, W1, Cond::Mi);
        "ccmp x0, x1, #0, eq" => |a| a.ccmp(X0, X1, 0, Cond::Eq);
        "ccmp w0, w1, #15, ne" => |a| a.ccmp(W0, W1, 15, Cond::Ne);
        "ccmp x0, #31, #4, ge" => |a| a.ccmp_imm(X0, 31, 4, Cond::Ge);
        "ccmp w0, #0, #2, al" => |a| a.ccmp_imm(W0, 0, 2, Cond::Al);
        "ccmn x0, x1, #8, lt" => |a| a.ccmn(X0, X1, 8, Cond::Lt);
        "ccmn w0, #5, #1, hi" => |a| a.ccmn_imm(W0, 5, 1, Cond::Hi);
    }
    for c in Cond::ALL {
        if !matches!(c, Cond::Al | Cond::Nv) {
            push(t, format!("cset x0, {}", c.name()), move |a| a.cset(X0, c));
        }
        push(t, format!("csel x0, x1, x2, {}", c.name()), move |a| {
            a.csel(X0, X1, X2, c);
            Ok(())
        });
        push(t, format!("ccmp x0, x1, #3, {}", c.name()), move |a| {
            a.ccmp(X0, X1, 3, c)
        });
        push(t, format!("fcsel d0, d1, d2, {}", c.name()), move |a| {
            a.fcsel(D0, D1, D2, c);
            Ok(())
        });
    }
}

fn fp(t: &mut Vec<Vector>) {
    v! { t;
        "fmov d0, d1" => |a| a.fmov(D0, D1);
        "fmov s31, s0" => |a| a.fmov(S31, S0);
        "fmov x0, d1" => |a| a.fmov_to_gp(X0, D1);
        "fmov w0, s1" => |a| a.fmov_to_gp(W0, S1);
        "fmov d0, x30" => |a| a.fmov_from_gp(D0, X30);
        "fmov d0, xzr" => |a| a.fmov_from_gp(D0, XZR);
        "fmov s0, w1" => |a| a.fmov_from_gp(S0, W1);
        "fmov d0, #1.0" => |a| a.fmov_imm(D0, 1.0);
        "fmov d0, #-2.0" => |a| a.fmov_imm(D0, -2.0);
        "fmov d0, #0.125" => |a| a.fmov_imm(D0, 0.125);
        "fmov d0, #31.0" => |a| a.fmov_imm(D0, 31.0);
        "fmov d0, #1.9375" => |a| a.fmov_imm(D0, 1.9375);
        "fmov d31, #-0.1328125" => |a| a.fmov_imm(D31, -0.1328125);
        "fmov s0, #0.5" => |a| a.fmov_imm(S0, 0.5);
        "fmov s0, #-31.0" => |a| a.fmov_imm(S0, -31.0);
        "fadd d0, d1, d2" => |a| a.fadd(D0, D1, D2);
        "fadd s0, s1, s2" => |a| a.fadd(S0, S1, S2);
        "fsub d0, d1, d2" => |a| a.fsub(D0, D1, D2);
        "fsub s0, s1, s2" => |a| a.fsub(S0, S1, S2);
        "fmul d31, d30, d29" => |a| a.fmul(D31, D30, D29);
        "fmul s0, s1, s2" => |a| a.fmul(S0, S1, S2);
        "fdiv d0, d1, d2" => |a| a.fdiv(D0, D1, D2);
        "fdiv s0, s1, s2" => |a| a.fdiv(S0, S1, S2);
        "fmin d0, d1, d2" => |a| a.fmin(D0, D1, D2);
        "fmin s0, s1, s2" => |a| a.fmin(S0, S1, S2);
        "fmax d0, d1, d2" => |a| a.fmax(D0, D1, D2);
        "fmax s0, s1, s2" => |a| a.fmax(S0, S1, S2);
        "fminnm d0, d1, d2" => |a| a.fminnm(D0, D1, D2);
        "fmaxnm d0, d1, d2" => |a| a.fmaxnm(D0, D1, D2);
        "fnmul d0, d1, d2" => |a| a.fnmul(D0, D1, D2);
        "fneg d0, d1" => |a| a.fneg(D0, D1);
        "fneg s0, s1" => |a| a.fneg(S0, S1);
        "fabs d0, d1" => |a| a.fabs(D0, D1);
        "fabs s0, s1" => |a| a.fabs(S0, S1);
        "fsqrt d0, d1" => |a| a.fsqrt(D0, D1);
        "fsqrt s0, s1" => |a| a.fsqrt(S0, S1);
        "frintm d0, d1" => |a| a.frintm(D0, D1);
        "frintm s0, s1" => |a| a.frintm(S0, S1);
        "frintp d0, d1" => |a| a.frintp(D0, D1);
        "frintp s0, s1" => |a| a.frintp(S0, S1);
        "frintz d0, d1" => |a| a.frintz(D0, D1);
        "frintz s0, s1" => |a| a.frintz(S0, S1);
        "frinta d0, d1" => |a| a.frinta(D0, D1);
        "frinta s0, s1" => |a| a.frinta(S0, S1);
        "frintn d0, d1" => |a| a.frintn(D0, D1);
        "frintn s0, s1" => |a| a.frintn(S0, S1);
        "frintx d0, d1" => |a| a.frintx(D0, D1);
        "frinti d0, d1" => |a| a.frinti(D0, D1);
        "fcmp d0, d1" => |a| a.fcmp(D0, D1);
        "fcmp s0, s31" => |a| a.fcmp(S0, S31);
        "fcmp d0, #0.0" => |a| a.fcmp_zero(D0);
        "fcmp s7, #0.0" => |a| a.fcmp_zero(S7);
        "fcmpe d0, d1" => |a| a.fcmpe(D0, D1);
        "fcmpe s3, #0.0" => |a| a.fcmpe_zero(S3);
        "fcsel s0, s1, s2, gt" => |a| a.fcsel(S0, S1, S2, Cond::Gt);
        "scvtf d0, x1" => |a| a.scvtf(D0, X1);
        "scvtf d0, w1" => |a| a.scvtf(D0, W1);
        "scvtf s0, x1" => |a| a.scvtf(S0, X1);
        "scvtf s0, wzr" => |a| a.scvtf(S0, WZR);
        "ucvtf d0, x1" => |a| a.ucvtf(D0, X1);
        "ucvtf d0, w1" => |a| a.ucvtf(D0, W1);
        "ucvtf s0, x1" => |a| a.ucvtf(S0, X1);
        "ucvtf s0, w1" => |a| a.ucvtf(S0, W1);
        "fcvtzs x0, d1" => |a| a.fcvtzs(X0, D1);
        "fcvtzs w0, d1" => |a| a.fcvtzs(W0, D1);
        "fcvtzs x0, s1" => |a| a.fcvtzs(X0, S1);
        "fcvtzs w30, s31" => |a| a.fcvtzs(W30, S31);
        "fcvtzu x0, d1" => |a| a.fcvtzu(X0, D1);
        "fcvtzu w0, d1" => |a| a.fcvtzu(W0, D1);
        "fcvtzu x0, s1" => |a| a.fcvtzu(X0, S1);
        "fcvtzu w0, s1" => |a| a.fcvtzu(W0, S1);
        "fcvt d0, s1" => |a| a.fcvt_d_s(D0, S1);
        "cnt v0.8b, v1.8b" => |a| a.cnt_8b(D0, D1);
        "cnt v31.8b, v30.8b" => |a| a.cnt_8b(D31, D30);
        "addv b0, v1.8b" => |a| a.addv_8b(D0, D1);
        "addv b30, v31.8b" => |a| a.addv_8b(D30, D31);
        "fcvt s0, d1" => |a| a.fcvt_s_d(S0, D1);
        "fcvt d0, h1" => |a| a.fcvt_d_h(D0, S1);
        "fcvt d31, h30" => |a| a.fcvt_d_h(D31, S30);
        "fcvt h0, d1" => |a| a.fcvt_h_d(S0, D1);
        "fcvt h30, d31" => |a| a.fcvt_h_d(S30, D31);
    }
}

/// A whole AAPCS64 entry stub as the code-memory layer builds it: frame, callee-saved
/// x19–x28 and d8–d15, a call through a register, and the mirror-image exit.
fn entry_stub(t: &mut Vec<Vector>) {
    let text = [
        "stp x29, x30, [sp, #-160]!",
        "mov x29, sp",
        "stp x19, x20, [sp, #16]",
        "stp x21, x22, [sp, #32]",
        "stp x23, x24, [sp, #48]",
        "stp x25, x26, [sp, #64]",
        "stp x27, x28, [sp, #80]",
        "stp d8, d9, [sp, #96]",
        "stp d10, d11, [sp, #112]",
        "stp d12, d13, [sp, #128]",
        "stp d14, d15, [sp, #144]",
        "mov x19, x0",
        "blr x1",
        "ldp d14, d15, [sp, #144]",
        "ldp d12, d13, [sp, #128]",
        "ldp d10, d11, [sp, #112]",
        "ldp d8, d9, [sp, #96]",
        "ldp x27, x28, [sp, #80]",
        "ldp x25, x26, [sp, #64]",
        "ldp x23, x24, [sp, #48]",
        "ldp x21, x22, [sp, #32]",
        "ldp x19, x20, [sp, #16]",
        "ldp x29, x30, [sp], #160",
        "ret",
    ]
    .join("; ");
    push(t, text, |a| {
        let gp = [(X19, X20), (X21, X22), (X23, X24), (X25, X26), (X27, X28)];
        let fp = [(D8, D9), (D10, D11), (D12, D13), (D14, D15)];
        a.stp_pre(X29, X30, SP, -160)?;
        a.mov_sp(X29, SP);
        for (i, &(r1, r2)) in gp.iter().enumerate() {
            a.stp(r1, r2, SP, 16 + 16 * i as i64)?;
        }
        for (i, &(r1, r2)) in fp.iter().enumerate() {
            a.stp(r1, r2, SP, 96 + 16 * i as i64)?;
        }
        a.mov(X19, X0);
        a.blr(X1);
        for (i, &(r1, r2)) in fp.iter().enumerate().rev() {
            a.ldp(r1, r2, SP, 96 + 16 * i as i64)?;
        }
        for (i, &(r1, r2)) in gp.iter().enumerate().rev() {
            a.ldp(r1, r2, SP, 16 + 16 * i as i64)?;
        }
        a.ldp_post(X29, X30, SP, 160)?;
        a.ret();
        Ok(())
    });
}

fn system(t: &mut Vec<Vector>) {
    v! { t;
        "nop" => |a| a.nop();
        "brk #0" => |a| a.brk(0);
        "brk #0xf000" => |a| a.brk(0xf000);
        "brk #0xffff" => |a| a.brk(0xffff);
        "udf #0" => |a| a.udf(0);
        "udf #65535" => |a| a.udf(65535);
        "dmb ish" => |a| a.dmb(Barrier::Ish);
        "dmb sy" => |a| a.dmb(Barrier::Sy);
        "dmb ishld" => |a| a.dmb(Barrier::IshLd);
        "dmb ishst" => |a| a.dmb(Barrier::IshSt);
        "dmb oshld" => |a| a.dmb(Barrier::OshLd);
        "dmb oshst" => |a| a.dmb(Barrier::OshSt);
        "dmb osh" => |a| a.dmb(Barrier::Osh);
        "dmb nshld" => |a| a.dmb(Barrier::NshLd);
        "dmb nshst" => |a| a.dmb(Barrier::NshSt);
        "dmb nsh" => |a| a.dmb(Barrier::Nsh);
        "dmb ld" => |a| a.dmb(Barrier::Ld);
        "dmb st" => |a| a.dmb(Barrier::St);
        "dsb ish" => |a| a.dsb(Barrier::Ish);
        "dsb sy" => |a| a.dsb(Barrier::Sy);
        "isb" => |a| a.isb();
        "dc cvau, x0" => |a| a.dc_cvau(X0);
        "dc civac, x30" => |a| a.dc_civac(X30);
        "ic ivau, x1" => |a| a.ic_ivau(X1);
        "mrs x0, ctr_el0" => |a| a.mrs(X0, SysReg::CtrEl0);
        "mrs x30, dczid_el0" => |a| a.mrs(X30, SysReg::DczidEl0);
        "mrs x1, nzcv" => |a| a.mrs(X1, SysReg::Nzcv);
        "mrs x1, fpcr" => |a| a.mrs(X1, SysReg::Fpcr);
        "mrs x1, fpsr" => |a| a.mrs(X1, SysReg::Fpsr);
        "mrs x2, tpidr_el0" => |a| a.mrs(X2, SysReg::TpidrEl0);
        "mrs x3, cntvct_el0" => |a| a.mrs(X3, SysReg::CntvctEl0);
        "msr nzcv, x0" => |a| a.msr(SysReg::Nzcv, X0);
        "msr fpcr, x1" => |a| a.msr(SysReg::Fpcr, X1);
        "msr tpidr_el0, xzr" => |a| a.msr(SysReg::TpidrEl0, XZR);
        ".word 0x12345678" => |a| a.emit_u32(0x1234_5678);
    }
}

/// Writes every vector text, one per line, to the file named by `KILN_ASM_VECTOR_TEXTS`.
/// A tool for `ci/gen-asm-vectors.sh`, not a check: ignored unless asked for.
#[test]
#[ignore = "tool for ci/gen-asm-vectors.sh (needs KILN_ASM_VECTOR_TEXTS)"]
fn dump_vector_texts() {
    let path = std::env::var("KILN_ASM_VECTOR_TEXTS").expect("set KILN_ASM_VECTOR_TEXTS");
    let mut s = String::new();
    for v in table() {
        s.push_str(&v.text);
        s.push('\n');
    }
    std::fs::write(path, s).expect("write vector texts");
}
