//! Labels: binding rules, backpatching of every reference form to one target from both
//! sides (displacements read back through yaxpeax), and finalization errors.

use pretty_assertions::assert_eq;

use super::disasm::yax;
use crate::asm::aarch64::*;

/// The PC-relative displacement yaxpeax reads from the instruction at `at`.
fn displacement(code: &[u8], at: usize) -> i64 {
    let text = yax(&code[at..at + 4]).expect("decodes");
    let tail = text.rsplit('$').next().expect("pc-relative operand");
    let (neg, hex) = match tail.strip_prefix('-') {
        Some(h) => (true, h),
        None => (false, tail.trim_start_matches('+')),
    };
    let v = i64::from_str_radix(hex.trim_start_matches("0x"), 16).expect("hex displacement");
    if neg { -v } else { v }
}

/// Every reference form, emitted before and after the label, lands on the label.
#[test]
fn every_form_resolves_forward_and_backward() {
    fn refs(a: &mut Assembler, l: Label) -> Vec<usize> {
        let mut at = Vec::new();
        let forms: [&dyn Fn(&mut Assembler); 10] = [
            &|a| a.b(l),
            &|a| a.bl(l),
            &|a| a.b_cond(Cond::Gt, l),
            &|a| a.cbz(X1, l),
            &|a| a.cbnz(W2, l),
            &|a| a.tbz(X3, 40, l).unwrap(),
            &|a| a.tbnz(W4, 7, l).unwrap(),
            &|a| a.adr(X5, l),
            &|a| a.ldr_literal(X6, l),
            &|a| a.ldr_literal(D7, l),
        ];
        for f in forms {
            at.push(a.offset());
            f(a);
            a.nop();
        }
        at
    }
    let mut a = Assembler::new();
    let l = a.new_label();
    let before = refs(&mut a, l);
    a.nop();
    a.bind(l).unwrap();
    let target = a.offset();
    a.emit_u64(0x3ff0_0000_0000_0000); // a literal for the ldr forms
    let after = refs(&mut a, l);
    assert_eq!(a.label_offset(l), Some(target));
    let code = a.finalize().unwrap();
    let want: Vec<i64> = before
        .iter()
        .chain(&after)
        .map(|&at| target as i64 - at as i64)
        .collect();
    let got: Vec<i64> = before
        .iter()
        .chain(&after)
        .map(|&at| displacement(&code, at))
        .collect();
    assert_eq!(got, want);
    assert!(want.iter().any(|&d| d > 0) && want.iter().any(|&d| d < 0));
}

#[test]
fn binding_rules() {
    let mut a = Assembler::new();
    let l = a.new_label();
    assert_eq!(a.label_offset(l), None);
    a.nop();
    a.bind(l).unwrap();
    assert_eq!(a.label_offset(l), Some(4));
    assert_eq!(a.bind(l), Err(AsmError::LabelAlreadyBound(l)));
    let h = a.here();
    assert_eq!(a.label_offset(h), Some(4));
    assert_ne!(h, l);

    // Labels from another assembler, including one whose index exists here too.
    let mut other = Assembler::new();
    let same_index = other.new_label();
    assert_eq!(same_index.index(), l.index());
    assert_eq!(a.label_offset(same_index), None);
    assert_eq!(a.bind(same_index), Err(AsmError::ForeignLabel(same_index)));
    for _ in 0..5 {
        other.new_label();
    }
    let foreign = other.new_label();
    assert_eq!(a.bind(foreign), Err(AsmError::ForeignLabel(foreign)));
    a.b(same_index);
    assert_eq!(a.finalize(), Err(AsmError::ForeignLabel(same_index)));
}

#[test]
fn unbound_label_is_an_error() {
    let mut a = Assembler::new();
    let bound = a.here();
    let l = a.new_label();
    a.b(bound);
    a.cbz(X0, l);
    assert_eq!(a.finalize(), Err(AsmError::UnboundLabel(l)));
    // A label that is never referenced need not be bound.
    let mut a = Assembler::new();
    let _unused = a.new_label();
    a.ret();
    assert_eq!(a.finalize().map(|c| c.len()), Ok(4));
}

/// Emits `form` with its label `gap` bytes ahead (`gap` > 0) or behind (`gap` < 0).
fn at_distance(gap: i64, form: impl Fn(&mut Assembler, Label)) -> Result<Vec<u8>, AsmError> {
    let mut a = Assembler::new();
    let l = a.new_label();
    if gap < 0 {
        a.bind(l)?;
        for _ in 0..(-gap / 4) {
            a.nop();
        }
        form(&mut a, l);
    } else {
        form(&mut a, l);
        for _ in 0..(gap / 4 - 1) {
            a.nop();
        }
        a.emit_bytes(&[0; 3][..(gap % 4) as usize]);
        a.bind(l)?;
    }
    a.finalize()
}

type Form = fn(&mut Assembler, Label);

/// The conditional branch forms, with their reach ahead.
const CONDITIONAL: [(&str, Form, i64); 5] = [
    ("b.cond", |a, l| a.b_cond(Cond::Eq, l), 1 << 20),
    ("cbz", |a, l| a.cbz(X0, l), 1 << 20),
    ("cbnz", |a, l| a.cbnz(W3, l), 1 << 20),
    ("tbz", |a, l| a.tbz(X0, 33, l).unwrap(), 1 << 15),
    ("tbnz", |a, l| a.tbnz(W5, 1, l).unwrap(), 1 << 15),
];

/// Each field's reach: the last in-range distance on each side assembles, one step further is
/// `OutOfRange` (the buffers are made large enough for real). Conditional branches backward
/// out of reach are the next test's.
#[test]
fn out_of_range_targets_are_errors() {
    let unconditional: [(&str, Form, i64, i64, i64); 3] = [
        (
            "imm19 ldr literal",
            |a, l| a.ldr_literal(X0, l),
            1 << 20,
            -(1 << 20),
            4,
        ),
        ("adr imm21", |a, l| a.adr(X0, l), 1 << 20, -(1 << 20), 1),
        ("imm26 b", |a, l| a.b(l), 1 << 27, -(1 << 27), 4),
    ];
    let conditional = CONDITIONAL.map(|(name, form, reach)| (name, form, reach, -reach, 4));
    for (name, form, limit, min, step) in unconditional.into_iter().chain(conditional) {
        assert!(
            at_distance(limit - step, form).is_ok(),
            "{name}: max forward"
        );
        assert!(at_distance(min, form).is_ok(), "{name}: max backward");
        match at_distance(limit, form) {
            Err(AsmError::OutOfRange { at: 0, .. }) => {}
            other => panic!("{name}: forward {limit}: {:?}", other.map(|c| c.len())),
        }
        if conditional.iter().any(|c| c.0 == name) {
            continue;
        }
        match at_distance(min - 4, form) {
            Err(AsmError::OutOfRange { target: 0, .. }) => {}
            other => panic!("{name}: backward {}: {:?}", min - 4, other.map(|c| c.len())),
        }
    }
}

/// Where the branch at `at` goes when taken: its target, or its veneer's (`b`) target.
fn taken(code: &[u8], at: usize) -> usize {
    let t = (at as i64 + displacement(code, at)) as usize;
    let word = u32::from_le_bytes(code[t..t + 4].try_into().unwrap());
    if word >> 26 == 0b000101 && t != at {
        taken(code, t)
    } else {
        t
    }
}

/// A conditional branch to a bound label out of its reach is the inverted branch over a `b`.
#[test]
fn conditional_branches_backward_out_of_reach_take_the_long_form() {
    for (name, form, reach) in CONDITIONAL {
        let code = at_distance(-reach - 4, form).unwrap_or_else(|e| panic!("{name}: {e}"));
        let at = (reach + 4) as usize;
        assert_eq!(code.len(), at + 8, "{name}: two instructions");
        let skip = yax(&code[at..at + 4]).unwrap();
        let plain = {
            let mut a = Assembler::new();
            let l = a.here();
            form(&mut a, l);
            yax(&a.finalize().unwrap()).unwrap()
        };
        assert_ne!(
            skip.split(' ').next(),
            plain.split(' ').next(),
            "{name}: inverted"
        );
        assert_eq!(displacement(&code, at), 8, "{name}: skips the b");
        assert_eq!(taken(&code, at + 4), 0, "{name}: b reaches the label");
    }
}

/// With island points every 4 KiB, forward conditional branches reach labels bound 2 MiB
/// ahead through veneers; branches whose labels are bound in reach are left alone; the code
/// runs straight through every island.
#[test]
fn branch_islands_keep_forward_branches_in_reach() {
    let mut a = Assembler::new();
    let far = a.new_label();
    let near = a.new_label();
    let mut far_at = Vec::new();
    for (_, form, _) in CONDITIONAL {
        far_at.push(a.offset());
        form(&mut a, far);
    }
    let near_at = a.offset();
    a.tbz(X1, 2, near).unwrap();
    a.nop();
    a.bind(near).unwrap();
    let mut islands = 0;
    while a.offset() < 2 << 20 {
        if a.island_due(8 << 10) {
            let before = a.offset();
            a.emit_island(32 << 10);
            assert!(a.offset() > before);
            islands += 1;
        }
        for _ in 0..1024 {
            a.nop();
        }
    }
    a.bind(far).unwrap();
    let target = a.offset();
    a.ret();
    let code = a.finalize().unwrap();
    assert!(islands >= 2, "{islands} islands");
    for (at, (name, ..)) in far_at.iter().zip(CONDITIONAL) {
        assert_eq!(taken(&code, *at), target, "{name}");
    }
    assert_eq!(displacement(&code, near_at), 8, "in-reach branch untouched");
    // Straight-line execution skips each island: its first word jumps past its veneers.
    let mut at = near_at + 8;
    while at < target {
        let word = u32::from_le_bytes(code[at..at + 4].try_into().unwrap());
        if word >> 26 == 0b000101 {
            let next = (at as i64 + displacement(&code, at)) as usize;
            assert!(next > at + 4, "island at {at:#x} is jumped over");
            at = next;
        } else {
            assert_eq!(yax(&code[at..at + 4]).unwrap(), "nop", "at {at:#x}");
            at += 4;
        }
    }
}

/// A branch to a word-misaligned target (after data bytes) is refused, not rounded.
#[test]
fn misaligned_branch_target_is_an_error() {
    let r = at_distance(6, |a, l| a.b(l));
    assert!(matches!(r, Err(AsmError::OutOfRange { .. })), "{r:?}");
    // adr has byte granularity and accepts it.
    let code = at_distance(6, |a, l| a.adr(X0, l)).unwrap();
    assert_eq!(displacement(&code, 0), 6);
}
