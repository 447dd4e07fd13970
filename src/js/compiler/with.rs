//! The `with` statement (sloppy mode, ES2025 14.11): the object goes in a hidden binding of
//! a scope of its own, and every identifier reference lexically inside the body — in nested
//! functions too — that does not resolve to a binding declared inside the body first asks
//! each enclosing `with` object, innermost first, whether it has the name (`WithHas`: the
//! property is there and not blocked by `Symbol.unscopables`); only if none has it does the
//! reference resolve as it would without the `with`.

use oxc_ast::ast::*;

use super::scope::{BKind, Decl, ScopeKind};
use super::{CResult, Compiler};
use crate::js::bytecode::Op;

/// Names of the hidden bindings holding the objects of nested `with` statements.
const WITH_NAMES: [&str; 8] = [
    "%with0", "%with1", "%with2", "%with3", "%with4", "%with5", "%with6", "%with7",
];

impl<'a> Compiler<'a, '_> {
    pub(crate) fn with_stmt(&mut self, w: &'a WithStatement<'a>) -> CResult<()> {
        let depth = self.with_depth();
        let Some(&name) = WITH_NAMES.get(depth) else {
            return self.err(w.span, "'with' statements nested too deeply");
        };
        let m = self.reg_mark();
        let obj = self.temp()?;
        self.expr(&w.object, obj)?;
        // ToObject: null and undefined throw.
        self.emit(Op::RequireObjectCoercible, &[obj as i64]);
        self.push_scope(ScopeKind::With);
        self.declare_all(vec![Decl {
            name,
            key: (1 << 40) | w.span.start as u64,
            kind: BKind::Let,
            decl_end: 0,
        }])?;
        self.store_var(name, obj, true)?;
        self.statement(&w.body)?;
        self.pop_scope();
        self.reg_release(m);
        Ok(())
    }

    /// How many `with` scopes enclose the current position (in every function).
    fn with_depth(&self) -> usize {
        self.fns
            .iter()
            .flat_map(|f| &f.scopes)
            .filter(|s| s.kind == ScopeKind::With)
            .count()
    }

    /// The hidden names of the `with` objects a reference to `name` must ask first:
    /// those of the `with` scopes between the reference and `name`'s binding.
    pub(crate) fn with_chain(&self, name: &str) -> Vec<&'static str> {
        let mut out = Vec::new();
        if name.starts_with('%') || name == "this" {
            return out;
        }
        for f in self.fns.iter().rev() {
            for s in f.scopes.iter().rev() {
                if s.bindings.iter().any(|b| b.name == name) {
                    return out;
                }
                if s.kind == ScopeKind::With
                    && let Some(b) = s.bindings.first()
                    && let Some(&n) = WITH_NAMES.iter().find(|n| **n == b.name)
                {
                    out.push(n);
                }
            }
        }
        out
    }

    /// For each object of `chain`: if it has `name`, `found(obj)` runs and control goes to
    /// the end; otherwise the next. Returns the jumps to the end (after the fallback code,
    /// which the caller emits, patch them there).
    fn with_dispatch(
        &mut self,
        chain: &[&'static str],
        name: &str,
        pos: u32,
        mut found: impl FnMut(&mut Self, u16) -> CResult<()>,
    ) -> CResult<Vec<usize>> {
        let a = self.atom(name);
        let mut ends = Vec::new();
        for w in chain {
            let m = self.reg_mark();
            let o = self.temp()?;
            self.load_var(w, pos, o)?;
            let t = self.temp()?;
            self.emit(Op::WithHas, &[t as i64, o as i64, a]);
            let miss = self.emit(Op::JumpIfFalse, &[t as i64, 0]);
            found(self, o)?;
            ends.push(self.jump());
            self.patch_here(miss);
            self.reg_release(m);
        }
        Ok(ends)
    }

    /// `load_var` inside `with` bodies: the objects first.
    pub(crate) fn with_load(
        &mut self,
        chain: &[&'static str],
        name: &str,
        pos: u32,
        dst: u16,
    ) -> CResult<Vec<usize>> {
        let a = self.atom(name);
        self.with_dispatch(chain, name, pos, |c, o| {
            let ic = c.ic();
            c.emit(Op::GetPropertyByName, &[dst as i64, o as i64, a, ic]);
            Ok(())
        })
    }

    /// `store_var` inside `with` bodies: the objects first.
    pub(crate) fn with_store(
        &mut self,
        chain: &[&'static str],
        name: &str,
        src: u16,
    ) -> CResult<Vec<usize>> {
        let a = self.atom(name);
        self.with_dispatch(chain, name, 0, |c, o| {
            let ic = c.ic();
            c.emit(Op::SetPropertyByName, &[o as i64, a, src as i64, ic]);
            Ok(())
        })
    }

    /// `delete name` inside `with` bodies: deletes the property of the first object that
    /// has it.
    pub(crate) fn with_delete(
        &mut self,
        chain: &[&'static str],
        name: &str,
        dst: u16,
    ) -> CResult<Vec<usize>> {
        self.with_dispatch(chain, name, 0, |c, o| {
            let k = c.temp()?;
            c.load_str(name, k);
            c.emit(Op::DeleteProperty, &[dst as i64, o as i64, k as i64]);
            Ok(())
        })
    }

    /// A call of `name` inside `with` bodies: the function from the first object that has
    /// it, called with that object as `this`; otherwise the ordinary binding and `this`
    /// undefined.
    pub(crate) fn with_callee(
        &mut self,
        chain: &[&'static str],
        name: &str,
        pos: u32,
        f: u16,
        this: u16,
    ) -> CResult<()> {
        let a = self.atom(name);
        let ends = self.with_dispatch(chain, name, pos, |c, o| {
            let ic = c.ic();
            c.emit(Op::GetPropertyByName, &[f as i64, o as i64, a, ic]);
            c.emit(Op::Move, &[this as i64, o as i64]);
            Ok(())
        })?;
        self.load_var_static(name, pos, f)?;
        self.emit(Op::LoadUndefined, &[this as i64]);
        self.patch_all_here(ends);
        Ok(())
    }
}
