//! Bytecode disassembler for `--print-bytecode`.

use std::fmt::Write;

use super::op::{Kind, Op, operand_offset};
use super::*;
use crate::js::vm::Vm;

impl Vm {
    pub fn disassemble(&self, f: &FunctionCode) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "function {} (params {}, registers {}, constants {}, ics {}):",
            if f.name.is_empty() {
                "<anonymous>"
            } else {
                &f.name
            },
            f.nparams,
            f.nregs,
            f.consts.len(),
            f.ics.len()
        );
        let code = &f.code;
        let mut pc = 0;
        while pc < code.len() {
            let Some(op) = Op::from_u8(code[pc]) else {
                let _ = writeln!(s, "  {pc:5}: <bad opcode {}>", code[pc]);
                break;
            };
            let _ = write!(s, "  {pc:5}: {:<20}", op.name());
            if op.name().len() >= 20 && !op.operands().is_empty() {
                s.push(' ');
            }
            for (i, k) in op.operands().iter().enumerate() {
                let at = pc + operand_offset(op, i);
                let sep = if i == 0 { "" } else { ", " };
                let _ = match k {
                    Kind::R => write!(s, "{sep}r{}", rd_u16(code, at)),
                    Kind::U => write!(s, "{sep}{}", rd_u8(code, at)),
                    Kind::W => write!(s, "{sep}{}", rd_u16(code, at)),
                    Kind::I => write!(s, "{sep}{}", rd_i8(code, at)),
                    Kind::K => {
                        let k = rd_u16(code, at) as usize;
                        write!(s, "{sep}k{k}({})", self.debug_value(f.consts[k]))
                    }
                    Kind::A => {
                        let a = rd_u32(code, at);
                        let name = self
                            .atoms
                            .strings
                            .get(a as usize)
                            .map(|v| self.str_to_string(*v));
                        write!(s, "{sep}'{}'", name.unwrap_or_default())
                    }
                    Kind::C => write!(s, "{sep}ic{}", rd_u16(code, at)),
                    Kind::J => write!(s, "{sep}-> {}", pc as i64 + rd_i32(code, at) as i64),
                };
            }
            s.push('\n');
            pc += op.encoded_len();
        }
        for h in &f.handlers {
            let _ = writeln!(
                s,
                "  handler [{}, {}) -> {} (r{})",
                h.start, h.end, h.target, h.reg
            );
        }
        s
    }

    fn debug_value(&self, v: crate::js::value::Value) -> String {
        if v.is_string() {
            format!("{:?}", self.str_to_string(v))
        } else if v.is_number() {
            crate::js::format::number::number_to_string(v.as_number())
        } else {
            format!("{v:?}")
        }
    }
}
