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

    /// Little-endian bytes of a register operand.
    fn r(n: u16) -> [u8; 2] {
        n.to_le_bytes()
    }

    #[test]
    fn registers_above_255() {
        let ret = |n: u16| [vec![Op::Return as u8], r(n).to_vec()].concat();
        // (code, register count, accepted)
        let rows: Vec<(Vec<u8>, u32, bool)> = vec![
            // Move r300, r0; Return r300.
            (
                [
                    vec![Op::Move as u8],
                    r(300).to_vec(),
                    r(0).to_vec(),
                    ret(300),
                ]
                .concat(),
                301,
                true,
            ),
            (
                [
                    vec![Op::Move as u8],
                    r(300).to_vec(),
                    r(0).to_vec(),
                    ret(300),
                ]
                .concat(),
                300,
                false,
            ),
            // The highest register a frame may have.
            (
                [vec![Op::LoadUndefined as u8], r(65534).to_vec(), ret(65534)].concat(),
                65535,
                true,
            ),
            // Call r0, r1, base r298, 2 args, ic 0: needs registers up to r299.
            (
                [
                    vec![Op::Call as u8],
                    r(0).to_vec(),
                    r(1).to_vec(),
                    r(298).to_vec(),
                    vec![2, 0, 0],
                    ret(0),
                ]
                .concat(),
                300,
                true,
            ),
            (
                [
                    vec![Op::Call as u8],
                    r(0).to_vec(),
                    r(1).to_vec(),
                    r(299).to_vec(),
                    vec![2, 0, 0],
                    ret(0),
                ]
                .concat(),
                300,
                false,
            ),
            // Suspend g, v, sent r298 (and the mode in r299), kind 0.
            (
                [
                    vec![Op::Suspend as u8],
                    r(0).to_vec(),
                    r(1).to_vec(),
                    r(298).to_vec(),
                    vec![0],
                    ret(0),
                ]
                .concat(),
                300,
                true,
            ),
            (
                [
                    vec![Op::Suspend as u8],
                    r(0).to_vec(),
                    r(1).to_vec(),
                    r(299).to_vec(),
                    vec![0],
                    ret(0),
                ]
                .concat(),
                300,
                false,
            ),
        ];
        for (i, (bytes, nregs, ok)) in rows.into_iter().enumerate() {
            let mut f = code(bytes, nregs);
            f.ics = Box::new([std::cell::UnsafeCell::new(Default::default())]);
            assert_eq!(f.verify().is_ok(), ok, "row {i}: {:?}", f.verify());
        }
        // A handler's exception register above 255.
        let mut f = code([vec![Op::Nop as u8], ret(0)].concat(), 301);
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
