//! `--print-code`: a compiled function's machine code, disassembled by the back end's
//! disassembler (`BackEnd::disassemble` of the VM's back end), under each bytecode op it came from;
//! the entries and out-of-line slow paths are listed as such.

use std::fmt::Write;

use crate::jit::backend::Disassembler as Dis;
use crate::jit::compiler::NO_ENTRY;
use crate::jit::state::Compiled;
use crate::jit::state::jit_ref;
use crate::js::bytecode::FunctionCode;
use crate::js::vm::Vm;

/// The listing of `code`'s compiled code `c` (machine code bytes `bytes`).
pub fn listing(vm: &Vm, code: &FunctionCode, c: &Compiled, bytes: &[u8]) -> String {
    let bytecode = vm.disassemble(code);
    let mut lines = bytecode.lines();
    let mut s = String::new();
    let _ = writeln!(
        s,
        "== compiled code: {} ({} bytes at {:#x})",
        lines.next().unwrap_or_default().trim_end_matches(':'),
        bytes.len(),
        c.entry.addr()
    );
    // Op boundaries in code order: (code offset, bytecode pc).
    let mut marks: Vec<(usize, usize)> = c
        .offsets
        .iter()
        .enumerate()
        .filter(|&(_, &o)| o != NO_ENTRY)
        .map(|(pc, &o)| (o as usize, pc))
        .collect();
    marks.sort();
    let op_line = |pc: usize| {
        bytecode
            .lines()
            .skip(1)
            .find(|l| l.trim_start().starts_with(&format!("{pc}:")))
            .unwrap_or("")
            .trim()
            .to_string()
    };
    let first = marks.first().map_or(bytes.len(), |m| m.0);
    let _ = writeln!(
        s,
        "  ; entries (from the entry stub at +0, from compiled callers at +{:#x})",
        c.call_entry
    );
    let dis = jit_ref(vm).backend.disassemble;
    disasm(&mut s, dis, bytes, 0, first);
    for (i, &(off, pc)) in marks.iter().enumerate() {
        let end = marks.get(i + 1).map_or(bytes.len(), |m| m.0);
        let _ = writeln!(s, "  ; {}", op_line(pc));
        disasm(&mut s, dis, bytes, off, end);
    }
    s
}

fn disasm(s: &mut String, dis: Dis, bytes: &[u8], from: usize, to: usize) {
    for (at, text) in dis(bytes, from, to) {
        let _ = writeln!(s, "    {at:6x}:  {text}");
    }
}
