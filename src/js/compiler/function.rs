//! Function, arrow and method compilation: parameters (defaults, patterns, rest), `this`,
//! `arguments`, hoisting and the implicit return.

use oxc_ast::ast::*;

use super::scope::{BKind, Decl, ScopeKind, arguments_key};
use super::{CResult, Compiler, FnState};
use crate::js::bytecode::*;

pub(crate) enum Body<'a> {
    Stmts(&'a [Statement<'a>]),
    Expr(&'a Expression<'a>),
}

pub(crate) struct FnSpec<'a> {
    pub name: String,
    pub span: oxc_span::Span,
    pub params: &'a FormalParameters<'a>,
    pub body: Body<'a>,
    pub is_arrow: bool,
    pub flags: u32,
    /// Name bound to the function itself inside it (named function expressions).
    pub self_name: Option<&'a str>,
    /// The body starts with a "use strict" directive.
    pub directive_strict: bool,
}

impl<'a, 'v> Compiler<'a, 'v> {
    pub(crate) fn compile_function(&mut self, spec: FnSpec<'a>) -> CResult<usize> {
        let start = spec.span.start;
        let mut st = FnState::new(start, spec.is_arrow);
        st.src_span = Some((spec.span.start, spec.span.end));
        st.flags = spec.flags;
        // Strictness: inherited from the enclosing function, or a "use strict" directive;
        // class code is always strict.
        let parent_strict = self.fns.last().is_some_and(|f| f.flags & F_STRICT != 0);
        let own_directive = match spec.body {
            Body::Stmts(_) => spec.directive_strict,
            Body::Expr(_) => false,
        };
        let simple = spec.params.rest.is_none()
            && spec.params.items.iter().all(|p| {
                p.initializer.is_none() && matches!(p.pattern, BindingPattern::BindingIdentifier(_))
            });
        if own_directive && !simple {
            // ES2025 15.2.1 early errors.
            return self.err(
                spec.span,
                "Illegal 'use strict' directive in function with non-simple parameter list",
            );
        }
        if parent_strict || own_directive || self.in_class > 0 {
            st.flags |= F_STRICT;
        }
        st.is_derived_ctor = spec.flags & F_DERIVED != 0;
        self.fns.push(st);
        self.check_params(spec.params, spec.is_arrow, simple)?;
        self.push_scope(ScopeKind::Function);
        if let Some(n) = spec.self_name {
            self.declare_callee_binding(n, start);
        }
        let params = spec.params;
        let nparams = params.items.len();
        let mut length = 0u32;
        let mut seen_default = false;
        let mut decls: Vec<Decl<'a>> = Vec::new();
        // With default values, a parameter is in its TDZ until its turn (`(a = b, b) => ...`).
        let has_defaults = params.items.iter().any(|p| p.initializer.is_some());
        for (i, p) in params.items.iter().enumerate() {
            let r = self.temp()?;
            if p.initializer.is_some() {
                seen_default = true;
            }
            if !seen_default {
                length = i as u32 + 1;
            }
            match &p.pattern {
                BindingPattern::BindingIdentifier(id) => {
                    self.declare_param(id.name.as_str(), id.span.start as u64, r);
                    if has_defaults {
                        self.set_last_decl_end(p.span.end);
                    }
                }
                pat => Self::pattern_names(pat, BKind::Param, 0, &mut decls),
            }
        }
        let simple = params.rest.is_none()
            && params.items.iter().all(|p| {
                p.initializer.is_none() && matches!(p.pattern, BindingPattern::BindingIdentifier(_))
            });
        // An `arguments` object unless the body declares its own (ES2025 10.2.11 steps
        // 15-18: a lexical declaration or function named `arguments`) and the parameters
        // are simple (parameter expressions see the object; the body's function replaces
        // it after them).
        let needs_arguments = !spec.is_arrow && self.text(spec.span).contains("arguments") && {
            let mut own = Vec::new();
            if let Body::Stmts(s) = spec.body {
                Self::collect_lexical(s, &mut own);
            }
            !simple || !own.iter().any(|d| d.name == "arguments")
        };
        let mut extra_reg = 0u16;
        if !simple {
            self.f().flags |= F_NON_SIMPLE_PARAMS;
        }
        if let Some(rest) = &params.rest {
            let r = self.temp()?;
            extra_reg = r;
            self.f().flags |= F_HAS_REST;
            match &rest.rest.argument {
                BindingPattern::BindingIdentifier(id) => {
                    self.declare_param(id.name.as_str(), id.span.start as u64, r)
                }
                pat => Self::pattern_names(pat, BKind::Param, 0, &mut decls),
            }
            // `arguments` next to a rest parameter lives in the register after the rest array.
            if needs_arguments {
                let a = self.temp()?;
                debug_assert_eq!(a, r + 1);
                self.f().flags |= F_USES_ARGUMENTS;
                self.declare_param("arguments", arguments_key(start), a);
            }
        } else if needs_arguments {
            let r = self.temp()?;
            extra_reg = r;
            self.f().flags |= F_USES_ARGUMENTS;
            self.declare_param("arguments", arguments_key(start), r);
        }
        if !spec.is_arrow {
            self.declare_this_binding(start);
        }
        let stmts: &'a [Statement<'a>] = match spec.body {
            Body::Stmts(s) => s,
            Body::Expr(_) => &[],
        };
        Self::collect_vars(stmts, &mut decls);
        Self::collect_lexical(stmts, &mut decls);
        let mut excluded = Self::lexical_names(stmts);
        excluded.extend(
            decls
                .iter()
                .filter(|d| d.kind == BKind::Param)
                .map(|d| d.name),
        );
        excluded.extend(self.scope_names(BKind::Param));
        let annex_b = self.annex_b_vars(stmts, &excluded);
        decls.extend(annex_b);
        self.declare_all(decls)?;
        // An async function settles its promise on every completion, from here on: the
        // parameters' defaults and destructuring included.
        let async_body = if spec.flags & (F_ASYNC | F_GENERATOR) == F_ASYNC {
            Some(self.async_start()?)
        } else {
            None
        };
        // Defaults and destructuring parameters. Simple parameters start out EMPTY (TDZ: a
        // default may not read its own or a later parameter) and get their argument back
        // when their turn comes.
        let mut saved: Vec<u16> = Vec::new();
        self.f().in_params = true;
        if has_defaults {
            for (i, p) in params.items.iter().enumerate() {
                if matches!(p.pattern, BindingPattern::BindingIdentifier(_)) {
                    let t = self.temp()?;
                    self.emit(Op::Move, &[t as i64, i as i64]);
                    self.emit(Op::LoadEmpty, &[i as i64]);
                    saved.push(t);
                } else {
                    saved.push(i as u16);
                }
            }
        }
        for (i, p) in params.items.iter().enumerate() {
            let r = i as u16;
            if has_defaults && saved[i] != r {
                self.emit(Op::Move, &[r as i64, saved[i] as i64]);
            }
            if let Some(init) = &p.initializer {
                let j = self.emit(Op::JumpIfNotUndefined, &[r as i64, 0]);
                match &p.pattern {
                    BindingPattern::BindingIdentifier(id) => {
                        // Its own default may not read it either (TDZ).
                        self.emit(Op::LoadEmpty, &[r as i64]);
                        self.store_var(id.name.as_str(), r, true)?;
                        self.expr_named(init, r, id.name.as_str())?;
                        self.store_var(id.name.as_str(), r, true)?;
                    }
                    _ => self.expr(init, r)?,
                }
                self.patch_here(j);
            }
            if !matches!(p.pattern, BindingPattern::BindingIdentifier(_)) {
                self.bind_pattern(&p.pattern, r, true)?;
            }
        }
        if let Some(rest) = &params.rest
            && !matches!(rest.rest.argument, BindingPattern::BindingIdentifier(_))
        {
            self.bind_pattern(&rest.rest.argument, extra_reg, true)?;
        }
        self.f().in_params = false;
        self.hoist_functions(stmts)?;
        if spec.flags & F_GENERATOR != 0 {
            self.generator_start()?;
        }
        match spec.body {
            Body::Stmts(s) => {
                self.statements(s)?;
                let t = self.temp()?;
                self.emit(Op::LoadUndefined, &[t as i64]);
                self.emit_final_return(t)?;
            }
            Body::Expr(e) => {
                let t = self.temp()?;
                self.expr(e, t)?;
                self.emit_return(t)?;
            }
        }
        if let Some(a) = async_body {
            self.async_end(a)?;
        }
        self.pop_scope_silent();
        self.finish_fn(spec.name, nparams as u32, length, extra_reg)
    }

    pub(crate) fn function_expr(
        &mut self,
        f: &'a Function<'a>,
        dst: u16,
        name: Option<&str>,
    ) -> CResult<()> {
        let Some(body) = &f.body else {
            return self.err(f.span, "function without body");
        };
        let own = f.id.as_ref().map(|i| i.name.as_str());
        let is_expr = f.r#type == FunctionType::FunctionExpression;
        let idx = self.compile_function(FnSpec {
            name: own.or(name).unwrap_or("").to_string(),
            span: f.span,
            params: &f.params,
            body: Body::Stmts(&body.statements),
            is_arrow: false,
            flags: if f.generator && f.r#async {
                F_GENERATOR | F_ASYNC
            } else if f.generator {
                F_GENERATOR
            } else if f.r#async {
                F_ASYNC | F_NO_PROTOTYPE
            } else {
                0
            },
            self_name: if is_expr { own } else { None },
            directive_strict: body
                .directives
                .iter()
                .any(|d| d.directive.as_str() == "use strict"),
        })?;
        self.check_function_name(f.id.as_ref(), self.vm.codes[idx].flags & F_STRICT != 0)?;
        let k = self.const_code(idx);
        self.emit(Op::CreateClosure, &[dst as i64, k]);
        Ok(())
    }

    /// A method (object literal or class): no `prototype`, has a home object.
    pub(crate) fn method_fn(
        &mut self,
        f: &'a Function<'a>,
        dst: u16,
        name: &str,
        source_span: oxc_span::Span,
    ) -> CResult<()> {
        let Some(body) = &f.body else {
            return self.err(f.span, "method without body");
        };
        let idx = self.compile_function(FnSpec {
            name: name.to_string(),
            span: f.span,
            params: &f.params,
            body: Body::Stmts(&body.statements),
            is_arrow: false,
            // A generator method has a `prototype` (for its generator objects) but is no
            // more a constructor than other methods.
            flags: if f.generator {
                F_METHOD | F_GENERATOR | if f.r#async { F_ASYNC } else { 0 }
            } else if f.r#async {
                F_METHOD | F_NO_PROTOTYPE | F_ASYNC
            } else {
                F_METHOD | F_NO_PROTOTYPE
            },
            self_name: None,
            directive_strict: body
                .directives
                .iter()
                .any(|d| d.directive.as_str() == "use strict"),
        })?;
        // `toString` of a method shows the whole definition (`m() { ... }`).
        let text = self.text(source_span);
        let text = match text.strip_prefix("static") {
            Some(t) if t.starts_with(char::is_whitespace) => t.trim_start(),
            _ => text,
        };
        self.vm.codes[idx].source = Some(std::rc::Rc::from(text));
        let k = self.const_code(idx);
        self.emit(Op::CreateClosure, &[dst as i64, k]);
        Ok(())
    }

    pub(crate) fn arrow_expr(
        &mut self,
        a: &'a ArrowFunctionExpression<'a>,
        dst: u16,
        name: &str,
    ) -> CResult<()> {
        let body = match &a.body {
            ArrowFunctionBody::FunctionBody(b) => Body::Stmts(&b.statements),
            other => match other.as_expression() {
                Some(e) => Body::Expr(e),
                None => return self.err(a.span, "bad arrow body"),
            },
        };
        let idx = self.compile_function(FnSpec {
            name: name.to_string(),
            span: a.span,
            params: &a.params,
            body,
            is_arrow: true,
            flags: F_ARROW | F_NO_PROTOTYPE | if a.r#async { F_ASYNC } else { 0 },
            self_name: None,
            directive_strict: matches!(&a.body, ArrowFunctionBody::FunctionBody(b) if b.directives.iter().any(|d| d.directive.as_str() == "use strict")),
        })?;
        let k = self.const_code(idx);
        self.emit(Op::CreateClosure, &[dst as i64, k]);
        Ok(())
    }
}
