//! Scopes and bindings: declaration (with hoisting), capture-driven placement in registers or
//! context slots, and name resolution to loads/stores.

use oxc_ast::ast::*;

use super::{CResult, Compiler};
use crate::js::bytecode::{F_STRICT, Op};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ScopeKind {
    Function,
    Block,
    /// A `with` statement's scope: holds the hidden binding of its object (`compiler::with`).
    With,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BLoc {
    Reg(u16),
    Ctx(u16),
    /// The frame's `this` header slot.
    This,
    /// The frame's callee header slot (named function expressions).
    Callee,
    /// A module's import binding: its binding cell (`Compiler::import_cells` index).
    Import(u16),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BKind {
    Var,
    Let,
    Const,
    Param,
    Func,
    Class,
    This,
    Callee,
}

pub struct Binding<'a> {
    pub name: &'a str,
    pub loc: BLoc,
    pub kind: BKind,
    pub key: u64,
    /// Source offset after which the binding is certainly initialised (TDZ analysis).
    pub decl_end: u32,
}

pub struct Scope<'a> {
    pub kind: ScopeKind,
    pub bindings: Vec<Binding<'a>>,
    pub has_ctx: bool,
    pub ctx_slots: u32,
    pub reg_mark: u32,
}

/// A declaration found while hoisting.
pub struct Decl<'a> {
    pub name: &'a str,
    pub key: u64,
    pub kind: BKind,
    pub decl_end: u32,
}

/// Result of resolving a name.
#[derive(Clone, Copy, Debug)]
pub enum Res {
    Reg(u16),
    Ctx(u8, u16),
    This,
    Callee,
    /// An import binding (`Compiler::import_cells` index).
    Import(u16),
    Global,
}

pub fn this_key(fn_start: u32) -> u64 {
    (1u64 << 40) | fn_start as u64
}
pub fn callee_key(fn_start: u32) -> u64 {
    (2u64 << 40) | fn_start as u64
}
pub fn arguments_key(fn_start: u32) -> u64 {
    (3u64 << 40) | fn_start as u64
}

impl<'a, 'v> Compiler<'a, 'v> {
    pub(crate) fn push_scope(&mut self, kind: ScopeKind) {
        let m = self.reg_mark();
        self.f().scopes.push(Scope {
            kind,
            bindings: Vec::new(),
            has_ctx: false,
            ctx_slots: 0,
            reg_mark: m,
        });
    }
    pub(crate) fn pop_scope(&mut self) {
        let s = self.f().scopes.pop().expect("scope");
        if s.has_ctx {
            self.emit(Op::PopContext, &[]);
        }
        self.reg_release(s.reg_mark);
    }
    pub(crate) fn pop_scope_silent(&mut self) {
        let s = self.f().scopes.pop().expect("scope");
        self.reg_release(s.reg_mark);
    }
    fn cur_scope(&mut self) -> &mut Scope<'a> {
        self.f().scopes.last_mut().expect("scope")
    }

    pub(crate) fn declare_param(&mut self, name: &'a str, key: u64, reg: u16) {
        self.cur_scope().bindings.push(Binding {
            name,
            loc: BLoc::Reg(reg),
            kind: BKind::Param,
            key,
            decl_end: 0,
        });
    }
    /// Names of the current scope's bindings of kind `kind`.
    pub(crate) fn scope_names(&mut self, kind: BKind) -> Vec<&'a str> {
        let sc = self.cur_scope();
        sc.bindings
            .iter()
            .filter(|b| b.kind == kind)
            .map(|b| b.name)
            .collect()
    }
    /// Sets the TDZ end of the most recently declared binding.
    pub(crate) fn set_last_decl_end(&mut self, end: u32) {
        if let Some(b) = self.cur_scope().bindings.last_mut() {
            b.decl_end = end;
        }
    }
    pub(crate) fn declare_this_binding(&mut self, fn_start: u32) {
        let key = this_key(fn_start);
        self.cur_scope().bindings.push(Binding {
            name: "this",
            loc: BLoc::This,
            kind: BKind::This,
            key,
            decl_end: 0,
        });
    }
    pub(crate) fn declare_callee_binding(&mut self, name: &'a str, fn_start: u32) {
        let key = callee_key(fn_start);
        self.cur_scope().bindings.push(Binding {
            name,
            loc: BLoc::Callee,
            kind: BKind::Callee,
            key,
            decl_end: 0,
        });
    }

    /// Declares `decls` in the current scope, deciding register vs context placement, and
    /// moves already-declared captured bindings (params, this, callee) into the context.
    /// Emits PushContext if needed plus the initialisation of the new bindings.
    pub(crate) fn declare_all(&mut self, decls: Vec<Decl<'a>>) -> CResult<()> {
        // Skip duplicates (var/function redeclarations, params shadowed by var).
        let mut fresh: Vec<Decl<'a>> = Vec::new();
        let lexical = |k: BKind| matches!(k, BKind::Let | BKind::Const | BKind::Class);
        for d in decls {
            if d.name == "let" && lexical(d.kind) {
                // ES2025 14.3.1.1, 15.7.1 early errors.
                return Err(super::CompileError {
                    message: "let is disallowed as a lexically bound name".into(),
                    offset: d.key as u32,
                });
            }
            let prev_kind = self
                .cur_scope()
                .bindings
                .iter()
                .find(|b| b.name == d.name && b.kind != BKind::This && b.kind != BKind::Callee)
                .map(|b| b.kind)
                .or_else(|| fresh.iter().find(|f| f.name == d.name).map(|f| f.kind));
            match prev_kind {
                None => fresh.push(d),
                Some(pk) if lexical(pk) || lexical(d.kind) => {
                    return Err(super::CompileError {
                        message: format!("Identifier '{}' has already been declared", d.name),
                        offset: d.key as u32,
                    });
                }
                Some(_) => {}
            }
        }
        let captured_existing: Vec<usize> = {
            let caps = &self.captured;
            self.fns
                .last()
                .expect("fn")
                .scopes
                .last()
                .expect("scope")
                .bindings
                .iter()
                .enumerate()
                .filter(|(_, b)| caps.contains(&b.key) && !matches!(b.loc, BLoc::Ctx(_)))
                .map(|(i, _)| i)
                .collect()
        };
        let any_new_captured = fresh.iter().any(|d| self.captured.contains(&d.key));
        let has_ctx = any_new_captured || !captured_existing.is_empty();
        if has_ctx && !self.cur_scope().has_ctx {
            // Slot count is patched below once known.
            self.cur_scope().has_ctx = true;
        }
        let push_at = if has_ctx {
            Some(self.emit(Op::PushContext, &[0]))
        } else {
            None
        };
        for i in captured_existing {
            let slot = self.cur_scope().ctx_slots as u16;
            self.cur_scope().ctx_slots += 1;
            let old = self.cur_scope().bindings[i].loc;
            self.cur_scope().bindings[i].loc = BLoc::Ctx(slot);
            let m = self.reg_mark();
            let r = match old {
                BLoc::Reg(r) => r,
                BLoc::This => {
                    let t = self.temp()?;
                    if self.f().is_derived_ctor {
                        // `this` is bound by super(); the slot is filled after each super call.
                        self.emit(Op::LoadEmpty, &[t as i64]);
                    } else {
                        self.emit(Op::LoadThis, &[t as i64]);
                    }
                    t
                }
                BLoc::Callee => {
                    let t = self.temp()?;
                    self.emit(Op::LoadCallee, &[t as i64]);
                    t
                }
                BLoc::Ctx(_) | BLoc::Import(_) => unreachable!(),
            };
            self.emit(Op::StoreContextSlot, &[r as i64, 0, slot as i64]);
            self.reg_release(m);
        }
        for d in fresh {
            let cap = self.captured.contains(&d.key);
            let loc = if cap {
                let s = self.cur_scope().ctx_slots as u16;
                self.cur_scope().ctx_slots += 1;
                BLoc::Ctx(s)
            } else {
                BLoc::Reg(self.temp()?)
            };
            let tdz = matches!(d.kind, BKind::Let | BKind::Const | BKind::Class);
            match loc {
                BLoc::Reg(r) => {
                    if tdz {
                        self.emit(Op::LoadEmpty, &[r as i64]);
                    } else {
                        self.emit(Op::LoadUndefined, &[r as i64]);
                    }
                }
                BLoc::Ctx(s) if tdz => {
                    let m = self.reg_mark();
                    let t = self.temp()?;
                    self.emit(Op::LoadEmpty, &[t as i64]);
                    self.emit(Op::StoreContextSlot, &[t as i64, 0, s as i64]);
                    self.reg_release(m);
                }
                _ => {}
            }
            self.cur_scope().bindings.push(Binding {
                name: d.name,
                loc,
                kind: d.kind,
                key: d.key,
                decl_end: d.decl_end,
            });
        }
        if let Some(at) = push_at {
            let n = self.cur_scope().ctx_slots;
            if n > u16::MAX as u32 {
                return self.err(
                    oxc_span::Span::new(0, 0),
                    "too many captured variables in one scope (more than 65535)",
                );
            }
            self.f().code[at + 1..at + 3].copy_from_slice(&(n as u16).to_le_bytes());
        }
        Ok(())
    }

    /// Resolves a name from the current position.
    pub(crate) fn resolve(&mut self, name: &str) -> (Res, Option<BKind>, u32, bool) {
        self.resolve_skipping(name, 0)
    }

    /// [`Self::resolve`] from `skip` scopes further out in the current function (their
    /// bindings are passed over; their contexts still count in the depth).
    pub(crate) fn resolve_skipping(
        &mut self,
        name: &str,
        skip: usize,
    ) -> (Res, Option<BKind>, u32, bool) {
        let nf = self.fns.len();
        let mut depth: u32 = 0;
        for fi in (0..nf).rev() {
            let ns = self.fns[fi].scopes.len();
            for si in (0..ns).rev() {
                let sc = &self.fns[fi].scopes[si];
                let skipped = fi == nf - 1 && si + skip >= ns;
                if let Some(b) = sc
                    .bindings
                    .iter()
                    .rev()
                    .find(|b| b.name == name && !skipped)
                {
                    let same_fn = fi == nf - 1;
                    let (kind, end) = (b.kind, b.decl_end);
                    let res = match b.loc {
                        BLoc::Ctx(s) => Res::Ctx(depth.min(255) as u8, s),
                        BLoc::Import(i) => Res::Import(i),
                        _ if !same_fn => {
                            self.new_captured.insert(b.key);
                            Res::Ctx(0, 0)
                        }
                        BLoc::Reg(r) => Res::Reg(r),
                        BLoc::This => Res::This,
                        BLoc::Callee => Res::Callee,
                    };
                    return (res, Some(kind), end, same_fn);
                }
                if sc.has_ctx {
                    depth += 1;
                }
            }
            // Arrow functions see the enclosing function's `this`; other functions stop here.
            if name == "this" && !self.fns[fi].is_arrow {
                break;
            }
        }
        (Res::Global, None, 0, true)
    }

    /// Loads variable `name` (referenced at `pos`) into `dst`.
    pub(crate) fn load_var(&mut self, name: &str, pos: u32, dst: u16) -> CResult<()> {
        self.check_arguments_allowed(name, pos)?;
        let chain = self.with_chain(name);
        if chain.is_empty() {
            return self.load_var_static(name, pos, dst);
        }
        let ends = self.with_load(&chain, name, pos, dst)?;
        self.load_var_static(name, pos, dst)?;
        self.patch_all_here(ends);
        Ok(())
    }

    /// The early error for `arguments` in a class field initializer or static block, or
    /// in an arrow function inside one (arrows see the enclosing `arguments`).
    pub(crate) fn check_arguments_allowed(&self, name: &str, pos: u32) -> CResult<()> {
        if name != "arguments" {
            return Ok(());
        }
        for f in self.fns.iter().rev() {
            if f.no_arguments {
                return Err(super::CompileError {
                    message: "'arguments' is not allowed in class field initializer or static \
                              initialization block"
                        .into(),
                    offset: pos,
                });
            }
            if !f.is_arrow {
                break;
            }
        }
        Ok(())
    }

    /// [`Self::load_var`] ignoring enclosing `with` objects.
    pub(crate) fn load_var_static(&mut self, name: &str, pos: u32, dst: u16) -> CResult<()> {
        let (res, kind, end, same_fn) = self.resolve(name);
        let tdz = (matches!(kind, Some(BKind::Let | BKind::Const | BKind::Class))
            && (!same_fn || pos < end))
            || (kind == Some(BKind::Param) && same_fn && pos < end);
        match res {
            Res::Reg(r) => {
                if r != dst {
                    self.emit(Op::Move, &[dst as i64, r as i64]);
                }
            }
            Res::Ctx(d, s) => {
                self.emit(Op::LoadContextSlot, &[dst as i64, d as i64, s as i64]);
            }
            Res::This => {
                self.emit(Op::LoadThis, &[dst as i64]);
            }
            Res::Callee => {
                self.emit(Op::LoadCallee, &[dst as i64]);
            }
            Res::Import(i) => {
                // LoadImport checks the TDZ itself.
                let cell = self.import_cells[i as usize];
                let k = self.const_import(i as usize, cell);
                self.emit(Op::LoadImport, &[dst as i64, k]);
                return Ok(());
            }
            Res::Global => {
                if name == "this" {
                    self.emit(Op::LoadThis, &[dst as i64]);
                    return Ok(());
                }
                if name == "undefined" {
                    self.emit(Op::LoadUndefined, &[dst as i64]);
                    return Ok(());
                }
                let a = self.atom(name);
                let ic = self.ic();
                self.emit(Op::LoadGlobal, &[dst as i64, a, ic]);
                return Ok(());
            }
        }
        if tdz {
            let a = self.atom(name);
            self.emit(Op::ThrowIfEmpty, &[dst as i64, a]);
        }
        Ok(())
    }

    /// The register holding `name` if it is a register local that needs no TDZ check.
    pub(crate) fn var_reg(&mut self, name: &str, pos: u32) -> Option<u16> {
        if !self.with_chain(name).is_empty() {
            return None;
        }
        let (res, kind, end, _) = self.resolve(name);
        match res {
            Res::Reg(r)
                if !(matches!(kind, Some(BKind::Let | BKind::Const | BKind::Class))
                    && pos < end) =>
            {
                Some(r)
            }
            _ => None,
        }
    }

    /// Emits a TDZ check before assigning to `name` at source offset `pos`.
    pub(crate) fn tdz_store_check(&mut self, name: &str, pos: u32) -> CResult<()> {
        let (res, kind, end, same_fn) = self.resolve(name);
        if !(matches!(kind, Some(BKind::Let | BKind::Const | BKind::Class))
            && (!same_fn || pos < end))
        {
            return Ok(());
        }
        let m = self.reg_mark();
        let t = self.temp()?;
        match res {
            Res::Reg(r) => {
                self.emit(Op::Move, &[t as i64, r as i64]);
            }
            Res::Ctx(d, s) => {
                self.emit(Op::LoadContextSlot, &[t as i64, d as i64, s as i64]);
            }
            _ => {
                self.reg_release(m);
                return Ok(());
            }
        }
        let a = self.atom(name);
        self.emit(Op::ThrowIfEmpty, &[t as i64, a]);
        self.reg_release(m);
        Ok(())
    }

    /// Stores `src` into variable `name`. `init` marks the declaration's own initialisation.
    pub(crate) fn store_var(&mut self, name: &str, src: u16, init: bool) -> CResult<()> {
        let chain = self.with_chain(name);
        // A `var` initializer assigns like any store (to a `with` object that has the name);
        // other initializations bind their own declaration.
        let var_init = init && matches!(self.resolve(name).1, Some(BKind::Var) | None);
        if chain.is_empty() || (init && !var_init) {
            return self.store_var_static(name, src, init);
        }
        let ends = self.with_store(&chain, name, src)?;
        self.store_var_static(name, src, init)?;
        self.patch_all_here(ends);
        Ok(())
    }

    /// [`Self::store_var`] ignoring enclosing `with` objects.
    fn store_var_static(&mut self, name: &str, src: u16, init: bool) -> CResult<()> {
        let (res, kind, _, _) = self.resolve(name);
        if !init && matches!(kind, Some(BKind::Const)) {
            let a = self.atom(name);
            self.emit(Op::ThrowConstAssign, &[a]);
            return Ok(());
        }
        if !init && matches!(kind, Some(BKind::Callee)) {
            // A named function expression's own name is an immutable binding: assigning
            // it is ignored in sloppy code and a TypeError in strict code (ES2025 9.1.1.1.5
            // SetMutableBinding, step 6), from nested arrows and eval code too.
            if self.f().flags & F_STRICT != 0 {
                let a = self.atom(name);
                self.emit(Op::ThrowConstAssign, &[a]);
            }
            return Ok(());
        }
        self.store_resolved(res, name, src);
        Ok(())
    }

    /// Stores `src` into the binding `name` resolved to `res`.
    pub(crate) fn store_resolved(&mut self, res: Res, name: &str, src: u16) {
        match res {
            Res::Reg(r) => {
                if r != src {
                    self.emit(Op::Move, &[r as i64, src as i64]);
                }
            }
            Res::Ctx(d, s) => {
                self.emit(Op::StoreContextSlot, &[src as i64, d as i64, s as i64]);
            }
            Res::This | Res::Callee | Res::Import(_) => {}
            Res::Global => {
                let a = self.atom(name);
                let ic = self.ic();
                self.emit(Op::StoreGlobal, &[src as i64, a, ic]);
            }
        }
    }

    // ---- hoisting ----

    /// Collects `var` names declared anywhere in `stmts` (not inside nested functions).
    pub(crate) fn collect_vars(stmts: &'a [Statement<'a>], out: &mut Vec<Decl<'a>>) {
        for s in stmts {
            Self::collect_vars_stmt(s, out);
        }
    }
    fn collect_vars_stmt(s: &'a Statement<'a>, out: &mut Vec<Decl<'a>>) {
        match s {
            Statement::VariableDeclaration(d) if d.kind == VariableDeclarationKind::Var => {
                Self::var_decl_names(d, out);
            }
            Statement::BlockStatement(b) => Self::collect_vars(&b.body, out),
            Statement::IfStatement(i) => {
                Self::collect_vars_stmt(&i.consequent, out);
                if let Some(a) = &i.alternate {
                    Self::collect_vars_stmt(a, out);
                }
            }
            Statement::ForStatement(f) => {
                if let Some(ForStatementInit::VariableDeclaration(d)) = &f.init
                    && d.kind == VariableDeclarationKind::Var
                {
                    Self::var_decl_names(d, out);
                }
                Self::collect_vars_stmt(&f.body, out);
            }
            Statement::ForInStatement(f) => {
                if let ForStatementLeft::VariableDeclaration(d) = &f.left
                    && d.kind == VariableDeclarationKind::Var
                {
                    Self::var_decl_names(d, out);
                }
                Self::collect_vars_stmt(&f.body, out);
            }
            Statement::ForOfStatement(f) => {
                if let ForStatementLeft::VariableDeclaration(d) = &f.left
                    && d.kind == VariableDeclarationKind::Var
                {
                    Self::var_decl_names(d, out);
                }
                Self::collect_vars_stmt(&f.body, out);
            }
            Statement::WhileStatement(w) => Self::collect_vars_stmt(&w.body, out),
            Statement::DoWhileStatement(w) => Self::collect_vars_stmt(&w.body, out),
            Statement::LabeledStatement(l) => Self::collect_vars_stmt(&l.body, out),
            Statement::WithStatement(w) => Self::collect_vars_stmt(&w.body, out),
            Statement::TryStatement(t) => {
                Self::collect_vars(&t.block.body, out);
                if let Some(h) = &t.handler {
                    Self::collect_vars(&h.body.body, out);
                }
                if let Some(f) = &t.finalizer {
                    Self::collect_vars(&f.body, out);
                }
            }
            Statement::SwitchStatement(sw) => {
                for c in &sw.cases {
                    Self::collect_vars(&c.consequent, out);
                }
            }
            _ => {}
        }
    }
    fn var_decl_names(d: &'a VariableDeclaration<'a>, out: &mut Vec<Decl<'a>>) {
        for decl in &d.declarations {
            Self::pattern_names(&decl.id, BKind::Var, 0, out);
        }
    }
    pub(crate) fn pattern_names(
        p: &'a BindingPattern<'a>,
        kind: BKind,
        end: u32,
        out: &mut Vec<Decl<'a>>,
    ) {
        match p {
            BindingPattern::BindingIdentifier(id) => out.push(Decl {
                name: id.name.as_str(),
                key: id.span.start as u64,
                kind,
                decl_end: end,
            }),
            BindingPattern::ObjectPattern(o) => {
                for prop in &o.properties {
                    Self::pattern_names(&prop.value, kind, end, out);
                }
                if let Some(r) = &o.rest {
                    Self::pattern_names(&r.argument, kind, end, out);
                }
            }
            BindingPattern::ArrayPattern(a) => {
                for el in a.elements.iter().flatten() {
                    Self::pattern_names(el, kind, end, out);
                }
                if let Some(r) = &a.rest {
                    Self::pattern_names(&r.argument, kind, end, out);
                }
            }
            BindingPattern::AssignmentPattern(a) => Self::pattern_names(&a.left, kind, end, out),
        }
    }

    /// Lexical declarations (let/const/class/function) directly in `stmts`.
    pub(crate) fn collect_lexical(stmts: &'a [Statement<'a>], out: &mut Vec<Decl<'a>>) {
        for s in stmts {
            match s {
                Statement::VariableDeclaration(d) if d.kind != VariableDeclarationKind::Var => {
                    let kind = if d.kind == VariableDeclarationKind::Const {
                        BKind::Const
                    } else {
                        BKind::Let
                    };
                    for decl in &d.declarations {
                        Self::pattern_names(&decl.id, kind, decl.span.end, out);
                    }
                }
                Statement::ClassDeclaration(c) => {
                    if let Some(id) = &c.id {
                        out.push(Decl {
                            name: id.name.as_str(),
                            key: id.span.start as u64,
                            kind: BKind::Class,
                            decl_end: c.span.end,
                        });
                    }
                }
                Statement::FunctionDeclaration(f) => {
                    if let Some(id) = &f.id {
                        out.push(Decl {
                            name: id.name.as_str(),
                            key: id.span.start as u64,
                            kind: BKind::Func,
                            decl_end: 0,
                        });
                    }
                }
                _ => {}
            }
        }
    }

    /// Declares the bindings of a function body or block and creates hoisted functions.
    pub(crate) fn hoist_function_body(
        &mut self,
        stmts: &'a [Statement<'a>],
        function_level: bool,
    ) -> CResult<()> {
        let mut decls = Vec::new();
        if function_level {
            Self::collect_vars(stmts, &mut decls);
        }
        Self::collect_lexical(stmts, &mut decls);
        if function_level {
            let mut excluded = Self::lexical_names(stmts);
            excluded.extend(self.scope_names(BKind::Param));
            let annex_b = self.annex_b_vars(stmts, &excluded);
            decls.extend(annex_b);
        }
        // Function declarations override vars of the same name: declare once.
        self.declare_all(decls)?;
        Ok(())
    }

    /// Instantiates function declarations of a statement list (after its bindings exist).
    pub(crate) fn hoist_functions(&mut self, stmts: &'a [Statement<'a>]) -> CResult<()> {
        for s in stmts {
            if let Statement::FunctionDeclaration(f) = s
                && let Some(id) = &f.id
            {
                let m = self.reg_mark();
                let r = self.temp()?;
                self.function_expr(f, r, Some(id.name.as_str()))?;
                self.store_var(id.name.as_str(), r, true)?;
                self.reg_release(m);
            }
        }
        Ok(())
    }
}
