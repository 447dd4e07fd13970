//! The value layer on x86-64 ([`ValueOps`] for [`X64Masm`]): storage for its out-of-line
//! code, and the int32 tag test in the private r11 (no pinned tag register: the upper word
//! is compared with the tag as a 32-bit immediate).

use super::abi::{IMM, q};
use super::masm::{X64Masm, cond};
use crate::asm::x86_64::Label;
use crate::jit::masm::{IntCond, Reg};
use crate::jit::values::{Deferred, INT32_TAG_HI, ValueOps};

impl ValueOps for X64Masm {
    fn deferred(&mut self) -> &mut Vec<Deferred<Label>> {
        &mut self.deferred
    }

    /// `mov r11, v; shr r11, 32; cmp r11d, tag; jcc`: leaves the value layer's temporaries
    /// alone and needs no 64-bit immediate.
    fn branch_on_upper_word(&mut self, c: IntCond, v: Reg, label: Label) {
        self.a.mov_rr(IMM, q(v));
        self.a.shr_ri(IMM, 32);
        self.a.cmp_ri(IMM.r32(), INT32_TAG_HI as i32);
        self.a.jcc(cond(c), label);
    }
}

#[cfg(all(test, target_arch = "x86_64"))]
mod tests {
    use super::*;
    use crate::codemem::JitBuffer;
    use crate::jit::masm::{FReg, IntCond, MacroAssembler, Size};
    use crate::js::value::Value;
    use pretty_assertions::assert_eq;

    /// Runs the leaf function `f(a, b)` made of `body` on `args`.
    fn run(
        body: impl FnOnce(&mut X64Masm) -> crate::jit::masm::MasmResult,
        args: &[[u64; 2]],
    ) -> Vec<u64> {
        let code = X64Masm::leaf_function(body).unwrap();
        let mut buf = JitBuffer::new(code.len()).unwrap();
        let f = buf.publish(&code).unwrap();
        args.iter()
            // SAFETY: a System V leaf function of two integer arguments touching only
            // registers (callee-saved ones restored).
            .map(|&[a, b]| unsafe { crate::exec::x86_64::native::call(f, &[a, b]) })
            .collect()
    }

    fn edge_doubles() -> Vec<f64> {
        let mut v = vec![
            0.0,
            -0.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            5e-324,
            f64::MAX,
            0.5,
            -2.5,
            2147483647.0,
            2147483648.0,
            -2147483648.0,
            -2147483649.0,
            4294967296.0,
            1e21,
        ];
        for e in -60..=70 {
            let p = 2f64.powi(e);
            v.extend([p, -p, p + 1.0, p - 1.0, -p + 1.0, p * 1.5]);
        }
        for i in -300..300 {
            let i = i as f64;
            v.extend([i, i / 4.0, i * 7_000_003.0, i / 3.0]);
        }
        v
    }

    #[test]
    fn box_number_matches_the_interpreters_boxing() {
        let xs = edge_doubles();
        let args: Vec<[u64; 2]> = xs.iter().map(|&x| [Value::double(x).0, 0]).collect();
        let got = run(
            |m| {
                m.bits_float(FReg(0), Reg(0), crate::jit::masm::FSize::F64);
                m.box_number(Reg(2), FReg(0));
                Ok(())
            },
            &args,
        );
        let want: Vec<u64> = xs.iter().map(|&x| Value::number(x).0).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn the_upper_word_test_orders_int32s_doubles_and_the_rest() {
        let vals = [
            Value::int(7).0,
            Value::int(-1).0,
            Value::double(1.5).0,
            Value::double(f64::NAN).0,
            Value::UNDEFINED.0,
            Value::TRUE.0,
        ];
        for c in [
            IntCond::Eq,
            IntCond::Ne,
            IntCond::LtU,
            IntCond::GtU,
            IntCond::GeU,
        ] {
            let args: Vec<[u64; 2]> = vals.iter().map(|&v| [v, 0]).collect();
            let got = run(
                |m| {
                    let yes = m.new_label();
                    m.mov(Reg(2), crate::jit::masm::imm(1), Size::S64);
                    m.branch_on_upper_word(c, Reg(0), yes);
                    m.mov(Reg(2), crate::jit::masm::imm(0), Size::S64);
                    m.bind(yes)
                },
                &args,
            );
            let want: Vec<u64> = vals
                .iter()
                .map(|&v| c.holds(v >> 32, INT32_TAG_HI as u64, Size::S64) as u64)
                .collect();
            assert_eq!(got, want, "{c:?}");
        }
    }
}
