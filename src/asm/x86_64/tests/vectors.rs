//! The table of encoding vectors: (assembly text in Intel syntax as `llvm-mc` accepts it
//! after `.intel_syntax noprefix`, code emitting it through the [`Assembler`]).
//! `ci/gen-asm-vectors.sh x86_64` gets the texts by running [`dump_vector_texts`] and asks
//! `llvm-mc` for their bytes. A text may hold several `;`-separated statements, labels
//! (`.L0:`) and `.zero N` padding (for label vectors); `{disp32}` in front of a branch asks
//! `llvm-mc` for the rel32 form the assembler uses for a label not yet bound.
//!
//! The SSE part of the table is in `vectors_sse.rs`, label and control-flow vectors in
//! `vectors_flow.rs`.

use crate::asm::x86_64::*;

/// A closure result that may or may not be fallible.
pub use crate::asm::golden::IntoAsmResult;

type Emit = Box<dyn Fn(&mut Assembler) -> AsmResult>;

/// One vector: its text and the code that must assemble to the same bytes.
pub struct Vector {
    pub text: String,
    pub emit: Emit,
}

/// `v! { t; "text" => |a| expr; … }` pushes one vector per line.
macro_rules! v {
    ($out:ident; $($text:expr => |$a:ident| $body:expr;)*) => {
        $( $out.push($crate::asm::x86_64::tests::vectors::Vector {
            text: String::from($text),
            emit: Box::new(|$a: &mut Assembler| {
                $crate::asm::x86_64::tests::vectors::IntoAsmResult::into_res($body)
            }),
        }); )*
    };
}
pub(super) use v;

/// Pushes a vector whose text is computed (for loops over registers, conditions, …).
pub fn push<R: IntoAsmResult>(
    out: &mut Vec<Vector>,
    text: String,
    emit: impl Fn(&mut Assembler) -> R + 'static,
) {
    out.push(Vector {
        text,
        emit: Box::new(move |a| emit(a).into_res()),
    });
}

pub fn table() -> Vec<Vector> {
    let mut t = Vec::new();
    registers(&mut t);
    addressing(&mut t);
    immediates(&mut t);
    alu(&mut t);
    moves(&mut t);
    shifts_and_bits(&mut t);
    super::vectors_flow::flow(&mut t);
    super::vectors_sse::sse(&mut t);
    t
}

/// Register partners: `15 - i` pairs a low register with a high one (REX.R xor REX.B),
/// `(i + 3) % 16` mostly pairs two low or two high ones.
fn partners(i: usize) -> [usize; 2] {
    [15 - i, (i + 3) % 16]
}

/// Every general register of every size in both ModRM fields, and in the opcode (`push`).
fn registers(t: &mut Vec<Vector>) {
    for i in 0..16 {
        for j in partners(i) {
            let (q, q2) = (Reg64::ALL[i], Reg64::ALL[j]);
            push(t, format!("mov {q:?}, {q2:?}"), move |a| a.mov_rr(q, q2));
            let (d, d2) = (Reg32::ALL[i], Reg32::ALL[j]);
            push(t, format!("add {d:?}, {d2:?}"), move |a| a.add_rr(d, d2));
            let (w, w2) = (Reg16::ALL[i], Reg16::ALL[j]);
            push(t, format!("sub {w:?}, {w2:?}"), move |a| a.sub_rr(w, w2));
            let (b, b2) = (Reg8::ALL[i], Reg8::ALL[j]);
            push(t, format!("xor {b:?}, {b2:?}"), move |a| a.xor_rr(b, b2));
        }
        let q = Reg64::ALL[i];
        push(t, format!("push {q:?}"), move |a| a.push_r(q));
        push(t, format!("pop {q:?}"), move |a| a.pop_r(q));
        let b = Reg8::ALL[i];
        push(t, format!("mov {b:?}, 1"), move |a| a.mov_ri(b, 1));
        push(t, format!("sete {b:?}"), move |a| a.setcc(Cond::E, b));
        push(t, format!("movzx eax, {b:?}"), move |a| a.movzx_rr(EAX, b));
        push(t, format!("mov {:?}, 7", Reg32::ALL[i]), move |a| {
            a.mov_ri(q, 7)
        });
        push(t, format!("call {q:?}"), move |a| a.call_r(q));
        push(t, format!("not {:?}", Reg16::ALL[i]), move |a| {
            a.not_r(Reg16::ALL[i])
        });
    }
}

/// A memory operand and its Intel-syntax text (without the size).
pub fn mem_cases() -> Vec<(String, Mem)> {
    let mut m = Vec::new();
    for b in Reg64::ALL {
        m.push((format!("[{b:?}]"), Mem::base(b, 0)));
    }
    for b in [RAX, RSP, RBP, R12, R13, R15] {
        for d in [1, -1, 127, -128, 128, -129, i32::MAX, i32::MIN] {
            let sign = if d < 0 { '-' } else { '+' };
            let text = format!("[{b:?} {sign} {}]", (d as i64).abs());
            m.push((text, Mem::base(b, d)));
        }
    }
    let pairs = [
        (RAX, RCX),
        (RBX, R8),
        (R9, RDX),
        (R10, R11),
        (RSP, RAX),
        (RSP, R12),
        (R12, RBP),
        (RBP, RSI),
        (R13, RDI),
        (R13, R13),
        (RDI, RBP),
        (R15, R14),
    ];
    for (k, (b, i)) in pairs.into_iter().enumerate() {
        let s = Scale::ALL[k % 4];
        m.push((
            format!("[{b:?} + {}*{i:?}]", s.factor()),
            Mem::base_index(b, i, s, 0),
        ));
        let d = [8, -8, 1024, -70000][k % 4];
        let sign = if d < 0 { '-' } else { '+' };
        m.push((
            format!("[{b:?} + {}*{i:?} {sign} {}]", s.factor(), (d as i64).abs()),
            Mem::base_index(b, i, s, d),
        ));
    }
    for s in Scale::ALL {
        m.push((format!("[{}*rcx]", s.factor()), Mem::index(RCX, s, 0)));
        m.push((format!("[{}*r9 + 16]", s.factor()), Mem::index(R9, s, 16)));
        m.push((format!("[{}*rbp - 4]", s.factor()), Mem::index(RBP, s, -4)));
    }
    m.push(("[4096]".into(), Mem::absolute(4096)));
    m.push(("[0]".into(), Mem::absolute(0)));
    m.push(("[-8]".into(), Mem::absolute(-8)));
    m
}

/// Every addressing form with a few instructions that use it differently: a load into a low
/// and a high register, a byte store, `lea`, an immediate store, an SSE load.
fn addressing(t: &mut Vec<Vector>) {
    for (text, m) in mem_cases() {
        push(t, format!("mov rax, qword ptr {text}"), move |a| {
            a.mov_rm(RAX, m)
        });
        push(t, format!("mov r10d, dword ptr {text}"), move |a| {
            a.mov_rm(R10D, m)
        });
        push(t, format!("mov byte ptr {text}, sil"), move |a| {
            a.mov_mr(m, SIL)
        });
        push(t, format!("lea r15, {text}"), move |a| a.lea(R15, m));
        push(t, format!("add qword ptr {text}, 1"), move |a| {
            a.add_mi(QWORD, m, 1)
        });
        push(t, format!("movsd xmm9, qword ptr {text}"), move |a| {
            a.movsd_rm(XMM9, m)
        });
    }
}

/// Immediate-width boundaries: imm8 (sign-extended) against imm32, the accumulator forms,
/// 8- and 16-bit immediates, and every `mov` constant form.
fn immediates(t: &mut Vec<Vector>) {
    const VALUES: [i32; 11] = [
        0,
        1,
        -1,
        127,
        -128,
        128,
        -129,
        255,
        0x1234_5678,
        i32::MAX,
        i32::MIN,
    ];
    for v in VALUES {
        for r in [EAX, ECX, R9D] {
            push(t, format!("add {r:?}, {v}"), move |a| a.add_ri(r, v));
        }
        for r in [RAX, RDX, R15] {
            push(t, format!("cmp {r:?}, {v}"), move |a| a.cmp_ri(r, v));
        }
        push(t, format!("and rcx, {v}"), move |a| a.and_ri(RCX, v));
        push(t, format!("test r8, {v}"), move |a| a.test_ri(R8, v));
        push(t, format!("test rax, {v}"), move |a| a.test_ri(RAX, v));
        push(t, format!("imul r11, rdx, {v}"), move |a| {
            a.imul_rri(R11, RDX, v)
        });
        push(t, format!("push {v}"), move |a| a.push_i(v));
        push(t, format!("mov dword ptr [rsp + 8], {v}"), move |a| {
            a.mov_mi(DWORD, Mem::base(RSP, 8), v)
        });
        push(t, format!("sub qword ptr [r12], {v}"), move |a| {
            a.sub_mi(QWORD, Mem::base(R12, 0), v)
        });
    }
    for v in [0i8, 1, -1, 127, -128] {
        push(t, format!("add al, {v}"), move |a| a.add_ri(AL, v));
        push(t, format!("or sil, {v}"), move |a| a.or_ri(SIL, v));
        push(t, format!("cmp r12b, {v}"), move |a| a.cmp_ri(R12B, v));
        push(t, format!("test al, {v}"), move |a| a.test_ri(AL, v));
        push(t, format!("test bl, {v}"), move |a| a.test_ri(BL, v));
        push(t, format!("mov r14b, {v}"), move |a| a.mov_ri(R14B, v));
        push(t, format!("cmp byte ptr [rdi], {v}"), move |a| {
            a.cmp_mi(BYTE, Mem::base(RDI, 0), v)
        });
    }
    for v in [0i16, 1, -1, 127, 128, -129, i16::MAX, i16::MIN] {
        push(t, format!("add ax, {v}"), move |a| a.add_ri(AX, v));
        push(t, format!("xor r10w, {v}"), move |a| a.xor_ri(R10W, v));
        push(t, format!("mov cx, {v}"), move |a| a.mov_ri(CX, v));
        push(t, format!("test dx, {v}"), move |a| a.test_ri(DX, v));
        push(t, format!("mov word ptr [rax], {v}"), move |a| {
            a.mov_mi(WORD, Mem::base(RAX, 0), v)
        });
    }
    // mov r64, imm: zero-extending imm32, sign-extending imm32, imm64.
    let mov64: [(i64, &str); 12] = [
        (0, "mov eax, 0"),
        (1, "mov eax, 1"),
        (0x7fff_ffff, "mov eax, 2147483647"),
        (0x8000_0000, "mov eax, 2147483648"),
        (0xffff_ffff, "mov eax, 4294967295"),
        (-1, "mov rax, -1"),
        (-0x8000_0000, "mov rax, -2147483648"),
        (-0x8000_0001, "movabs rax, -2147483649"),
        (0x1_0000_0000, "movabs rax, 4294967296"),
        (0x1234_5678_9abc_def0, "movabs rax, 1311768467463790320"),
        (i64::MAX, "movabs rax, 9223372036854775807"),
        (i64::MIN, "movabs rax, -9223372036854775808"),
    ];
    for (v, text) in mov64 {
        push(t, text.to_string(), move |a| a.mov_ri(RAX, v));
        let high = text.replace("rax", "r13").replace("eax", "r13d");
        push(t, high, move |a| a.mov_ri(R13, v));
    }
    for v in [0i32, -1, i32::MAX, i32::MIN] {
        push(t, format!("mov ebx, {v}"), move |a| a.mov_ri(EBX, v));
        push(t, format!("mov qword ptr [rbp - 16], {v}"), move |a| {
            a.mov_mi(QWORD, Mem::base(RBP, -16), v)
        });
    }
    v! { t;
        "movabs rax, 0" => |a| a.movabs(RAX, 0);
        "movabs r11, -1" => |a| a.movabs(R11, -1);
        "mov byte ptr [r9 + 1*r10], -1" => |a| a.mov_mi(BYTE, Mem::base_index(R9, R10, Scale::S1, 0), -1);
    }
}

/// Function pointers to the five forms of one ALU operation at each size the table uses.
pub struct AluForms {
    rr64: fn(&mut Assembler, Reg64, Reg64),
    rr32: fn(&mut Assembler, Reg32, Reg32),
    rr16: fn(&mut Assembler, Reg16, Reg16),
    rr8: fn(&mut Assembler, Reg8, Reg8),
    ri64: fn(&mut Assembler, Reg64, i32),
    ri32: fn(&mut Assembler, Reg32, i32),
    rm64: fn(&mut Assembler, Reg64, Mem) -> AsmResult,
    rm8: fn(&mut Assembler, Reg8, Mem) -> AsmResult,
    mr64: fn(&mut Assembler, Mem, Reg64) -> AsmResult,
    mr16: fn(&mut Assembler, Mem, Reg16) -> AsmResult,
    mi8: fn(&mut Assembler, Byte, Mem, i8) -> AsmResult,
    mi16: fn(&mut Assembler, Word, Mem, i16) -> AsmResult,
    mi32: fn(&mut Assembler, Dword, Mem, i32) -> AsmResult,
    mi64: fn(&mut Assembler, Qword, Mem, i32) -> AsmResult,
}

macro_rules! alu_forms {
    ($rr:ident $ri:ident $rm:ident $mr:ident $mi:ident) => {
        AluForms {
            rr64: Assembler::$rr,
            rr32: Assembler::$rr,
            rr16: Assembler::$rr,
            rr8: Assembler::$rr,
            ri64: Assembler::$ri,
            ri32: Assembler::$ri,
            rm64: Assembler::$rm,
            rm8: Assembler::$rm,
            mr64: Assembler::$mr,
            mr16: Assembler::$mr,
            mi8: Assembler::$mi,
            mi16: Assembler::$mi,
            mi32: Assembler::$mi,
            mi64: Assembler::$mi,
        }
    };
}

/// The ALU operations in every form and size, `test`, `imul`, the one-operand group,
/// `inc`/`dec`, `cdq`/`cqo`.
fn alu(t: &mut Vec<Vector>) {
    let m = Mem::base(RBX, 8);
    let ms = "[rbx + 8]";
    let ops: [(&str, AluForms); 8] = [
        ("add", alu_forms!(add_rr add_ri add_rm add_mr add_mi)),
        ("or", alu_forms!(or_rr or_ri or_rm or_mr or_mi)),
        ("adc", alu_forms!(adc_rr adc_ri adc_rm adc_mr adc_mi)),
        ("sbb", alu_forms!(sbb_rr sbb_ri sbb_rm sbb_mr sbb_mi)),
        ("and", alu_forms!(and_rr and_ri and_rm and_mr and_mi)),
        ("sub", alu_forms!(sub_rr sub_ri sub_rm sub_mr sub_mi)),
        ("xor", alu_forms!(xor_rr xor_ri xor_rm xor_mr xor_mi)),
        ("cmp", alu_forms!(cmp_rr cmp_ri cmp_rm cmp_mr cmp_mi)),
    ];
    for (name, f) in ops {
        push(t, format!("{name} rax, r8"), move |a| (f.rr64)(a, RAX, R8));
        push(t, format!("{name} ecx, edx"), move |a| {
            (f.rr32)(a, ECX, EDX)
        });
        push(t, format!("{name} r9w, ax"), move |a| (f.rr16)(a, R9W, AX));
        push(t, format!("{name} bpl, r10b"), move |a| {
            (f.rr8)(a, BPL, R10B)
        });
        push(t, format!("{name} rsi, 100"), move |a| {
            (f.ri64)(a, RSI, 100)
        });
        push(t, format!("{name} r14d, 100000"), move |a| {
            (f.ri32)(a, R14D, 100_000)
        });
        push(t, format!("{name} eax, 100000"), move |a| {
            (f.ri32)(a, EAX, 100_000)
        });
        push(t, format!("{name} r11, qword ptr {ms}"), move |a| {
            (f.rm64)(a, R11, m)
        });
        push(t, format!("{name} dl, byte ptr {ms}"), move |a| {
            (f.rm8)(a, DL, m)
        });
        push(t, format!("{name} qword ptr {ms}, r12"), move |a| {
            (f.mr64)(a, m, R12)
        });
        push(t, format!("{name} word ptr {ms}, di"), move |a| {
            (f.mr16)(a, m, DI)
        });
        push(t, format!("{name} dword ptr {ms}, -5"), move |a| {
            (f.mi32)(a, DWORD, m, -5)
        });
        push(t, format!("{name} qword ptr {ms}, 4096"), move |a| {
            (f.mi64)(a, QWORD, m, 4096)
        });
        push(t, format!("{name} byte ptr {ms}, 100"), move |a| {
            (f.mi8)(a, BYTE, m, 100)
        });
        push(t, format!("{name} word ptr {ms}, 1000"), move |a| {
            (f.mi16)(a, WORD, m, 1000)
        });
    }
    v! { t;
        "xor eax, eax" => |a| a.xor_rr(EAX, EAX);
        "xor r8d, r8d" => |a| a.xor_rr(R8D, R8D);
        "test rax, rax" => |a| a.test_rr(RAX, RAX);
        "test ecx, r9d" => |a| a.test_rr(ECX, R9D);
        "test r10w, si" => |a| a.test_rr(R10W, SI);
        "test dil, dil" => |a| a.test_rr(DIL, DIL);
        "test qword ptr [rsp + 8], r15" => |a| a.test_mr(Mem::base(RSP, 8), R15);
        "test byte ptr [rax], bl" => |a| a.test_mr(Mem::base(RAX, 0), BL);
        "test byte ptr [r8 + 3], 64" => |a| a.test_mi(BYTE, Mem::base(R8, 3), 64);
        "test dword ptr [rax], 65536" => |a| a.test_mi(DWORD, Mem::base(RAX, 0), 65536);
        "test qword ptr [rax], -1" => |a| a.test_mi(QWORD, Mem::base(RAX, 0), -1);
        "imul rax, rcx" => |a| a.imul_rr(RAX, RCX);
        "imul r9d, r15d" => |a| a.imul_rr(R9D, R15D);
        "imul dx, r12w" => |a| a.imul_rr(DX, R12W);
        "imul rsi, qword ptr [rdi + 8]" => |a| a.imul_rm(RSI, Mem::base(RDI, 8));
        "imul eax, ecx, 10" => |a| a.imul_rri(EAX, ECX, 10);
        "imul eax, ecx, 1000" => |a| a.imul_rri(EAX, ECX, 1000);
        "imul cx, dx, 300" => |a| a.imul_rri(CX, DX, 300);
        "imul r12, qword ptr [rbp - 8], -3" => |a| a.imul_rmi(R12, Mem::base(RBP, -8), -3);
        "imul r12d, dword ptr [rbp - 8], 70000" => |a| a.imul_rmi(R12D, Mem::base(RBP, -8), 70000);
        "cdq" => |a| a.cdq();
        "cqo" => |a| a.cqo();
        "inc rax" => |a| a.inc_r(RAX);
        "inc r13d" => |a| a.inc_r(R13D);
        "inc word ptr [rax]" => |a| a.inc_m(WORD, Mem::base(RAX, 0));
        "dec sil" => |a| a.dec_r(SIL);
        "dec qword ptr [r9 + 16]" => |a| a.dec_m(QWORD, Mem::base(R9, 16));
        "inc byte ptr [rip + .L0]; .L0:" => |a| { let l = a.new_label(); a.inc_m(BYTE, Mem::rip(l))?; a.bind(l) };
    }
    unary(t);
}

/// The `F6/F7` group at every size and with memory.
fn unary(t: &mut Vec<Vector>) {
    type R64Op = fn(&mut Assembler, Reg64);
    type R32Op = fn(&mut Assembler, Reg32);
    type R8Op = fn(&mut Assembler, Reg8);
    type MOp = fn(&mut Assembler, Dword, Mem) -> AsmResult;
    let ops: [(&str, R64Op, R32Op, R8Op, MOp); 6] = [
        (
            "not",
            Assembler::not_r,
            Assembler::not_r,
            Assembler::not_r,
            Assembler::not_m,
        ),
        (
            "neg",
            Assembler::neg_r,
            Assembler::neg_r,
            Assembler::neg_r,
            Assembler::neg_m,
        ),
        (
            "mul",
            Assembler::mul_r,
            Assembler::mul_r,
            Assembler::mul_r,
            Assembler::mul_m,
        ),
        (
            "imul",
            Assembler::imul_r,
            Assembler::imul_r,
            Assembler::imul_r,
            Assembler::imul_m,
        ),
        (
            "div",
            Assembler::div_r,
            Assembler::div_r,
            Assembler::div_r,
            Assembler::div_m,
        ),
        (
            "idiv",
            Assembler::idiv_r,
            Assembler::idiv_r,
            Assembler::idiv_r,
            Assembler::idiv_m,
        ),
    ];
    for (name, r64, r32, r8, m) in ops {
        push(t, format!("{name} rcx"), move |a| r64(a, RCX));
        push(t, format!("{name} r11"), move |a| r64(a, R11));
        push(t, format!("{name} esi"), move |a| r32(a, ESI));
        push(t, format!("{name} dil"), move |a| r8(a, DIL));
        push(t, format!("{name} dword ptr [rsp + 4]"), move |a| {
            m(a, DWORD, Mem::base(RSP, 4))
        });
    }
}

/// `mov` loads and stores of every size, `movzx`/`movsx`/`movsxd`, `lea`, `push`/`pop`.
fn moves(t: &mut Vec<Vector>) {
    v! { t;
        "mov rax, qword ptr [rsp]" => |a| a.mov_rm(RAX, Mem::base(RSP, 0));
        "mov ecx, dword ptr [rbp + 8]" => |a| a.mov_rm(ECX, Mem::base(RBP, 8));
        "mov r9w, word ptr [rax]" => |a| a.mov_rm(R9W, Mem::base(RAX, 0));
        "mov dil, byte ptr [rax]" => |a| a.mov_rm(DIL, Mem::base(RAX, 0));
        "mov al, byte ptr [r12]" => |a| a.mov_rm(AL, Mem::base(R12, 0));
        "mov qword ptr [r13], rdx" => |a| a.mov_mr(Mem::base(R13, 0), RDX);
        "mov dword ptr [rax + 4*rbx], r8d" => |a| a.mov_mr(Mem::base_index(RAX, RBX, Scale::S4, 0), R8D);
        "mov word ptr [rdi + 2], cx" => |a| a.mov_mr(Mem::base(RDI, 2), CX);
        "mov byte ptr [rdi], al" => |a| a.mov_mr(Mem::base(RDI, 0), AL);
        "mov byte ptr [rdi], r15b" => |a| a.mov_mr(Mem::base(RDI, 0), R15B);
        "mov r8w, ax" => |a| a.mov_rr(R8W, AX);
        "mov spl, bpl" => |a| a.mov_rr(SPL, BPL);
        "mov byte ptr [rbx], 7" => |a| a.mov_mi(BYTE, Mem::base(RBX, 0), 7);
        "movzx eax, cl" => |a| a.movzx_rr(EAX, CL);
        "movzx r10d, dil" => |a| a.movzx_rr(R10D, DIL);
        "movzx rax, r11b" => |a| a.movzx_rr(RAX, R11B);
        "movzx si, al" => |a| a.movzx_rr(SI, AL);
        "movzx ecx, dx" => |a| a.movzx_rr(ECX, DX);
        "movzx r9, r9w" => |a| a.movzx_rr(R9, R9W);
        "movzx eax, byte ptr [rdi + 1]" => |a| a.movzx_rm(EAX, BYTE, Mem::base(RDI, 1));
        "movzx r12, word ptr [rsi + 2*rcx]" => |a| a.movzx_rm(R12, WORD, Mem::base_index(RSI, RCX, Scale::S2, 0));
        "movsx eax, cl" => |a| a.movsx_rr(EAX, CL);
        "movsx rdx, sil" => |a| a.movsx_rr(RDX, SIL);
        "movsx ax, bl" => |a| a.movsx_rr(AX, BL);
        "movsx r8d, r9w" => |a| a.movsx_rr(R8D, R9W);
        "movsx rax, word ptr [rax]" => |a| a.movsx_rm(RAX, WORD, Mem::base(RAX, 0));
        "movsx ebx, byte ptr [r14 - 1]" => |a| a.movsx_rm(EBX, BYTE, Mem::base(R14, -1));
        "movsxd rax, ecx" => |a| a.movsxd_rr(RAX, ECX);
        "movsxd r15, r8d" => |a| a.movsxd_rr(R15, R8D);
        "movsxd rdx, dword ptr [rsp + 12]" => |a| a.movsxd_rm(RDX, Mem::base(RSP, 12));
        "lea rax, [rax + 8*rax]" => |a| a.lea(RAX, Mem::base_index(RAX, RAX, Scale::S8, 0));
        "lea ecx, [rdx + rsi + 1]" => |a| a.lea(ECX, Mem::base_index(RDX, RSI, Scale::S1, 1));
        "lea r8, [rip + .L0]; .L0:" => |a| { let l = a.new_label(); a.lea(R8, Mem::rip(l))?; a.bind(l) };
        "push qword ptr [rax]" => |a| a.push_m(Mem::base(RAX, 0));
        "push qword ptr [r12 + 8]" => |a| a.push_m(Mem::base(R12, 8));
        "pop qword ptr [rsp + 16]" => |a| a.pop_m(Mem::base(RSP, 16));
        "pop qword ptr [r9]" => |a| a.pop_m(Mem::base(R9, 0));
    }
}

/// Shifts and rotates by an immediate, by one and by `cl`; `bt`; the bit counts; `setcc`
/// and `cmovcc` for every condition.
fn shifts_and_bits(t: &mut Vec<Vector>) {
    type Ri = fn(&mut Assembler, Reg64, u8);
    type Ri8 = fn(&mut Assembler, Reg8, u8);
    type Ri32 = fn(&mut Assembler, Reg32, u8);
    type Rcl = fn(&mut Assembler, Reg16);
    let ops: [(&str, Ri, Ri32, Ri8, Rcl); 5] = [
        (
            "rol",
            Assembler::rol_ri,
            Assembler::rol_ri,
            Assembler::rol_ri,
            Assembler::rol_rcl,
        ),
        (
            "ror",
            Assembler::ror_ri,
            Assembler::ror_ri,
            Assembler::ror_ri,
            Assembler::ror_rcl,
        ),
        (
            "shl",
            Assembler::shl_ri,
            Assembler::shl_ri,
            Assembler::shl_ri,
            Assembler::shl_rcl,
        ),
        (
            "shr",
            Assembler::shr_ri,
            Assembler::shr_ri,
            Assembler::shr_ri,
            Assembler::shr_rcl,
        ),
        (
            "sar",
            Assembler::sar_ri,
            Assembler::sar_ri,
            Assembler::sar_ri,
            Assembler::sar_rcl,
        ),
    ];
    for (name, r64, r32, r8, rcl) in ops {
        push(t, format!("{name} rax, 2"), move |a| r64(a, RAX, 2));
        push(t, format!("{name} r10, 63"), move |a| r64(a, R10, 63));
        push(t, format!("{name} r10"), move |a| r64(a, R10, 1));
        push(t, format!("{name} edx, 31"), move |a| r32(a, EDX, 31));
        push(t, format!("{name} edx"), move |a| r32(a, EDX, 1));
        push(t, format!("{name} sil, 3"), move |a| r8(a, SIL, 3));
        push(t, format!("{name} r13w, cl"), move |a| rcl(a, R13W));
    }
    v! { t;
        "shl rbx, cl" => |a| a.shl_rcl(RBX);
        "shr r9d, cl" => |a| a.shr_rcl(R9D);
        "sar bpl, cl" => |a| a.sar_rcl(BPL);
        "shl eax, 0" => |a| a.shl_ri(EAX, 0);
        "bt rax, 63" => |a| a.bt_ri(RAX, 63);
        "bt r12d, 0" => |a| a.bt_ri(R12D, 0);
        "bt cx, 15" => |a| a.bt_ri(CX, 15);
        "bt rax, rcx" => |a| a.bt_rr(RAX, RCX);
        "bt r9d, r15d" => |a| a.bt_rr(R9D, R15D);
        "lzcnt rax, rcx" => |a| a.lzcnt_rr(RAX, RCX);
        "lzcnt r8d, eax" => |a| a.lzcnt_rr(R8D, EAX);
        "lzcnt ax, r15w" => |a| a.lzcnt_rr(AX, R15W);
        "lzcnt rdx, qword ptr [rsi]" => |a| a.lzcnt_rm(RDX, Mem::base(RSI, 0));
        "tzcnt rax, rcx" => |a| a.tzcnt_rr(RAX, RCX);
        "tzcnt r11d, r12d" => |a| a.tzcnt_rr(R11D, R12D);
        "tzcnt ecx, dword ptr [rsp + 4]" => |a| a.tzcnt_rm(ECX, Mem::base(RSP, 4));
        "popcnt rax, rcx" => |a| a.popcnt_rr(RAX, RCX);
        "popcnt r14d, esi" => |a| a.popcnt_rr(R14D, ESI);
        "popcnt ax, bx" => |a| a.popcnt_rr(AX, BX);
        "popcnt r9, qword ptr [r9 + 8*r10]" => |a| a.popcnt_rm(R9, Mem::base_index(R9, R10, Scale::S8, 0));
        "bsr rax, rcx" => |a| a.bsr_rr(RAX, RCX);
        "bsr r10d, edi" => |a| a.bsr_rr(R10D, EDI);
        "bsr eax, dword ptr [rbx]" => |a| a.bsr_rm(EAX, Mem::base(RBX, 0));
        "bsf rax, r13" => |a| a.bsf_rr(RAX, R13);
        "bsf ecx, edx" => |a| a.bsf_rr(ECX, EDX);
        "bsf r8, qword ptr [rax]" => |a| a.bsf_rm(R8, Mem::base(RAX, 0));
    }
    for c in Cond::ALL {
        let n = c.name();
        push(t, format!("set{n} al"), move |a| a.setcc(c, AL));
        push(t, format!("set{n} dil"), move |a| a.setcc(c, DIL));
        push(t, format!("set{n} r9b"), move |a| a.setcc(c, R9B));
        push(t, format!("set{n} byte ptr [rax + 1]"), move |a| {
            a.setcc_m(c, Mem::base(RAX, 1))
        });
        push(t, format!("cmov{n} rax, r10"), move |a| {
            a.cmovcc_rr(c, RAX, R10)
        });
        push(t, format!("cmov{n} r11d, ecx"), move |a| {
            a.cmovcc_rr(c, R11D, ECX)
        });
        push(t, format!("cmov{n} dx, si"), move |a| {
            a.cmovcc_rr(c, DX, SI)
        });
        push(t, format!("cmov{n} rcx, qword ptr [rsp + 8]"), move |a| {
            a.cmovcc_rm(c, RCX, Mem::base(RSP, 8))
        });
    }
}

/// Writes every vector text, one per line, to the file named by `KILN_ASM_VECTOR_TEXTS`.
/// A tool for `ci/gen-asm-vectors.sh x86_64`, not a check: ignored unless asked for.
#[test]
#[ignore = "tool for ci/gen-asm-vectors.sh x86_64 (needs KILN_ASM_VECTOR_TEXTS)"]
fn dump_vector_texts() {
    let path = std::env::var("KILN_ASM_VECTOR_TEXTS").expect("set KILN_ASM_VECTOR_TEXTS");
    let mut s = String::new();
    for v in table() {
        s.push_str(&v.text);
        s.push('\n');
    }
    std::fs::write(path, s).expect("write vector texts");
}
