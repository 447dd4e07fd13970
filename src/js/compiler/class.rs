//! Classes: constructor (explicit or default), prototype and static methods, accessors,
//! instance fields (compiled into an initializer run on construction) and static fields.

use oxc_ast::ast::*;
use oxc_span::GetSpan;

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
        // The heritage sees the outer private names; everything after it the class's own.
        self.declare_private_environment(c)?;
        let mut ctors = c.body.body.iter().filter_map(|e| match e {
            ClassElement::MethodDefinition(md) if md.kind == MethodDefinitionKind::Constructor => {
                Some(md)
            }
            _ => None,
        });
        let ctor = ctors.next();
        if let Some(dup) = ctors.next() {
            return self.err(dup.key.span(), "A class may only have one constructor");
        }
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
        let mut fields: Vec<(&'a PropertyDefinition<'a>, FieldKey<'a>)> = Vec::new();
        let mut statics: Vec<StaticElement<'a>> = Vec::new();
        let mut computed_keys = 0u32;
        let (mut instance_methods, mut static_methods) = (Vec::new(), Vec::new());
        for el in &c.body.body {
            let m2 = self.reg_mark();
            match el {
                ClassElement::MethodDefinition(md) => {
                    if md.kind == MethodDefinitionKind::Constructor {
                        continue;
                    }
                    let target = if md.r#static { dst } else { proto };
                    if let PropertyKey::PrivateIdentifier(id) = &md.key {
                        self.private_method(md, id, target)?;
                        let list = if md.r#static {
                            &mut static_methods
                        } else {
                            &mut instance_methods
                        };
                        if !list.iter().any(|n: &&PrivateIdentifier| n.name == id.name) {
                            list.push(&**id);
                        }
                        self.reg_release(m2);
                        continue;
                    }
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
                    // A computed key is evaluated (and converted) now, in element order.
                    let key = self.field_key(p, &mut computed_keys)?;
                    if p.r#static {
                        statics.push(StaticElement::Field(p, key));
                    } else {
                        fields.push((p, key));
                    }
                }
                ClassElement::StaticBlock(s) => statics.push(StaticElement::Block(s)),
                ClassElement::AccessorProperty(a) => {
                    return self.err(a.span, "accessor properties are not supported");
                }
                ClassElement::TSIndexSignature(_) => {}
            }
            self.reg_release(m2);
        }
        // ES2025 15.7.14 ClassDefinitionEvaluation, steps 29–34: the instance elements
        // are recorded on F, then F gets its static private methods, then the static
        // fields and blocks run in order, each as a method of F.
        if !fields.is_empty() || !instance_methods.is_empty() {
            let idx = self.fields_initializer(&instance_methods, &fields, c.body.span.start)?;
            let m2 = self.reg_mark();
            let f = self.temp()?;
            let k = self.const_code(idx);
            self.emit(Op::CreateClosure, &[f as i64, k]);
            self.emit(Op::SetClassFields, &[d, f as i64]);
            self.reg_release(m2);
        }
        for id in static_methods {
            let m2 = self.reg_mark();
            let n = self.private_name_temp(id)?;
            self.emit(Op::AddPrivateMethod, &[d, n as i64]);
            self.reg_release(m2);
        }
        for s in statics {
            let m2 = self.reg_mark();
            let idx = match s {
                StaticElement::Field(p, key) => self.static_field(p, &key)?,
                StaticElement::Block(b) => self.static_block(b)?,
            };
            let f = self.temp()?;
            let this = self.temp()?;
            let k = self.const_code(idx);
            self.emit(Op::CreateClosure, &[f as i64, k]);
            self.emit(Op::SetHomeObject, &[f as i64, d]);
            self.emit(Op::Move, &[this as i64, d]);
            let ic = self.ic();
            self.emit(Op::CallMethod, &[f as i64, f as i64, this as i64, 0, ic]);
            self.reg_release(m2);
        }
        self.pop_scope();
        self.pop_scope();
        self.reg_release(m);
        Ok(())
    }

    /// Declares the class's private names (ES2025 15.7.14 step 6) in a scope of their own,
    /// each bound to a fresh private name, and the hidden array of computed field keys if
    /// any field has one.
    fn declare_private_environment(&mut self, c: &'a Class<'a>) -> CResult<()> {
        self.push_scope(ScopeKind::Block);
        let mut decls: Vec<Decl<'a>> = Vec::new();
        // (name, static, kind: 0 field/method, 1 getter, 2 setter) of each declaration, for
        // the duplicate check: only a getter and a setter of the same placement may share.
        let mut seen: Vec<(&str, bool, u8)> = Vec::new();
        let mut computed_fields = false;
        for el in &c.body.body {
            let (key, is_static, kind, span) = match el {
                ClassElement::MethodDefinition(md) => {
                    let kind = match md.kind {
                        MethodDefinitionKind::Get => 1,
                        MethodDefinitionKind::Set => 2,
                        _ => 0,
                    };
                    (&md.key, md.r#static, kind, md.span)
                }
                ClassElement::PropertyDefinition(p) => {
                    computed_fields |= p.computed;
                    (&p.key, p.r#static, 0, p.span)
                }
                _ => continue,
            };
            let PropertyKey::PrivateIdentifier(id) = key else {
                continue;
            };
            let name = super::private::binding_name(id.name.as_str());
            let clash = seen.iter().any(|&(n, st, k)| {
                n == name && (k == 0 || kind == 0 || k == kind || st != is_static)
            });
            if clash {
                return self.err(
                    span,
                    &format!("Identifier '{name}' has already been declared"),
                );
            }
            if !seen.iter().any(|&(n, _, _)| n == name) {
                decls.push(Decl {
                    name,
                    key: (7u64 << 40) | id.span.start as u64,
                    kind: BKind::Var,
                    decl_end: 0,
                });
            }
            seen.push((name, is_static, kind));
        }
        if computed_fields {
            decls.push(Decl {
                name: FIELD_KEYS,
                key: (6u64 << 40) | c.span.start as u64,
                kind: BKind::Var,
                decl_end: 0,
            });
        }
        let names: Vec<&'a str> = decls.iter().map(|d| d.name).collect();
        self.declare_all(decls)?;
        let m = self.reg_mark();
        let t = self.temp()?;
        for name in names {
            if name == FIELD_KEYS {
                self.emit(Op::NewArray, &[t as i64]);
            } else {
                let is_static = seen.iter().any(|&(n, st, _)| n == name && st);
                let class = c.id.as_ref().map_or("anonymous", |id| id.name.as_str());
                let brand = if is_static {
                    format!("class {class}")
                } else {
                    format!("an instance of class {class}")
                };
                let (k, b) = (self.const_str(name), self.const_str(&brand));
                self.emit(Op::NewPrivateName, &[t as i64, k, b]);
            }
            self.store_var(name, t, true)?;
        }
        self.reg_release(m);
        Ok(())
    }

    /// A private method or accessor: made once, recorded with its private name, added to
    /// each instance (or to the class) by `AddPrivateMethod`.
    fn private_method(
        &mut self,
        md: &'a MethodDefinition<'a>,
        id: &PrivateIdentifier<'a>,
        home: u16,
    ) -> CResult<()> {
        let (prefix, kind) = match md.kind {
            MethodDefinitionKind::Get => ("get ", 1),
            MethodDefinitionKind::Set => ("set ", 2),
            _ => ("", 0),
        };
        let f = self.temp()?;
        self.method_fn(&md.value, f, &format!("{prefix}#{}", id.name), md.span)?;
        let n = self.private_name_temp(id)?;
        self.emit(Op::PrivateMethod, &[n as i64, f as i64, home as i64, kind]);
        Ok(())
    }

    /// A field's key: its static name, its private name, or its computed key evaluated and
    /// converted now and kept in the class's hidden key array.
    fn field_key(
        &mut self,
        p: &'a PropertyDefinition<'a>,
        computed_keys: &mut u32,
    ) -> CResult<FieldKey<'a>> {
        if let PropertyKey::PrivateIdentifier(id) = &p.key {
            return Ok(FieldKey::Private(id));
        }
        match self.property_key(&p.key, p.computed)? {
            // ES2025 15.7.1 early errors of FieldDefinition.
            Ok(n) if n == "constructor" => self.err(
                p.key.span(),
                "Classes may not have a field named 'constructor'",
            ),
            Ok(n) if n == "prototype" && p.r#static => self.err(
                p.key.span(),
                "Classes may not have a static property named 'prototype'",
            ),
            Ok(n) => Ok(FieldKey::Named(n)),
            Err(k) => {
                self.emit(Op::ToPropertyKey, &[k as i64, k as i64]);
                let m = self.reg_mark();
                let arr = self.temp()?;
                self.load_var_static(FIELD_KEYS, p.span.start, arr)?;
                self.emit(Op::ArrayPush, &[arr as i64, k as i64]);
                self.reg_release(m);
                *computed_keys += 1;
                Ok(FieldKey::Computed(*computed_keys - 1))
            }
        }
    }

    /// Evaluates field `p`'s initializer and defines the field on `obj`.
    fn define_field(
        &mut self,
        obj: u16,
        p: &'a PropertyDefinition<'a>,
        key: &FieldKey<'a>,
    ) -> CResult<()> {
        let m = self.reg_mark();
        let v = self.temp()?;
        let k = match key {
            FieldKey::Computed(i) => {
                let arr = self.temp()?;
                let k = self.temp()?;
                self.load_var_static(FIELD_KEYS, p.span.start, arr)?;
                self.load_number(*i as f64, k);
                self.emit(Op::GetElement, &[k as i64, arr as i64, k as i64]);
                Some(k)
            }
            _ => None,
        };
        let name = match key {
            FieldKey::Named(n) => n.clone(),
            FieldKey::Private(id) => format!("#{}", id.name),
            FieldKey::Computed(_) => String::new(),
        };
        match &p.value {
            Some(e) => {
                self.expr_named(e, v, &name)?;
                if let Some(k) = k
                    && is_anonymous_definition(e)
                {
                    self.emit(Op::SetFunctionName, &[v as i64, k as i64]);
                }
            }
            None => {
                self.emit(Op::LoadUndefined, &[v as i64]);
            }
        }
        match key {
            FieldKey::Private(id) => {
                let n = self.private_name_temp(id)?;
                self.emit(Op::DefinePrivate, &[obj as i64, n as i64, v as i64]);
            }
            FieldKey::Computed(_) => {
                let k = k.expect("computed key");
                self.emit(Op::DefineClassField, &[obj as i64, k as i64, v as i64]);
            }
            FieldKey::Named(n) => {
                let k = self.temp()?;
                self.load_str(n, k);
                self.emit(Op::DefineClassField, &[obj as i64, k as i64, v as i64]);
            }
        }
        self.reg_release(m);
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
        st.no_arguments = true;
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

    /// A static field as a method of the class, called once with `this` the class
    /// (ES2025 15.7.10 ClassFieldDefinitionEvaluation: the initializer is a method).
    fn static_field(
        &mut self,
        p: &'a PropertyDefinition<'a>,
        key: &FieldKey<'a>,
    ) -> CResult<usize> {
        let start = p.span.start;
        self.member_function(start, |c| {
            let this = c.temp()?;
            c.load_var("this", start, this)?;
            c.define_field(this, p, key)
        })?;
        self.finish_fn("<static_initializer>".into(), 0, 0, 0)
    }

    /// The class's instance initializer (ES2025 7.3.34 InitializeInstanceElements): its
    /// private methods and accessors, then its fields in order, on `this`.
    fn fields_initializer(
        &mut self,
        methods: &[&'a PrivateIdentifier<'a>],
        fields: &[(&'a PropertyDefinition<'a>, FieldKey<'a>)],
        span_start: u32,
    ) -> CResult<usize> {
        self.member_function(span_start, |c| {
            let this = c.temp()?;
            c.load_var("this", span_start, this)?;
            for id in methods {
                let m = c.reg_mark();
                let n = c.private_name_temp(id)?;
                c.emit(Op::AddPrivateMethod, &[this as i64, n as i64]);
                c.reg_release(m);
            }
            for (p, key) in fields {
                c.define_field(this, p, key)?;
            }
            Ok(())
        })?;
        self.finish_fn("<instance_members_initializer>".into(), 0, 0, 0)
    }

    /// Compiles a strict method-like function with no parameters whose body `body` emits
    /// (class field initializers), returning `undefined`; the caller finishes it.
    fn member_function(
        &mut self,
        span_start: u32,
        body: impl FnOnce(&mut Self) -> CResult<()>,
    ) -> CResult<()> {
        let mut st = FnState::new(span_start, false);
        st.flags = F_STRICT | F_METHOD | F_NO_PROTOTYPE;
        st.no_arguments = true;
        self.fns.push(st);
        self.push_scope(ScopeKind::Function);
        self.declare_this_binding(span_start);
        self.declare_all(Vec::new())?;
        body(self)?;
        let t = self.temp()?;
        self.emit(Op::LoadUndefined, &[t as i64]);
        self.emit(Op::Return, &[t as i64]);
        self.pop_scope_silent();
        Ok(())
    }
}

/// The hidden binding of a class's computed field keys (no identifier can spell it).
const FIELD_KEYS: &str = "%field-keys";

/// A field's key, as known when its initializer runs.
enum FieldKey<'a> {
    Named(String),
    Private(&'a PrivateIdentifier<'a>),
    /// Index in the class's hidden array of computed keys.
    Computed(u32),
}

/// A static element, run in order after the class is defined.
enum StaticElement<'a> {
    Field(&'a PropertyDefinition<'a>, FieldKey<'a>),
    Block(&'a StaticBlock<'a>),
}

/// Whether `e` is an anonymous function or class definition (which takes its name from
/// the key it is assigned to, ES2025 8.4.5 IsAnonymousFunctionDefinition).
fn is_anonymous_definition(e: &Expression) -> bool {
    match e {
        Expression::FunctionExpression(f) => f.id.is_none(),
        Expression::ClassExpression(c) => c.id.is_none(),
        Expression::ArrowFunctionExpression(_) => true,
        Expression::ParenthesizedExpression(p) => is_anonymous_definition(&p.expression),
        _ => false,
    }
}
