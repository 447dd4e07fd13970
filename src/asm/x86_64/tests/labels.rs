//! Labels: every reference form resolves to its label from both sides (targets read back
//! through iced), the rel8/rel32 choice, short branches out of reach, and finalization errors.

use iced_x86::{Decoder, DecoderOptions, Instruction, OpKind};
use pretty_assertions::assert_eq;

use crate::asm::x86_64::*;

/// Decodes every instruction of `code` (which holds nothing else).
fn decode_all(code: &[u8]) -> Vec<Instruction> {
    Decoder::with_ip(64, code, 0, DecoderOptions::NONE)
        .into_iter()
        .inspect(|i| assert!(!i.is_invalid(), "undecodable code: {code:02x?}"))
        .collect()
}

/// Where the instruction refers to: its branch target or its RIP-relative address.
fn target_of(insn: &Instruction) -> u64 {
    if insn.op0_kind() == OpKind::NearBranch64 {
        insn.near_branch_target()
    } else {
        assert!(insn.is_ip_rel_memory_operand(), "{insn:?}");
        insn.ip_rel_memory_address()
    }
}

/// Every reference form, emitted before and after the label.
fn refs(a: &mut Assembler, l: Label) {
    a.jmp(l);
    a.jcc(Cond::Ne, l);
    a.call(l);
    a.lea(RAX, Mem::rip(l)).unwrap();
    a.mov_rm(R9, Mem::rip(l)).unwrap();
    a.cmp_mi(DWORD, Mem::rip(l), 100_000).unwrap(); // an imm32 after the displacement
    a.mov_mi(BYTE, Mem::rip(l), 1).unwrap(); // an imm8 after it
    a.call_m(Mem::rip(l)).unwrap();
    a.movsd_rm(XMM3, Mem::rip(l)).unwrap();
    a.roundsd_rm(XMM3, Mem::rip(l), RoundMode::Up).unwrap();
}

#[test]
fn every_form_resolves_forward_and_backward() {
    let mut a = Assembler::new();
    let l = a.new_label();
    refs(&mut a, l);
    let n = decode_all(a.bytes()).len();
    a.jmp_short(l).unwrap();
    a.jcc_short(Cond::L, l).unwrap();
    a.bind(l).unwrap();
    let target = a.offset() as u64;
    refs(&mut a, l);
    a.jmp_short(l).unwrap();
    a.jcc_short(Cond::Ge, l).unwrap();
    let code = a.finalize().unwrap();
    let insns = decode_all(&code);
    assert_eq!(insns.len(), 2 * n + 4);
    let targets: Vec<u64> = insns.iter().map(target_of).collect();
    assert_eq!(targets, vec![target; 2 * n + 4]);
    // Backward references to a near label are short.
    assert_eq!(insns[n + 2].len(), 2, "jmp back");
    assert_eq!(insns[n + 3].len(), 2, "jcc back");
}

#[test]
fn rip_relative_addend_is_added() {
    let mut a = Assembler::new();
    let l = a.new_label();
    a.mov_rm(RAX, Mem::rip_plus(l, 8)).unwrap();
    a.cmp_mi(QWORD, Mem::rip_plus(l, -4), -1).unwrap();
    a.bind(l).unwrap();
    a.emit_u64(0);
    let code = a.finalize().unwrap();
    let insns = decode_all(&code[..code.len() - 8]);
    let got: Vec<u64> = insns.iter().map(target_of).collect();
    let l = (code.len() - 8) as u64;
    assert_eq!(got, vec![l + 8, l - 4]);
}

/// The length of each branch form: short to a near bound label, near otherwise.
#[test]
fn rel8_or_rel32() {
    let lengths = |gap: usize, bound_first: bool| -> (usize, usize) {
        let mut a = Assembler::new();
        let l = a.new_label();
        if bound_first {
            a.bind(l).unwrap();
            a.emit_bytes(&vec![0x90; gap]);
        }
        let start = a.offset();
        a.jmp(l);
        let jmp = a.offset() - start;
        if !bound_first {
            a.emit_bytes(&vec![0x90; gap]);
            a.bind(l).unwrap();
        }
        let mut b = Assembler::new();
        let m = b.new_label();
        if bound_first {
            b.bind(m).unwrap();
            b.emit_bytes(&vec![0x90; gap]);
        }
        b.jcc(Cond::A, m);
        let jcc = b.offset() - if bound_first { gap } else { 0 };
        (jmp, jcc)
    };
    // Backward: rel8 reaches -128 from the end of the 2-byte branch, so 126 bytes before it.
    assert_eq!(lengths(0, true), (2, 2));
    assert_eq!(lengths(126, true), (2, 2));
    assert_eq!(lengths(127, true), (5, 6));
    assert_eq!(lengths(100_000, true), (5, 6));
    // Forward to an unbound label: rel32, however near it ends up.
    assert_eq!(lengths(0, false), (5, 6));
    assert_eq!(lengths(10, false), (5, 6));
}

#[test]
fn short_branch_forward_reach_is_checked_at_binding() {
    // 127 bytes after the branch: in reach.
    let mut a = Assembler::new();
    let l = a.new_label();
    a.jmp_short(l).unwrap();
    a.emit_bytes(&[0x90; 127]);
    a.bind(l).unwrap();
    let code = a.finalize().unwrap();
    assert_eq!(&code[..2], &[0xEB, 0x7F]);

    // 128 bytes: out of reach, reported by bind and by finalize.
    for use_jcc in [false, true] {
        let mut a = Assembler::new();
        a.nop();
        let l = a.new_label();
        if use_jcc {
            a.jcc_short(Cond::E, l).unwrap();
        } else {
            a.jmp_short(l).unwrap();
        }
        a.emit_bytes(&[0x90; 128]);
        let err = AsmError::OutOfRange {
            kind: "rel8 (short jmp/jcc)",
            at: 1,
            target: 131,
        };
        assert_eq!(a.bind(l), Err(err.clone()));
        assert_eq!(
            a.label_offset(l),
            Some(131),
            "the label is bound all the same"
        );
        assert_eq!(a.finalize(), Err(err));
    }
}

#[test]
fn short_branch_backward_out_of_reach_is_refused() {
    let mut a = Assembler::new();
    let l = a.here();
    a.emit_bytes(&[0x90; 127]);
    let err = AsmError::OutOfRange {
        kind: "rel8 (short jmp/jcc)",
        at: 127,
        target: 0,
    };
    assert_eq!(a.jmp_short(l), Err(err.clone()));
    assert_eq!(a.jcc_short(Cond::B, l), Err(err));
    assert_eq!(a.offset(), 127, "nothing emitted");
}

#[test]
fn binding_rules() {
    let mut a = Assembler::new();
    let l = a.new_label();
    assert_eq!(a.label_offset(l), None);
    a.nop();
    a.bind(l).unwrap();
    assert_eq!(a.label_offset(l), Some(1));
    assert_eq!(a.bind(l), Err(AsmError::LabelAlreadyBound(l)));
    let h = a.here();
    assert_eq!(a.label_offset(h), Some(1));
    assert_ne!(h, l);
}

#[test]
fn unbound_label_is_an_error() {
    for form in 0..4 {
        let mut a = Assembler::new();
        let l = a.new_label();
        match form {
            0 => a.jmp(l),
            1 => a.jcc_short(Cond::O, l).unwrap(),
            2 => a.call(l),
            _ => a.lea(RAX, Mem::rip(l)).unwrap(),
        }
        assert_eq!(a.finalize(), Err(AsmError::UnboundLabel(l)), "form {form}");
    }
}

#[test]
fn foreign_label_is_an_error() {
    let mut other = Assembler::new();
    let foreign = other.here();
    let mut a = Assembler::new();
    assert_eq!(a.bind(foreign), Err(AsmError::ForeignLabel(foreign)));
    assert_eq!(a.label_offset(foreign), None);
    for form in 0..3 {
        let mut a = Assembler::new();
        let _own = a.here();
        match form {
            0 => a.jmp(foreign),
            1 => a.call(foreign),
            _ => a.mov_rm(RAX, Mem::rip(foreign)).unwrap(),
        }
        assert_eq!(
            a.finalize(),
            Err(AsmError::ForeignLabel(foreign)),
            "form {form}"
        );
    }
}
