//! Vectors of control flow: branches and calls to labels before and after them (short and
//! near, at the rel8 boundaries), `[rip + label]` operands, indirect calls and jumps, `ret`,
//! traps, and every nop length and alignment padding.

use super::vectors::{Vector, push, v};
use crate::asm::x86_64::*;

/// `.zero n` on our side.
fn zeros(a: &mut Assembler, n: usize) {
    a.emit_bytes(&vec![0; n]);
}

pub fn flow(t: &mut Vec<Vector>) {
    v! { t;
        // Forward to an unbound label: rel32 (llvm-mc: `{disp32}`), or rel8 when asked.
        "{disp32} jmp .L0; .L0:" => |a| { let l = a.new_label(); a.jmp(l); a.bind(l) };
        "{disp32} jmp .L0; .zero 200; .L0:" => |a| { let l = a.new_label(); a.jmp(l); zeros(a, 200); a.bind(l) };
        "jmp .L0; .L0:" => |a| { let l = a.new_label(); a.jmp_short(l)?; a.bind(l) };
        "jmp .L0; .zero 127; .L0:" => |a| { let l = a.new_label(); a.jmp_short(l)?; zeros(a, 127); a.bind(l) };
        // Backward to a bound label: rel8 down to -128, then rel32.
        ".L0: jmp .L0" => |a| { let l = a.here(); a.jmp(l) };
        ".L0: .zero 126; jmp .L0" => |a| { let l = a.here(); zeros(a, 126); a.jmp(l) };
        ".L0: .zero 127; jmp .L0" => |a| { let l = a.here(); zeros(a, 127); a.jmp(l) };
        ".L0: .zero 126; jmp .L0; jmp .L0" => |a| { let l = a.here(); zeros(a, 126); a.jmp(l); a.jmp(l) };
        ".L0: .zero 126; jmp .L0" => |a| { let l = a.here(); zeros(a, 126); a.jmp_short(l) };
        // Calls: always rel32.
        "call .L0; .L0:" => |a| { let l = a.new_label(); a.call(l); a.bind(l) };
        "call .L0; .zero 5; .L0:" => |a| { let l = a.new_label(); a.call(l); zeros(a, 5); a.bind(l) };
        ".L0: call .L0" => |a| { let l = a.here(); a.call(l) };
        ".L0: nop; call .L0" => |a| { let l = a.here(); a.nop(); a.call(l) };
        // RIP-relative operands, forward and backward, with an addend and an immediate after.
        "lea rax, [rip + .L0]; .L0:" => |a| { let l = a.new_label(); a.lea(RAX, Mem::rip(l))?; a.bind(l) };
        ".L0: lea r15, [rip + .L0]" => |a| { let l = a.here(); a.lea(R15, Mem::rip(l)) };
        ".L0: .zero 8; mov rcx, qword ptr [rip + .L0 + 8]" => |a| { let l = a.here(); zeros(a, 8); a.mov_rm(RCX, Mem::rip_plus(l, 8)) };
        "cmp dword ptr [rip + .L0], 1000; .L0:" => |a| { let l = a.new_label(); a.cmp_mi(DWORD, Mem::rip(l), 1000)?; a.bind(l) };
        "mov byte ptr [rip + .L0], 1; .zero 3; .L0:" => |a| { let l = a.new_label(); a.mov_mi(BYTE, Mem::rip(l), 1)?; zeros(a, 3); a.bind(l) };
        ".L0: .zero 16; movsd xmm1, qword ptr [rip + .L0]" => |a| { let l = a.here(); zeros(a, 16); a.movsd_rm(XMM1, Mem::rip(l)) };
        "andpd xmm12, xmmword ptr [rip + .L0]; .zero 2; .L0:" => |a| { let l = a.new_label(); a.andpd_rm(XMM12, Mem::rip(l))?; zeros(a, 2); a.bind(l) };
        "roundsd xmm0, qword ptr [rip + .L0], 9; .L0:" => |a| { let l = a.new_label(); a.roundsd_rm(XMM0, Mem::rip(l), RoundMode::Down)?; a.bind(l) };
        "call qword ptr [rip + .L0]; .L0:" => |a| { let l = a.new_label(); a.call_m(Mem::rip(l))?; a.bind(l) };
        // Indirect calls and jumps.
        "call rax" => |a| a.call_r(RAX);
        "call r11" => |a| a.call_r(R11);
        "jmp rcx" => |a| a.jmp_r(RCX);
        "jmp r15" => |a| a.jmp_r(R15);
        "call qword ptr [rax + 16]" => |a| a.call_m(Mem::base(RAX, 16));
        "call qword ptr [r12 + 8*rcx]" => |a| a.call_m(Mem::base_index(R12, RCX, Scale::S8, 0));
        "jmp qword ptr [rsp]" => |a| a.jmp_m(Mem::base(RSP, 0));
        "jmp qword ptr [r13 + 8*r14 + 64]" => |a| a.jmp_m(Mem::base_index(R13, R14, Scale::S8, 64));
        "ret" => |a| a.ret();
        "ud2" => |a| a.ud2();
        "int3" => |a| a.int3();
        // Every nop length; alignment padding.
        "nop" => |a| a.nop();
        "xchg ax, ax" => |a| a.nop_n(2);
        "nop dword ptr [rax]" => |a| a.nop_n(3);
        "{disp8} nop dword ptr [rax]" => |a| a.nop_n(4);
        "{disp8} nop dword ptr [rax + rax]" => |a| a.nop_n(5);
        "{disp8} nop word ptr [rax + rax]" => |a| a.nop_n(6);
        "{disp32} nop dword ptr [rax]" => |a| a.nop_n(7);
        "{disp32} nop dword ptr [rax + rax]" => |a| a.nop_n(8);
        "{disp32} nop word ptr [rax + rax]" => |a| a.nop_n(9);
        "ret; {disp32} nop word ptr [rax + rax]; {disp8} nop word ptr [rax + rax]" => |a| { a.ret(); a.align(16) };
        "ret; {disp32} nop dword ptr [rax]; ret; nop dword ptr [rax]" => |a| { a.ret(); a.align(8)?; a.ret(); a.align(4) };
        "int3; int3; int3; nop" => |a| { a.int3(); a.align(1)?; a.int3(); a.int3(); a.align(2) };
    }
    for c in Cond::ALL {
        let n = c.name();
        push(t, format!("{{disp32}} j{n} .L0; .L0:"), move |a| {
            let l = a.new_label();
            a.jcc(c, l);
            a.bind(l)
        });
        push(t, format!("j{n} .L0; .zero 127; .L0:"), move |a| {
            let l = a.new_label();
            a.jcc_short(c, l)?;
            zeros(a, 127);
            a.bind(l)
        });
        push(t, format!(".L0: .zero 126; j{n} .L0"), move |a| {
            let l = a.here();
            zeros(a, 126);
            a.jcc(c, l);
        });
        push(t, format!(".L0: .zero 127; j{n} .L0"), move |a| {
            let l = a.here();
            zeros(a, 127);
            a.jcc(c, l);
        });
        let inv = c.invert().name();
        push(t, format!("j{inv} .L0; ud2; .L0:"), move |a| {
            let l = a.new_label();
            a.jcc_short(c.invert(), l)?;
            a.ud2();
            a.bind(l)
        });
    }
}
