//! Bytecode verifier: every function is checked once after compilation, so the interpreter
//! (and later the JIT) can decode operands and index registers without bounds checks.
//!
//! Checked: each instruction is a known opcode and fits in the code; register operands are
//! below the frame's register count; constant and inline-cache indices are in range; jump
//! targets land on instruction boundaries; handlers cover valid ranges and registers; the
//! code ends with an unconditional control transfer.

use super::op::{Kind, Op, operand, operand_offset};
use super::*;

impl FunctionCode {
    pub fn verify(&self) -> Result<(), String> {
        let code = &self.code;
        let mut starts = vec![false; code.len() + 1];
        let mut pc = 0;
        let mut last = None;
        while pc < code.len() {
            let op =
                Op::from_u8(code[pc]).ok_or_else(|| format!("bad opcode {} at {pc}", code[pc]))?;
            starts[pc] = true;
            if pc + op.encoded_len() > code.len() {
                return Err(format!("truncated {} at {pc}", op.name()));
            }
            last = Some(op);
            pc += op.encoded_len();
        }
        if !matches!(last, Some(Op::Return | Op::Throw | Op::Jump)) {
            return Err("code falls off the end".into());
        }
        let mut pc = 0;
        while pc < code.len() {
            let op = Op::from_u8(code[pc]).expect("checked");
            for (i, k) in op.operands().iter().enumerate() {
                let at = pc + operand_offset(op, i);
                match k {
                    Kind::R if rd_u16(code, at) as u32 >= self.nregs => {
                        return Err(format!(
                            "register r{} out of range in {} at {pc}",
                            rd_u16(code, at),
                            op.name()
                        ));
                    }
                    Kind::K if rd_u16(code, at) as usize >= self.consts.len() => {
                        return Err(format!("constant out of range at {pc}"));
                    }
                    Kind::C if rd_u16(code, at) as usize >= self.ics.len() => {
                        return Err(format!("inline cache out of range at {pc}"));
                    }
                    Kind::J => {
                        let t = pc as i64 + rd_i32(code, at) as i64;
                        if t < 0 || t as usize >= code.len() || !starts[t as usize] {
                            return Err(format!("bad jump target {t} at {pc}"));
                        }
                    }
                    _ => {}
                }
            }
            // Ranges addressed through a base register and a count.
            let opnd = |i: usize| operand(code, pc, op, i) as u32;
            let span = match op {
                Op::ObjectRest | Op::Call | Op::New | Op::DirectEval => Some((opnd(2), opnd(3))),
                Op::CallMethod => Some((opnd(2), opnd(3) + 1)),
                Op::SuperCall => Some((opnd(1), opnd(2))),
                // The sent value and the resumption mode after it.
                Op::Suspend | Op::YieldDelegate | Op::YieldDelegateCall => Some((opnd(2), 2)),
                _ => None,
            };
            if let Some((base, n)) = span
                && base + n > self.nregs
            {
                return Err(format!(
                    "register range out of bounds in {} at {pc}",
                    op.name()
                ));
            }
            if matches!(
                op,
                Op::PushContext | Op::LoadContextSlot | Op::StoreContextSlot
            ) {
                // Context slot indices are checked against the environment at run time by
                // construction of the compiler (slots < the PushContext count).
            }
            pc += op.encoded_len();
        }
        for h in &self.handlers {
            if h.start > h.end
                || h.end as usize > code.len()
                || !starts[h.target as usize]
                || h.reg as u32 >= self.nregs
            {
                return Err(format!("bad handler {h:?}"));
            }
        }
        let both = self.flags & (F_HAS_REST | F_USES_ARGUMENTS) == F_HAS_REST | F_USES_ARGUMENTS;
        if self.extra_reg as u32 + both as u32 >= self.nregs.max(1) {
            return Err("bad rest/arguments register".into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::js::bytecode::op::Op;

    fn code(bytes: Vec<u8>, nregs: u32) -> FunctionCode {
        FunctionCode {
            name: "t".into(),
            file: Rc::from("t.js"),
            nparams: 0,
            length: 0,
            nregs,
            extra_reg: 0,
            flags: 0,
            code: bytes,
            consts: Vec::new(),
            ics: Box::new([]),
            handlers: Vec::new(),
            lines: Vec::new(),
            call_names: Vec::new(),
            calls: Default::default(),
            saw_double: Default::default(),
            back_edges: Default::default(),
            jit_call: Default::default(),
            jit_new: Default::default(),
            jit: Default::default(),
            this_fields: 0,
            span_start: 0,
            source: None,
        }
    }

    #[test]
    fn accepts_valid_and_rejects_bad_code() {
        let ok = code(vec![Op::LoadInt8 as u8, 0, 0, 5, Op::Return as u8, 0, 0], 1);
        assert!(ok.verify().is_ok());
        let bad_reg = code(vec![Op::LoadInt8 as u8, 3, 0, 5, Op::Return as u8, 0, 0], 1);
        assert!(bad_reg.verify().is_err());
        let truncated = code(vec![Op::LoadInt8 as u8, 0, 0], 1);
        assert!(truncated.verify().is_err());
        let falls_off = code(vec![Op::LoadInt8 as u8, 0, 0, 5], 1);
        assert!(falls_off.verify().is_err());
        let mut jump_mid = vec![Op::Jump as u8];
        jump_mid.extend_from_slice(&2i32.to_le_bytes());
        assert!(code(jump_mid, 1).verify().is_err());
        let bad_const = code(
            vec![Op::LoadConst as u8, 0, 0, 0, 0, Op::Return as u8, 0, 0],
            1,
        );
        assert!(bad_const.verify().is_err());
    }

    /// `op` with operands `regs` (registers) then `rest` (raw bytes), followed by `Return r0`.
    fn ins(op: Op, regs: &[u16], rest: &[u8]) -> Vec<u8> {
        let mut v = vec![op as u8];
        for r in regs {
            v.extend(r.to_le_bytes());
        }
        v.extend(rest);
        v.extend([Op::Return as u8, 0, 0]);
        v
    }

    #[test]
    fn registers_above_255() {
        // (code, register count, accepted)
        let rows: Vec<(Vec<u8>, u32, bool)> = vec![
            (ins(Op::Move, &[300, 0], &[]), 301, true),
            (ins(Op::Move, &[300, 0], &[]), 300, false),
            // The highest register a frame may have.
            (ins(Op::LoadUndefined, &[65534], &[]), 65535, true),
            // Call r0, r1, base, 2 args, ic 0: base r298 needs registers up to r299.
            (ins(Op::Call, &[0, 1, 298], &[2, 0, 0]), 300, true),
            (ins(Op::Call, &[0, 1, 299], &[2, 0, 0]), 300, false),
            // Suspend g, v, sent (and the mode in the register after it), kind 0.
            (ins(Op::Suspend, &[0, 1, 298], &[0]), 300, true),
            (ins(Op::Suspend, &[0, 1, 299], &[0]), 300, false),
        ];
        for (i, (bytes, nregs, ok)) in rows.into_iter().enumerate() {
            let mut f = code(bytes, nregs);
            f.ics = Box::new([std::cell::UnsafeCell::new(Default::default())]);
            assert_eq!(f.verify().is_ok(), ok, "row {i}: {:?}", f.verify());
        }
        // A handler's exception register above 255.
        let mut f = code(ins(Op::Nop, &[], &[]), 301);
        f.handlers.push(Handler {
            start: 0,
            end: 1,
            target: 1,
            reg: 300,
        });
        assert!(f.verify().is_ok());
        f.nregs = 300;
        assert!(f.verify().is_err());
    }
}
