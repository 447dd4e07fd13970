//! Every golden vector decoded again by an independent decoder (`iced-x86`): the bytes of
//! each instruction must decode, and iced's Intel rendering must equal `llvm-mc`'s rendering
//! of the same vector (the third column of `testdata/vectors.txt`) after [`normalize_llvm`].
//! Together with the byte comparison in `oracle.rs`, this checks the table with two tools that
//! share no code: the bytes are `llvm-mc`'s, and what they mean is iced's reading.
//!
//! iced is set up to print as `llvm-mc` does (decimal numbers, `4*rcx` before the base's
//! `+`, spaces around operators, signed immediates where llvm prints them signed). What is
//! left differs only in notation, and is rewritten on the llvm side:
//! - labels (`.L0`) become the offsets they are bound to: a branch `jmp .L0` becomes
//!   `jmp 7`, an operand `[rip + .L0+8]` becomes the address it denotes, `[15]`, as iced
//!   prints RIP-relative operands;
//! - `{disp8}`/`{disp32}` (which only ask llvm-mc for an encoding) are dropped;
//! - `movabs` is `mov` for iced, and llvm leaves out the count of a shift by one
//!   (`shl eax` for `D1 E0`), which iced prints (`shl eax, 1`);
//! - llvm prints the immediate of `mov r32, imm32` unsigned (`4294967295`), iced signed (`-1`).
//!
//! and on iced's side ([`normalize_iced`]):
//! - an index without a base at scale 1 is `[1*rcx]` for iced, `[rcx]` for llvm (the bytes,
//!   compared in `oracle.rs`, tell it from a base);
//! - an absolute address is printed as a 64-bit unsigned number by iced (`[-8]` is
//!   `[18446744073709551608]`), signed by llvm.
//!
//! Labels and `.zero N` padding are not instructions: they place labels and skip bytes.

use std::collections::BTreeMap;

use iced_x86::{
    Decoder, DecoderOptions, Formatter, Instruction, IntelFormatter, MemorySizeOptions, NumberBase,
};
use pretty_assertions::assert_eq;

use super::oracle::{emit, golden};
use super::vectors::table;

/// An iced formatter printing as close to `llvm-mc`'s Intel syntax as its options allow.
fn formatter() -> IntelFormatter {
    let mut f = IntelFormatter::new();
    let o = f.options_mut();
    o.set_number_base(NumberBase::Decimal);
    o.set_space_after_operand_separator(true);
    o.set_space_between_memory_add_operators(true);
    o.set_scale_before_index(true);
    o.set_signed_immediate_operands(true);
    o.set_memory_size_options(MemorySizeOptions::Always);
    o.set_show_branch_size(false);
    f
}

/// One statement of an `llvm-mc` rendering.
enum Stmt<'a> {
    Label(&'a str),
    Zero(usize),
    Insn(&'a str),
}

fn statements(rendering: &str) -> Vec<Stmt<'_>> {
    rendering
        .split("; ")
        .map(|s| {
            if let Some(name) = s.strip_suffix(':') {
                Stmt::Label(name)
            } else if let Some(n) = s.strip_prefix(".zero ") {
                Stmt::Zero(n.parse().expect(".zero count"))
            } else {
                Stmt::Insn(s)
            }
        })
        .collect()
}

/// `.L0`, `.L0+8` → the offset they denote.
fn label_value(expr: &str, labels: &BTreeMap<String, usize>) -> Option<i64> {
    let (name, addend) = match expr.split_once('+') {
        Some((n, a)) => (n, a.parse::<i64>().ok()?),
        None => (expr, 0),
    };
    Some(*labels.get(name)? as i64 + addend)
}

/// Rewrites one `llvm-mc` instruction into iced's notation (see the module comment).
pub fn normalize_llvm(insn: &str, labels: &BTreeMap<String, usize>) -> String {
    let mut s = insn
        .trim_start_matches("{disp8} ")
        .trim_start_matches("{disp32} ")
        .replace("movabs ", "mov ");
    if let Some(start) = s.find("[rip + ") {
        let end = start + s[start..].find(']').expect("closing bracket");
        let target = label_value(&s[start + 7..end], labels).expect("a label operand");
        s = format!("{}[{target}]{}", &s[..start], &s[end + 1..]);
    }
    if let Some((mnemonic, operand)) = s.split_once(' ')
        && let Some(target) = label_value(operand, labels)
    {
        s = format!("{mnemonic} {target}");
    }
    let shift = ["rol ", "ror ", "shl ", "shr ", "sar "];
    if shift.iter().any(|m| s.starts_with(m)) && !s.contains(',') {
        s.push_str(", 1");
    }
    // Unsigned 32-bit immediates (`mov eax, 4294967295`) as iced prints them: signed.
    if let Some((head, imm)) = s.rsplit_once(", ")
        && let Ok(v) = imm.parse::<u64>()
        && v > i32::MAX as u64
        && v <= u32::MAX as u64
    {
        s = format!("{head}, {}", v as u32 as i32);
    }
    s
}

/// Rewrites iced's rendering into llvm's notation (see the module comment).
pub fn normalize_iced(insn: &str) -> String {
    let mut s = insn.replace("[1*", "[");
    if let Some(start) = s.find('[') {
        let end = start + s[start..].find(']').expect("closing bracket");
        if let Ok(v) = s[start + 1..end].parse::<u64>() {
            s = format!("{}[{}]{}", &s[..start], v as i64, &s[end + 1..]);
        }
    }
    s
}

/// Decodes the instruction at `offset` of `code`.
fn decode_at(code: &[u8], offset: usize) -> Option<Instruction> {
    let mut d = Decoder::with_ip(64, &code[offset..], offset as u64, DecoderOptions::NONE);
    let insn = d.decode();
    (!insn.is_invalid()).then_some(insn)
}

#[test]
fn every_vector_decodes_as_llvm_renders_it() {
    let golden = golden();
    let mut fmt = formatter();
    let (mut expected, mut actual) = (String::new(), String::new());
    let mut checked = 0;
    for v in table() {
        let g = &golden[&v.text];
        let code = emit(&v).expect("emits (see every_vector_matches_llvm_mc)");
        // Pass 1: where each label is and which instruction starts where.
        let mut labels = BTreeMap::new();
        let mut insns = Vec::new();
        let mut at = 0;
        for stmt in statements(&g.llvm_text) {
            match stmt {
                Stmt::Label(name) => {
                    labels.insert(name.to_string(), at);
                }
                Stmt::Zero(n) => at += n,
                Stmt::Insn(text) => match decode_at(&code, at) {
                    Some(insn) => {
                        insns.push((text, Some(insn)));
                        at += insn.len();
                    }
                    None => {
                        insns.push((text, None));
                        break;
                    }
                },
            }
        }
        // Pass 2: compare renderings, labels resolved.
        for (text, insn) in insns {
            expected.push_str(&format!("{}\n", normalize_llvm(text, &labels)));
            match insn {
                Some(insn) => {
                    let mut out = String::new();
                    fmt.format(&insn, &mut out);
                    actual.push_str(&format!("{}\n", normalize_iced(&out)));
                    checked += 1;
                }
                None => actual.push_str(&format!("<does not decode at {at}: {}>\n", v.text)),
            }
        }
        if at != code.len() {
            actual.push_str(&format!(
                "<{} of {} bytes decoded: {}>\n",
                at,
                code.len(),
                v.text
            ));
        }
    }
    assert_eq!(expected, actual);
    assert!(checked > 1000, "only {checked} instructions decoded");
}
