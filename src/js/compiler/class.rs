//! Classes: constructor (explicit or default), prototype and static methods, accessors,
//! instance fields (compiled into an initializer run on construction) and static fields.

use oxc_ast::ast::*;

use super::function::{Body, FnSpec};
use super::scope::{BKind, Decl, ScopeKind};
use super::{CResult, Compiler, FnState};
use crate::js::bytecode::*;

impl<'a, 'v> Compiler<'a, 'v> {
    pub(crate) fn class_expr(
        &mut self,
        c: &'a Class<'a>,
        dst: u16,
        name_hint: Option<&str>,
    ) -> CResult<()> {
        let name =
            c.id.as_ref()
                .map(|i| i.name.as_str().to_string())
                .or(name_hint.map(|s| s.to_string()))
                .unwrap_or_default();
        self.in_class += 1;
        let r = self.class_body(c, dst, name);
        self.in_class -= 1;
        r
    }

    fn class_body(&mut self, c: &'a Class<'a>, dst: u16, name: String) -> CResult<()> {
        let d = dst as i64;
        let m = self.reg_mark();
        self.push_scope(ScopeKind::Block);
        if let Some(id) = &c.id {
            self.declare_all(vec![Decl {
                name: id.name.as_str(),
                key: id.span.start as u64,
                kind: BKind::Const,
                decl_end: 0,
            }])?;
        }
        let sup = self.temp()?;
        let has_super = c.heritage.is_some();
        if let Some(h) = &c.heritage {
            self.expr(&h.expression, sup)?;
        }
        let ctor = c.body.body.iter().find_map(|e| match e {
            ClassElement::MethodDefinition(md) if md.kind == MethodDefinitionKind::Constructor => {
                Some(md)
            }
            _ => None,
        });
        let mut flags = F_CLASS_CTOR;
        if has_super {
            flags |= F_DERIVED;
        }
        let ctor_idx = match ctor {
            Some(md) => {
                let Some(body) = &md.value.body else {
                    return self.err(md.span, "constructor without body");
                };
                self.compile_function(FnSpec {
                    name: name.clone(),
                    span: md.value.span,
                    params: &md.value.params,
                    body: Body::Stmts(&body.statements),
                    is_arrow: false,
                    flags,
                    self_name: None,
                    // Class code is strict anyway (`in_class`); this is about the body's
                    // own directive (an early error with non-simple parameters).
                    directive_strict: body
                        .directives
                        .iter()
                        .any(|d| d.directive.as_str() == "use strict"),
                })?
            }
            None => self.default_ctor(&name, c.span.start, has_super)?,
        };
        self.vm.codes[ctor_idx].source = Some(std::rc::Rc::from(self.text(c.span)));
        let k = self.const_code(ctor_idx);
        self.emit(Op::CreateClass, &[d, k, sup as i64, has_super as i64]);
        if let Some(id) = &c.id {
            self.store_var(id.name.as_str(), dst, true)?;
        }
        let proto = self.temp()?;
        let pa = self.atom("prototype");
        let ic = self.ic();
        self.emit(Op::GetPropertyByName, &[proto as i64, d, pa, ic]);
        let mut fields: Vec<&'a PropertyDefinition<'a>> = Vec::new();
        for el in &c.body.body {
            let m2 = self.reg_mark();
            match el {
                ClassElement::MethodDefinition(md) => {
                    if md.kind == MethodDefinitionKind::Constructor {
                        continue;
                    }
                    let target = if md.r#static { dst } else { proto };
                    let key = self.property_key(&md.key, md.computed)?;
                    let fname = key.as_ref().ok().cloned().unwrap_or_default();
                    let f = self.temp()?;
                    let prefix = match md.kind {
                        MethodDefinitionKind::Get => "get ",
                        MethodDefinitionKind::Set => "set ",
                        _ => "",
                    };
                    self.method_fn(&md.value, f, &format!("{prefix}{fname}"), md.span)?;
                    let k = match key {
                        Ok(n) => {
                            let k = self.temp()?;
                            self.load_str(&n, k);
                            k
                        }
                        Err(k) => {
                            self.emit(Op::SetFunctionName, &[f as i64, k as i64]);
                            k
                        }
                    };
                    let (t, f, k) = (target as i64, f as i64, k as i64);
                    match md.kind {
                        MethodDefinitionKind::Get => self.emit(Op::DefineGetter, &[t, k, f, 0]),
                        MethodDefinitionKind::Set => self.emit(Op::DefineSetter, &[t, k, f, 0]),
                        _ => self.emit(Op::DefineMethod, &[t, k, f]),
                    };
                }
                ClassElement::PropertyDefinition(p) => {
                    if p.r#static {
                        let key = self.property_key(&p.key, p.computed)?;
                        let v = self.temp()?;
                        match &p.value {
                            Some(e) => self.expr_named(
                                e,
                                v,
                                key.as_ref().map(|s| s.as_str()).unwrap_or(""),
                            )?,
                            None => {
                                self.emit(Op::LoadUndefined, &[v as i64]);
                            }
                        }
                        self.define_key(dst, key, v, p.key.is_private_identifier())?;
                    } else {
                        fields.push(p);
                    }
                }
                ClassElement::StaticBlock(s) => {
                    // A method of the class called once, here, with `this` the class.
                    let idx = self.static_block(s)?;
                    let f = self.temp()?;
                    let this = self.temp()?;
                    let k = self.const_code(idx);
                    self.emit(Op::CreateClosure, &[f as i64, k]);
                    self.emit(Op::Move, &[this as i64, d]);
                    let ic = self.ic();
                    self.emit(Op::CallMethod, &[f as i64, f as i64, this as i64, 0, ic]);
                }
                ClassElement::AccessorProperty(a) => {
                    return self.err(a.span, "accessor properties are not supported");
                }
                ClassElement::TSIndexSignature(_) => {}
            }
            self.reg_release(m2);
        }
        if !fields.is_empty() {
            let idx = self.fields_initializer(&fields, c.body.span.start)?;
            let f = self.temp()?;
            let k = self.const_code(idx);
            self.emit(Op::CreateClosure, &[f as i64, k]);
            self.emit(Op::SetClassFields, &[d, f as i64]);
        }
        self.pop_scope();
        self.reg_release(m);
        Ok(())
    }

    /// Defines `obj[key] = v` as an own property (private names are non-enumerable).
    fn define_key(
        &mut self,
        obj: u16,
        key: Result<String, u16>,
        v: u16,
        private: bool,
    ) -> CResult<()> {
        match key {
            Ok(n)
                if !private
                    && crate::js::string::parse_index(&crate::js::string::utf16(&n)).is_none() =>
            {
                let a = self.atom(&n);
                self.emit(Op::DefineField, &[obj as i64, a, v as i64]);
            }
            Ok(n) => {
                let k = self.temp()?;
                self.load_str(&n, k);
                let op = if private {
                    Op::DefineMethod
                } else {
                    Op::DefineElement
                };
                self.emit(op, &[obj as i64, k as i64, v as i64]);
            }
            Err(k) => {
                self.emit(Op::DefineElement, &[obj as i64, k as i64, v as i64]);
            }
        }
        Ok(())
    }

    fn default_ctor(&mut self, name: &str, span_start: u32, derived: bool) -> CResult<usize> {
        let mut st = FnState::new(span_start, false);
        st.flags = F_STRICT
            | F_CLASS_CTOR
            | F_GENERATED_CTOR
            | if derived { F_DERIVED | F_HAS_REST } else { 0 };
        self.fns.push(st);
        let r0 = self.temp()?;
        let r1 = self.temp()?;
        if derived {
            self.emit(Op::SuperCallSpread, &[r1 as i64, r0 as i64]);
            self.emit(Op::BindThis, &[r1 as i64]);
            self.emit(Op::Return, &[r1 as i64]);
        } else {
            self.emit(Op::LoadUndefined, &[r1 as i64]);
            self.emit(Op::Return, &[r1 as i64]);
        }
        self.finish_fn(name.to_string(), 0, 0, r0)
    }

    /// `static { ... }` (ES2025 15.7.11 ClassStaticBlockDefinitionEvaluation): a function
    /// body of its own (its `var`s are its own), strict, called with `this` the class.
    fn static_block(&mut self, s: &'a StaticBlock<'a>) -> CResult<usize> {
        let start = s.span.start;
        let mut st = FnState::new(start, false);
        st.flags = F_STRICT | F_METHOD | F_NO_PROTOTYPE;
        self.fns.push(st);
        self.push_scope(ScopeKind::Function);
        self.declare_this_binding(start);
        let mut decls = Vec::new();
        Self::collect_vars(&s.body, &mut decls);
        Self::collect_lexical(&s.body, &mut decls);
        self.declare_all(decls)?;
        self.hoist_functions(&s.body)?;
        self.statements(&s.body)?;
        let t = self.temp()?;
        self.emit(Op::LoadUndefined, &[t as i64]);
        self.emit(Op::Return, &[t as i64]);
        self.pop_scope_silent();
        self.finish_fn("<static_initializer>".into(), 0, 0, 0)
    }

    fn fields_initializer(
        &mut self,
        fields: &[&'a PropertyDefinition<'a>],
        span_start: u32,
    ) -> CResult<usize> {
        let mut st = FnState::new(span_start, false);
        st.flags = F_STRICT | F_METHOD | F_NO_PROTOTYPE;
        self.fns.push(st);
        self.push_scope(ScopeKind::Function);
        self.declare_this_binding(span_start);
        self.declare_all(Vec::new())?;
        let this = self.temp()?;
        self.load_var("this", span_start, this)?;
        for p in fields {
            let m = self.reg_mark();
            let key = self.property_key(&p.key, p.computed)?;
            let v = self.temp()?;
            match &p.value {
                Some(e) => self.expr_named(e, v, key.as_ref().map(|s| s.as_str()).unwrap_or(""))?,
                None => {
                    self.emit(Op::LoadUndefined, &[v as i64]);
                }
            }
            self.define_key(this, key, v, p.key.is_private_identifier())?;
            self.reg_release(m);
        }
        let t = self.temp()?;
        self.emit(Op::LoadUndefined, &[t as i64]);
        self.emit(Op::Return, &[t as i64]);
        self.pop_scope_silent();
        self.finish_fn("<instance_members_initializer>".into(), 0, 0, 0)
    }
}
