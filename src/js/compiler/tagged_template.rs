//! Tagged templates (ES2025 13.3.11): ``tag`a${x}b` `` calls `tag(strings, x)` with `this`
//! the tag's base object for a member tag. `strings` is the site's template object
//! (GetTemplateObject, 13.2.8.4): a frozen array of the cooked strings (undefined where an
//! escape is invalid) with a frozen `raw` array of the source texts, made once per site at
//! compile time and kept as a constant, so every evaluation of the site sees the same object.

use oxc_ast::ast::*;

use oxc_span::GetSpan;

use super::{CResult, Compiler};
use crate::js::bytecode::Op;
use crate::js::value::Value;

impl<'a> Compiler<'a, '_> {
    pub(crate) fn tagged_template(
        &mut self,
        t: &'a TaggedTemplateExpression<'a>,
        dst: u16,
    ) -> CResult<()> {
        let m = self.reg_mark();
        let f = self.temp()?;
        let this = self.temp()?;
        match t.tag.as_member_expression() {
            Some(me) if !matches!(me.object(), Expression::Super(_)) => {
                self.expr(me.object(), this)?;
                match me {
                    MemberExpression::ComputedMemberExpression(cm) => {
                        // The key goes through `f` so that the arguments follow `this`.
                        self.expr(&cm.expression, f)?;
                        self.emit(Op::GetElement, &[f as i64, this as i64, f as i64]);
                    }
                    MemberExpression::StaticMemberExpression(s) => {
                        let a = self.atom(s.property.name.as_str());
                        let ic = self.ic();
                        self.emit(Op::GetPropertyByName, &[f as i64, this as i64, a, ic]);
                    }
                    MemberExpression::PrivateFieldExpression(p) => {
                        self.private_get(this, &p.field, f)?
                    }
                }
            }
            Some(_) => {
                // `super.m`...``: the method of the home object's prototype, on `this`.
                self.emit(Op::LoadThis, &[this as i64]);
                self.expr(&t.tag, f)?;
            }
            None => {
                self.expr(&t.tag, f)?;
                self.emit(Op::LoadUndefined, &[this as i64]);
            }
        }
        let subs = &t.quasi.expressions;
        let argc = 1 + subs.len();
        let base = self.temps(argc)?;
        debug_assert_eq!(base, this + 1);
        let strings = self.template_object(&t.quasi);
        let k = self.const_unique(strings);
        self.emit(Op::LoadConst, &[base as i64, k]);
        for (i, e) in subs.iter().enumerate() {
            self.expr(e, base + 1 + i as u16)?;
        }
        self.mark_line(t.span.start);
        let ic = self.ic();
        let pc = self.emit(
            Op::CallMethod,
            &[dst as i64, f as i64, this as i64, argc as i64, ic],
        );
        let text = self.text(t.tag.span()).to_string();
        self.f().call_names.push((pc as u32, text));
        self.reg_release(m);
        Ok(())
    }

    /// The site's template object: frozen cooked strings with a frozen `raw` array.
    fn template_object(&mut self, q: &TemplateLiteral<'a>) -> Value {
        let mut cooked = Vec::with_capacity(q.quasis.len());
        let mut raw = Vec::with_capacity(q.quasis.len());
        for e in &q.quasis {
            cooked.push(match &e.value.cooked {
                Some(c) => self.str_value(c.as_str(), e.lone_surrogates),
                None => Value::UNDEFINED,
            });
            // Raw text normalises line terminators: CR and CRLF become LF (13.2.8.3).
            let r = e
                .value
                .raw
                .as_str()
                .replace("\r\n", "\n")
                .replace('\r', "\n");
            raw.push(self.vm.new_str(&r));
        }
        let vm = &mut *self.vm;
        let raw = vm.new_array_from(&raw);
        vm.set_integrity(raw, true);
        let strings = vm.new_array_from(&cooked);
        let a = vm.intern("raw");
        vm.add_own(strings, a, raw, 0);
        vm.set_integrity(strings, true);
        strings
    }
}
