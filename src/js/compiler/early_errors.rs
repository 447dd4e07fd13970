//! Early errors the parser leaves to us (ES2025 15.1.1, 15.2.1, 15.3.1, 15.8.1, 13.3.7.1):
//! `eval`/`arguments` as binding names in strict code, duplicate parameters where they are
//! not allowed, and `super` outside the functions that may contain it.
//!
//! `super` is checked where the compiler meets it, against the nearest enclosing non-arrow
//! function: `super.x` needs a method (object literal or class method, accessor, class
//! constructor or field initializer: the flags `F_METHOD`/`F_CLASS_CTOR`), `super(...)` a
//! derived class constructor. Direct eval code is compiled inside a stand-in for its caller
//! (`direct_eval`) whose flags say what the caller's nearest non-arrow function allowed, so the
//! same walk answers for eval code (ES2025 19.2.1.1 PerformEval steps 5-6).

use oxc_ast::ast::*;

use super::scope::{BKind, Decl};
use super::{CResult, CompileError, Compiler};
use crate::js::bytecode::{F_CLASS_CTOR, F_DERIVED, F_METHOD, F_STRICT};

/// What the nearest non-arrow function allows.
#[derive(Clone, Copy)]
pub(crate) struct SuperContext {
    /// `super.x` / `super[x]`.
    pub property: bool,
    /// `super(...)`.
    pub call: bool,
}

impl<'a> Compiler<'a, '_> {
    /// The `super` forms allowed at this point of the code being compiled.
    pub(crate) fn super_context(&self) -> SuperContext {
        let f = self.fns.iter().rev().find(|f| !f.is_arrow);
        let flags = f.map_or(0, |f| f.flags);
        SuperContext {
            property: flags & (F_METHOD | F_CLASS_CTOR) != 0,
            call: flags & F_CLASS_CTOR != 0 && flags & F_DERIVED != 0,
        }
    }

    /// `super.x` here: a SyntaxError outside methods.
    pub(crate) fn check_super_property(&self, span: oxc_span::Span) -> CResult<()> {
        if self.super_context().property {
            return Ok(());
        }
        self.err(span, "'super' keyword unexpected here")
    }

    /// `super(...)` here: a SyntaxError outside derived class constructors.
    pub(crate) fn check_super_call(&self, span: oxc_span::Span) -> CResult<()> {
        if self.super_context().call {
            return Ok(());
        }
        self.err(span, "'super' keyword unexpected here")
    }

    /// The parameter list of the function being compiled (flags already final): in strict
    /// code no parameter may be named `eval` or `arguments` (13.1.1); no two parameters may
    /// share a name in strict code, arrow functions, methods, or lists that are not simple
    /// (15.1.1, 15.3.1, 15.4.1).
    pub(crate) fn check_params(
        &self,
        params: &'a FormalParameters<'a>,
        is_arrow: bool,
        simple: bool,
    ) -> CResult<()> {
        let flags = self.fns.last().map_or(0, |f| f.flags);
        let strict = flags & F_STRICT != 0;
        let mut names: Vec<Decl<'a>> = Vec::new();
        for p in &params.items {
            Self::pattern_names(&p.pattern, BKind::Param, 0, &mut names);
        }
        if let Some(r) = &params.rest {
            Self::pattern_names(&r.rest.argument, BKind::Param, 0, &mut names);
        }
        let unique = strict || is_arrow || !simple || flags & F_METHOD != 0;
        for (i, d) in names.iter().enumerate() {
            if strict && (d.name == "eval" || d.name == "arguments") {
                return Err(CompileError {
                    message: format!("Unexpected eval or arguments in strict mode ('{}')", d.name),
                    offset: d.key as u32,
                });
            }
            if unique && names[..i].iter().any(|o| o.name == d.name) {
                return Err(CompileError {
                    message: format!("Duplicate parameter name '{}' not allowed here", d.name),
                    offset: d.key as u32,
                });
            }
        }
        Ok(())
    }

    /// A function's own name in strict code (the function's body may make it strict) may
    /// not be `eval` or `arguments` (15.2.1).
    pub(crate) fn check_function_name(
        &self,
        id: Option<&BindingIdentifier<'a>>,
        strict: bool,
    ) -> CResult<()> {
        match id {
            Some(id) if strict && (id.name == "eval" || id.name == "arguments") => self.err(
                id.span,
                &format!(
                    "Unexpected eval or arguments in strict mode ('{}')",
                    id.name
                ),
            ),
            _ => Ok(()),
        }
    }
}

/// Script and eval code may not contain `import`/`export` declarations (ES2025 16.1: they
/// belong to the Module goal only).
pub(crate) fn check_no_module_items(program: &Program<'_>) -> CResult<()> {
    match program.body.iter().find(|s| s.is_module_declaration()) {
        Some(s) => Err(CompileError {
            message: "Cannot use import or export declarations outside a module".into(),
            offset: oxc_span::GetSpan::span(s).start,
        }),
        None => Ok(()),
    }
}
