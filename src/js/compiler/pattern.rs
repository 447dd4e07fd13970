//! Destructuring: binding patterns (declarations, parameters) and assignment patterns.

use oxc_ast::ast::*;

use super::{CResult, Compiler};
use crate::js::bytecode::Op;

impl<'a, 'v> Compiler<'a, 'v> {
    /// Binds `pat` to the value in `src`. `init` marks declaration initialisation.
    pub(crate) fn bind_pattern(
        &mut self,
        pat: &'a BindingPattern<'a>,
        src: u16,
        init: bool,
    ) -> CResult<()> {
        match pat {
            BindingPattern::BindingIdentifier(id) => self.store_var(id.name.as_str(), src, init),
            BindingPattern::AssignmentPattern(a) => {
                let m = self.reg_mark();
                let t = self.temp()?;
                self.emit(Op::Move, &[t as i64, src as i64]);
                let j = self.emit(Op::JumpIfNotUndefined, &[t as i64, 0]);
                match &a.left {
                    BindingPattern::BindingIdentifier(id) => {
                        self.expr_named(&a.right, t, id.name.as_str())?
                    }
                    _ => self.expr(&a.right, t)?,
                }
                self.patch_here(j);
                self.bind_pattern(&a.left, t, init)?;
                self.reg_release(m);
                Ok(())
            }
            BindingPattern::ObjectPattern(o) => {
                // Destructuring null or undefined throws even with no properties to read.
                self.emit(Op::RequireObjectCoercible, &[src as i64]);
                let m = self.reg_mark();
                let mut keys: Vec<u16> = Vec::new();
                let need_keys = o.rest.is_some();
                for p in &o.properties {
                    let t = self.temp()?;
                    let k = self.destructure_get(&p.key, p.computed, src, t, need_keys)?;
                    if let Some(k) = k {
                        keys.push(k);
                    }
                    self.bind_pattern(&p.value, t, init)?;
                }
                if let Some(r) = &o.rest {
                    let t = self.object_rest(src, &keys)?;
                    self.bind_pattern(&r.argument, t, init)?;
                }
                self.reg_release(m);
                Ok(())
            }
            BindingPattern::ArrayPattern(a) => {
                let m = self.reg_mark();
                let it = self.temp()?;
                self.emit(Op::GetIterator, &[it as i64, src as i64]);
                let t = self.temp()?;
                for el in &a.elements {
                    self.iter_next_or_undefined(t, it);
                    if let Some(p) = el {
                        self.bind_pattern(p, t, init)?;
                    }
                }
                match &a.rest {
                    Some(r) => {
                        let arr = self.iter_rest(it, t)?;
                        self.bind_pattern(&r.argument, arr, init)?;
                    }
                    None => {
                        self.emit(Op::IteratorClose, &[it as i64, 0]);
                    }
                }
                self.reg_release(m);
                Ok(())
            }
        }
    }

    fn iter_next_or_undefined(&mut self, dst: u16, it: u16) {
        let pc = self.pc();
        let len = Op::IteratorNext.encoded_len();
        self.emit(
            Op::IteratorNext,
            &[dst as i64, it as i64, (pc + len) as i64],
        );
    }

    fn iter_rest(&mut self, it: u16, t: u16) -> CResult<u16> {
        let arr = self.temp()?;
        self.emit(Op::NewArray, &[arr as i64]);
        let top = self.pc();
        let j = self.emit(Op::IteratorNext, &[t as i64, it as i64, 0]);
        self.emit(Op::ArrayPush, &[arr as i64, t as i64]);
        self.jump_to(top);
        self.patch_here(j);
        Ok(arr)
    }

    /// Loads `src[key]` into `dst`; returns a register holding the key as a string when asked.
    fn destructure_get(
        &mut self,
        key: &'a PropertyKey<'a>,
        computed: bool,
        src: u16,
        dst: u16,
        want_key: bool,
    ) -> CResult<Option<u16>> {
        match self.property_key(key, computed)? {
            Ok(name)
                if crate::js::string::parse_index(&crate::js::string::utf16(&name)).is_some() =>
            {
                let k = self.temp()?;
                self.load_str(&name, k);
                self.emit(Op::GetElement, &[dst as i64, src as i64, k as i64]);
                Ok(if want_key { Some(k) } else { None })
            }
            Ok(name) => {
                let a = self.atom(&name);
                let ic = self.ic();
                self.emit(Op::GetPropertyByName, &[dst as i64, src as i64, a, ic]);
                if want_key {
                    let k = self.temp()?;
                    self.load_str(&name, k);
                    return Ok(Some(k));
                }
                Ok(None)
            }
            Err(k) => {
                self.emit(Op::GetElement, &[dst as i64, src as i64, k as i64]);
                Ok(if want_key { Some(k) } else { None })
            }
        }
    }

    fn object_rest(&mut self, src: u16, keys: &[u16]) -> CResult<u16> {
        let base = self.temps(keys.len())?;
        for (i, k) in keys.iter().enumerate() {
            self.emit(Op::Move, &[(base as usize + i) as i64, *k as i64]);
        }
        let t = self.temp()?;
        self.emit(
            Op::ObjectRest,
            &[t as i64, src as i64, base as i64, keys.len() as i64],
        );
        Ok(t)
    }

    /// Assigns `src` to an assignment target (identifier, member or pattern).
    pub(crate) fn assign_target(
        &mut self,
        target: &'a AssignmentTarget<'a>,
        src: u16,
    ) -> CResult<()> {
        match target {
            AssignmentTarget::AssignmentTargetIdentifier(id) => {
                self.tdz_store_check(id.name.as_str(), id.span.start)?;
                self.store_var(id.name.as_str(), src, false)
            }
            AssignmentTarget::ArrayAssignmentTarget(a) => {
                let m = self.reg_mark();
                let it = self.temp()?;
                self.emit(Op::GetIterator, &[it as i64, src as i64]);
                let t = self.temp()?;
                for el in &a.elements {
                    self.iter_next_or_undefined(t, it);
                    if let Some(el) = el {
                        self.assign_maybe_default(el, t)?;
                    }
                }
                match &a.rest {
                    Some(r) => {
                        let arr = self.iter_rest(it, t)?;
                        self.assign_target(&r.target, arr)?;
                    }
                    None => {
                        self.emit(Op::IteratorClose, &[it as i64, 0]);
                    }
                }
                self.reg_release(m);
                Ok(())
            }
            AssignmentTarget::ObjectAssignmentTarget(o) => {
                self.emit(Op::RequireObjectCoercible, &[src as i64]);
                let m = self.reg_mark();
                let mut keys = Vec::new();
                let need_keys = o.rest.is_some();
                for p in &o.properties {
                    let t = self.temp()?;
                    match p {
                        AssignmentTargetProperty::AssignmentTargetPropertyIdentifier(id) => {
                            let name = id.binding.name.as_str();
                            let a = self.atom(name);
                            let ic = self.ic();
                            self.emit(Op::GetPropertyByName, &[t as i64, src as i64, a, ic]);
                            if need_keys {
                                let k = self.temp()?;
                                self.load_str(name, k);
                                keys.push(k);
                            }
                            if let Some(init) = &id.init {
                                let j = self.emit(Op::JumpIfNotUndefined, &[t as i64, 0]);
                                self.expr_named(init, t, name)?;
                                self.patch_here(j);
                            }
                            self.store_var(name, t, false)?;
                        }
                        AssignmentTargetProperty::AssignmentTargetPropertyProperty(pp) => {
                            if let Some(k) =
                                self.destructure_get(&pp.name, pp.computed, src, t, need_keys)?
                            {
                                keys.push(k);
                            }
                            self.assign_maybe_default(&pp.binding, t)?;
                        }
                    }
                }
                if let Some(r) = &o.rest {
                    let t = self.object_rest(src, &keys)?;
                    self.assign_target(&r.target, t)?;
                }
                self.reg_release(m);
                Ok(())
            }
            other => {
                let Some(me) = other.as_member_expression() else {
                    return self.err(oxc_span::Span::new(0, 0), "invalid assignment target");
                };
                let m = self.reg_mark();
                let r = self.member_ref(me)?;
                self.ref_set(&r, src);
                self.reg_release(m);
                Ok(())
            }
        }
    }

    fn assign_maybe_default(
        &mut self,
        el: &'a AssignmentTargetMaybeDefault<'a>,
        src: u16,
    ) -> CResult<()> {
        match el {
            AssignmentTargetMaybeDefault::AssignmentTargetWithDefault(d) => {
                let m = self.reg_mark();
                let t = self.temp()?;
                self.emit(Op::Move, &[t as i64, src as i64]);
                let j = self.emit(Op::JumpIfNotUndefined, &[t as i64, 0]);
                self.expr(&d.init, t)?;
                self.patch_here(j);
                self.assign_target(&d.binding, t)?;
                self.reg_release(m);
                Ok(())
            }
            other => {
                let t = other.as_assignment_target().expect("target");
                self.assign_target(t, src)
            }
        }
    }
}
