//! Private names in compiled code. A class body declares a binding `#x` per private name it
//! declares (`class.rs`), holding that evaluation's private name (`js::private_names`); a
//! `#x` reference resolves like any identifier, so methods, initializers, nested classes,
//! arrows and direct eval reach the innermost class's name, and an undeclared one is an
//! early SyntaxError.

use std::collections::HashSet;
use std::sync::Mutex;

use oxc_ast::ast::*;

use super::scope::Res;
use super::{CResult, Compiler};
use crate::js::bytecode::Op;

/// The binding name of private name `#name`. Binding names borrow from the source, but a
/// private identifier may be spelt with escapes (`#\u0078` is `#x`), so the canonical
/// spelling is interned here once per distinct name for the life of the process.
pub(crate) fn binding_name(name: &str) -> &'static str {
    static NAMES: Mutex<Option<HashSet<&'static str>>> = Mutex::new(None);
    let key = format!("#{name}");
    let mut names = NAMES.lock().unwrap_or_else(|e| e.into_inner());
    let set = names.get_or_insert_with(HashSet::new);
    if let Some(s) = set.get(key.as_str()) {
        return s;
    }
    let s: &'static str = Box::leak(key.into_boxed_str());
    set.insert(s);
    s
}

impl<'a, 'v> Compiler<'a, 'v> {
    /// Loads the private name `#id` into `dst`; an early SyntaxError if no enclosing class
    /// declares it.
    pub(crate) fn private_name(&mut self, id: &PrivateIdentifier<'a>, dst: u16) -> CResult<()> {
        let n = binding_name(id.name.as_str());
        if matches!(self.resolve(n).0, Res::Global) {
            return self.err(
                id.span,
                &format!("Private field '{n}' must be declared in an enclosing class"),
            );
        }
        self.load_var_static(n, id.span.start, dst)
    }

    /// [`Self::private_name`] into a fresh temporary.
    pub(crate) fn private_name_temp(&mut self, id: &PrivateIdentifier<'a>) -> CResult<u16> {
        let t = self.temp()?;
        self.private_name(id, t)?;
        Ok(t)
    }

    /// `dst = obj.#id`.
    pub(crate) fn private_get(
        &mut self,
        obj: u16,
        id: &PrivateIdentifier<'a>,
        dst: u16,
    ) -> CResult<()> {
        let m = self.reg_mark();
        let n = self.private_name_temp(id)?;
        self.emit(Op::GetPrivate, &[dst as i64, obj as i64, n as i64]);
        self.reg_release(m);
        Ok(())
    }

    /// `#id in obj` into `dst`.
    pub(crate) fn private_in(&mut self, p: &'a PrivateInExpression<'a>, dst: u16) -> CResult<()> {
        let m = self.reg_mark();
        let n = self.private_name_temp(&p.left)?;
        let o = self.expr_reg(&p.right)?;
        self.emit(Op::HasPrivate, &[dst as i64, n as i64, o as i64]);
        self.reg_release(m);
        Ok(())
    }
}
