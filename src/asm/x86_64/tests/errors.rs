//! Operands the ISA cannot encode are refused with an error — and nothing is emitted —
//! instead of being turned into wrong code. Most misuse does not compile at all (sizes and
//! immediate widths are in the types; see the `compile_fail` examples in `size.rs`); these
//! are the cases the types cannot rule out.

use pretty_assertions::assert_eq;

use crate::asm::x86_64::*;

/// Runs `f` on an assembler holding one `nop`, expects `Err(want)`, and checks nothing else
/// was emitted.
fn refused(name: &str, want: AsmError, f: impl FnOnce(&mut Assembler) -> AsmResult) {
    let mut a = Assembler::new();
    a.nop();
    let r = f(&mut a);
    assert_eq!(r, Err(want), "{name}");
    assert_eq!(
        a.bytes(),
        &[0x90],
        "{name}: emitted bytes despite the error"
    );
    assert!(!r.unwrap_err().to_string().is_empty());
}

#[test]
fn rsp_cannot_be_an_index() {
    let err = AsmError::InvalidOperand("rsp cannot be an index register");
    let bad = [
        Mem::base_index(RAX, RSP, Scale::S1, 0),
        Mem::base_index(R12, RSP, Scale::S8, 100),
        Mem::index(RSP, Scale::S2, 0),
    ];
    for m in bad {
        refused("mov load", err.clone(), |a| a.mov_rm(RAX, m));
        refused("mov store", err.clone(), |a| a.mov_mr(m, R9B));
        refused("add_mi", err.clone(), |a| a.add_mi(QWORD, m, 1));
        refused("lea", err.clone(), |a| a.lea(ECX, m));
        refused("movsd", err.clone(), |a| a.movsd_mr(m, XMM0));
        refused("call", err.clone(), |a| a.call_m(m));
        refused("cvtsi2sd", err.clone(), |a| a.cvtsi2sd_rm(XMM1, QWORD, m));
    }
    // r12 is a fine index (SIB index 100 with REX.X).
    let mut a = Assembler::new();
    a.mov_rm(RAX, Mem::base_index(RSP, R12, Scale::S1, 0))
        .unwrap();
    assert_eq!(a.bytes(), &[0x4A, 0x8B, 0x04, 0x24]);
}

#[test]
fn nop_lengths_and_alignment() {
    for len in [0, 10, 16] {
        refused(
            "nop_n",
            AsmError::ImmNotEncodable {
                what: "nop length (1..=9)",
                value: len as i64,
            },
            |a| a.nop_n(len),
        );
    }
    for align in [0, 3, 12] {
        refused(
            "align",
            AsmError::InvalidOperand("alignment must be a power of two"),
            |a| a.align(align),
        );
    }
    // Padding never exceeds what is needed, and lands on the boundary.
    for start in 0..40 {
        for align in [1, 2, 4, 8, 16, 32] {
            let mut a = Assembler::new();
            a.emit_bytes(&vec![0xCC; start]);
            a.align(align).unwrap();
            assert_eq!(a.offset(), start.next_multiple_of(align), "{start} {align}");
        }
    }
}
