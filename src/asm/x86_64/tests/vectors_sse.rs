//! Vectors of the SSE instructions: every XMM register in both ModRM fields, each operation
//! with a register and a memory source, moves between XMM and general registers, the
//! conversions at both integer widths, rounding modes, sign masks.

use super::vectors::{Vector, push, v};
use crate::asm::x86_64::*;

type XxOp = fn(&mut Assembler, Xmm, Xmm);
type XmOp = fn(&mut Assembler, Xmm, Mem) -> AsmResult;

/// Operations with `(xmm, xmm)` and `(xmm, mem)` forms, and their memory operand size.
const OPS: [(&str, XxOp, XmOp, &str); 34] = [
    ("movsd", Assembler::movsd_rr, Assembler::movsd_rm, "qword"),
    ("movss", Assembler::movss_rr, Assembler::movss_rm, "dword"),
    (
        "movaps",
        Assembler::movaps_rr,
        Assembler::movaps_rm,
        "xmmword",
    ),
    (
        "movapd",
        Assembler::movapd_rr,
        Assembler::movapd_rm,
        "xmmword",
    ),
    ("movq", Assembler::movq_rr, Assembler::movq_rm, "qword"),
    ("addsd", Assembler::addsd_rr, Assembler::addsd_rm, "qword"),
    ("subsd", Assembler::subsd_rr, Assembler::subsd_rm, "qword"),
    ("mulsd", Assembler::mulsd_rr, Assembler::mulsd_rm, "qword"),
    ("divsd", Assembler::divsd_rr, Assembler::divsd_rm, "qword"),
    (
        "sqrtsd",
        Assembler::sqrtsd_rr,
        Assembler::sqrtsd_rm,
        "qword",
    ),
    ("minsd", Assembler::minsd_rr, Assembler::minsd_rm, "qword"),
    ("maxsd", Assembler::maxsd_rr, Assembler::maxsd_rm, "qword"),
    ("addss", Assembler::addss_rr, Assembler::addss_rm, "dword"),
    ("subss", Assembler::subss_rr, Assembler::subss_rm, "dword"),
    ("mulss", Assembler::mulss_rr, Assembler::mulss_rm, "dword"),
    ("divss", Assembler::divss_rr, Assembler::divss_rm, "dword"),
    (
        "sqrtss",
        Assembler::sqrtss_rr,
        Assembler::sqrtss_rm,
        "dword",
    ),
    ("minss", Assembler::minss_rr, Assembler::minss_rm, "dword"),
    ("maxss", Assembler::maxss_rr, Assembler::maxss_rm, "dword"),
    ("andpd", Assembler::andpd_rr, Assembler::andpd_rm, "xmmword"),
    (
        "andnpd",
        Assembler::andnpd_rr,
        Assembler::andnpd_rm,
        "xmmword",
    ),
    ("orpd", Assembler::orpd_rr, Assembler::orpd_rm, "xmmword"),
    ("xorpd", Assembler::xorpd_rr, Assembler::xorpd_rm, "xmmword"),
    ("andps", Assembler::andps_rr, Assembler::andps_rm, "xmmword"),
    (
        "andnps",
        Assembler::andnps_rr,
        Assembler::andnps_rm,
        "xmmword",
    ),
    ("orps", Assembler::orps_rr, Assembler::orps_rm, "xmmword"),
    ("xorps", Assembler::xorps_rr, Assembler::xorps_rm, "xmmword"),
    ("pxor", Assembler::pxor_rr, Assembler::pxor_rm, "xmmword"),
    (
        "ucomisd",
        Assembler::ucomisd_rr,
        Assembler::ucomisd_rm,
        "qword",
    ),
    (
        "comisd",
        Assembler::comisd_rr,
        Assembler::comisd_rm,
        "qword",
    ),
    (
        "ucomiss",
        Assembler::ucomiss_rr,
        Assembler::ucomiss_rm,
        "dword",
    ),
    (
        "comiss",
        Assembler::comiss_rr,
        Assembler::comiss_rm,
        "dword",
    ),
    (
        "cvtss2sd",
        Assembler::cvtss2sd_rr,
        Assembler::cvtss2sd_rm,
        "dword",
    ),
    (
        "cvtsd2ss",
        Assembler::cvtsd2ss_rr,
        Assembler::cvtsd2ss_rm,
        "qword",
    ),
];

pub fn sse(t: &mut Vec<Vector>) {
    for (name, rr, rm, size) in OPS {
        push(t, format!("{name} xmm0, xmm1"), move |a| rr(a, XMM0, XMM1));
        push(t, format!("{name} xmm8, xmm3"), move |a| rr(a, XMM8, XMM3));
        push(t, format!("{name} xmm2, xmm15"), move |a| {
            rr(a, XMM2, XMM15)
        });
        push(t, format!("{name} xmm11, {size} ptr [rsp + 8]"), move |a| {
            rm(a, XMM11, Mem::base(RSP, 8))
        });
        push(
            t,
            format!("{name} xmm4, {size} ptr [r8 + 4*r9 - 32]"),
            move |a| rm(a, XMM4, Mem::base_index(R8, R9, Scale::S4, -32)),
        );
    }
    for i in 0..16 {
        let (x, y) = (Xmm::ALL[i], Xmm::ALL[15 - i]);
        push(t, format!("addsd {x:?}, {y:?}"), move |a| a.addsd_rr(x, y));
        push(t, format!("movq {x:?}, {:?}", Reg64::ALL[i]), move |a| {
            a.movq_xr(x, Reg64::ALL[i])
        });
        push(
            t,
            format!("movq {:?}, {x:?}", Reg64::ALL[15 - i]),
            move |a| a.movq_rx(Reg64::ALL[15 - i], x),
        );
        push(
            t,
            format!("movd {x:?}, {:?}", Reg32::ALL[15 - i]),
            move |a| a.movd_xr(x, Reg32::ALL[15 - i]),
        );
        push(t, format!("movd {:?}, {x:?}", Reg32::ALL[i]), move |a| {
            a.movd_rx(Reg32::ALL[i], x)
        });
    }
    v! { t;
        "movsd qword ptr [rax], xmm0" => |a| a.movsd_mr(Mem::base(RAX, 0), XMM0);
        "movsd qword ptr [rsp + 8], xmm15" => |a| a.movsd_mr(Mem::base(RSP, 8), XMM15);
        "movsd qword ptr [r13 + 8*r12], xmm7" => |a| a.movsd_mr(Mem::base_index(R13, R12, Scale::S8, 0), XMM7);
        "movss dword ptr [rbp - 4], xmm1" => |a| a.movss_mr(Mem::base(RBP, -4), XMM1);
        "movss dword ptr [r9], xmm9" => |a| a.movss_mr(Mem::base(R9, 0), XMM9);
        "cvtsi2sd xmm0, eax" => |a| a.cvtsi2sd_rr(XMM0, EAX);
        "cvtsi2sd xmm0, rax" => |a| a.cvtsi2sd_rr(XMM0, RAX);
        "cvtsi2sd xmm12, r9d" => |a| a.cvtsi2sd_rr(XMM12, R9D);
        "cvtsi2sd xmm3, r15" => |a| a.cvtsi2sd_rr(XMM3, R15);
        "cvtsi2sd xmm1, dword ptr [rax]" => |a| a.cvtsi2sd_rm(XMM1, DWORD, Mem::base(RAX, 0));
        "cvtsi2sd xmm9, qword ptr [rsp + 16]" => |a| a.cvtsi2sd_rm(XMM9, QWORD, Mem::base(RSP, 16));
        "cvtsi2ss xmm0, eax" => |a| a.cvtsi2ss_rr(XMM0, EAX);
        "cvtsi2ss xmm15, r8" => |a| a.cvtsi2ss_rr(XMM15, R8);
        "cvtsi2ss xmm2, dword ptr [r12]" => |a| a.cvtsi2ss_rm(XMM2, DWORD, Mem::base(R12, 0));
        "cvtsi2ss xmm2, qword ptr [r12]" => |a| a.cvtsi2ss_rm(XMM2, QWORD, Mem::base(R12, 0));
        "cvttsd2si eax, xmm0" => |a| a.cvttsd2si_rr(EAX, XMM0);
        "cvttsd2si rax, xmm1" => |a| a.cvttsd2si_rr(RAX, XMM1);
        "cvttsd2si r10d, xmm14" => |a| a.cvttsd2si_rr(R10D, XMM14);
        "cvttsd2si r13, xmm8" => |a| a.cvttsd2si_rr(R13, XMM8);
        "cvttsd2si ecx, qword ptr [rdx]" => |a| a.cvttsd2si_rm(ECX, Mem::base(RDX, 0));
        "cvttss2si eax, xmm0" => |a| a.cvttss2si_rr(EAX, XMM0);
        "cvttss2si r9, xmm10" => |a| a.cvttss2si_rr(R9, XMM10);
        "cvttss2si rdx, dword ptr [rbp - 4]" => |a| a.cvttss2si_rm(RDX, Mem::base(RBP, -4));
        "cvtsd2si eax, xmm3" => |a| a.cvtsd2si_rr(EAX, XMM3);
        "cvtsd2si r8, xmm12" => |a| a.cvtsd2si_rr(R8, XMM12);
        "cvtss2si esi, xmm1" => |a| a.cvtss2si_rr(ESI, XMM1);
        "cvtss2si rax, dword ptr [rax]" => |a| a.cvtss2si_rm(RAX, Mem::base(RAX, 0));
        "roundsd xmm0, xmm1, 8" => |a| a.roundsd_rr(XMM0, XMM1, RoundMode::Nearest);
        "roundsd xmm0, xmm1, 9" => |a| a.roundsd_rr(XMM0, XMM1, RoundMode::Down);
        "roundsd xmm10, xmm9, 10" => |a| a.roundsd_rr(XMM10, XMM9, RoundMode::Up);
        "roundsd xmm2, xmm13, 11" => |a| a.roundsd_rr(XMM2, XMM13, RoundMode::Zero);
        "roundsd xmm5, qword ptr [rsp], 11" => |a| a.roundsd_rm(XMM5, Mem::base(RSP, 0), RoundMode::Zero);
        "roundss xmm0, xmm1, 8" => |a| a.roundss_rr(XMM0, XMM1, RoundMode::Nearest);
        "roundss xmm15, xmm8, 9" => |a| a.roundss_rr(XMM15, XMM8, RoundMode::Down);
        "roundss xmm6, dword ptr [r11 + 4], 10" => |a| a.roundss_rm(XMM6, Mem::base(R11, 4), RoundMode::Up);
        "movmskpd eax, xmm0" => |a| a.movmskpd(EAX, XMM0);
        "movmskpd r11d, xmm13" => |a| a.movmskpd(R11D, XMM13);
        "movmskps ecx, xmm2" => |a| a.movmskps(ECX, XMM2);
        "movmskps r8d, xmm9" => |a| a.movmskps(R8D, XMM9);
    }
}
