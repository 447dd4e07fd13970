//! Statements: declarations, control flow, loops with labels, switch, and try/catch/finally.
//! `finally` blocks are inlined at every exit (normal, break/continue/return, exception).

use oxc_ast::ast::*;
use oxc_span::GetSpan;

use super::scope::{BKind, Decl, ScopeKind};
use super::{CResult, Compiler, JumpCtx, TryCtx};
use crate::js::bytecode::{Handler, Op};

/// Saved compile-time state removed while emitting an exit path.
pub(crate) struct Unwound<'a> {
    scopes: Vec<super::Scope<'a>>,
    tries: Vec<TryCtx<'a>>,
}

impl<'a, 'v> Compiler<'a, 'v> {
    pub(crate) fn statements(&mut self, stmts: &'a [Statement<'a>]) -> CResult<()> {
        for s in stmts {
            self.statement(s)?;
        }
        Ok(())
    }

    fn take_labels(&mut self) -> Vec<&'a str> {
        std::mem::take(&mut self.f().pending_labels)
    }

    fn push_jump(&mut self, labels: Vec<&'a str>, is_loop: bool, breakable: bool) {
        let scope_len = self.f().scopes.len();
        let try_len = self.f().tries.len();
        self.f().jumps.push(JumpCtx {
            labels,
            is_loop,
            breakable,
            scope_len,
            try_len,
            cont_try_len: try_len,
            breaks: vec![],
            continues: vec![],
        });
    }

    /// Emits the exit path to the given scope/try depth: closes protected regions, pops
    /// contexts and inlines crossed `finally` blocks. Call [`Self::rewind`] after emitting the
    /// final jump/return.
    pub(crate) fn unwind_to(&mut self, scope_len: usize, try_len: usize) -> CResult<Unwound<'a>> {
        let ntries = self.f().tries.len();
        let mut saved = Unwound {
            scopes: Vec::new(),
            tries: Vec::new(),
        };
        for i in (try_len..ntries).rev() {
            // Each try stops covering the code here as it is left; the ones around it still
            // cover its `finally`, so an exception there reaches their handlers.
            let pc = self.pc() as u32;
            let mut t = self.f().tries.pop().expect("try");
            if t.open < pc {
                t.regions.push((t.open, pc));
            }
            t.open = u32::MAX;
            self.pop_scopes_to(t.scope_len, &mut saved.scopes);
            let (fin, close, t_async) = (t.finally, t.close_iter, t.close_async);
            saved.tries.push(t);
            if let Some(b) = fin {
                self.finally_block(b)?;
            }
            if let Some(it) = close {
                if t_async {
                    self.async_iterator_close(it)?;
                } else {
                    self.emit(Op::IteratorClose, &[it as i64, 0]);
                }
            }
            let _ = i;
        }
        self.pop_scopes_to(scope_len, &mut saved.scopes);
        saved.tries.reverse();
        saved.scopes.reverse();
        Ok(saved)
    }
    fn pop_scopes_to(&mut self, n: usize, saved: &mut Vec<super::Scope<'a>>) {
        while self.f().scopes.len() > n {
            let s = self.f().scopes.pop().expect("scope");
            if s.has_ctx {
                self.emit(Op::PopContext, &[]);
            }
            saved.push(s);
        }
    }
    pub(crate) fn rewind(&mut self, u: Unwound<'a>) {
        let pc = self.pc() as u32;
        self.f().scopes.extend(u.scopes);
        for mut t in u.tries {
            t.open = pc;
            self.f().tries.push(t);
        }
        // Tries that were not crossed keep their open region; crossed ones restart here.
        for t in self.f().tries.iter_mut() {
            if t.open == u32::MAX {
                t.open = pc;
            }
        }
    }

    pub(crate) fn block(&mut self, b: &'a BlockStatement<'a>) -> CResult<()> {
        self.scoped_statements(&b.body)
    }

    fn scoped_statements(&mut self, body: &'a [Statement<'a>]) -> CResult<()> {
        self.push_scope(ScopeKind::Block);
        let mut decls = Vec::new();
        Self::collect_lexical(body, &mut decls);
        self.declare_all(decls)?;
        self.hoist_functions(body)?;
        self.statements(body)?;
        self.pop_scope();
        Ok(())
    }

    /// A `finally` block: its normal completion leaves the try statement's value alone
    /// (ES2025 14.15.3), so in eval code its expression values are not kept.
    fn finally_block(&mut self, b: &'a BlockStatement<'a>) -> CResult<()> {
        let completion = self.f().completion.take();
        let r = self.block(b);
        self.f().completion = completion;
        r
    }

    /// Eval code: the statements whose value is UpdateEmpty(body, undefined) — if, the
    /// loops, switch, try, with, a catch clause — start their completion value at undefined,
    /// so an empty or abrupt-empty body does not leave the previous statement's value.
    fn reset_completion(&mut self) {
        if let Some(c) = self.f().completion {
            self.emit(Op::LoadUndefined, &[c as i64]);
        }
    }

    pub(crate) fn statement(&mut self, s: &'a Statement<'a>) -> CResult<()> {
        self.mark_line(s.span().start);
        if matches!(
            s,
            Statement::IfStatement(_)
                | Statement::WhileStatement(_)
                | Statement::DoWhileStatement(_)
                | Statement::ForStatement(_)
                | Statement::ForInStatement(_)
                | Statement::ForOfStatement(_)
                | Statement::SwitchStatement(_)
                | Statement::TryStatement(_)
                | Statement::WithStatement(_)
        ) {
            self.reset_completion();
        }
        match s {
            Statement::ExpressionStatement(e) => match self.f().completion {
                Some(c) => self.expr(&e.expression, c)?,
                None => self.expr_discard(&e.expression)?,
            },
            Statement::VariableDeclaration(d) => self.var_decl(d)?,
            Statement::FunctionDeclaration(f) => self.annex_b_copy(f)?,
            Statement::ClassDeclaration(c) => {
                let m = self.reg_mark();
                let t = self.temp()?;
                self.class_expr(c, t, None)?;
                if let Some(id) = &c.id {
                    self.store_var(id.name.as_str(), t, true)?;
                }
                self.reg_release(m);
            }
            Statement::BlockStatement(b) => self.block(b)?,
            Statement::EmptyStatement(_) | Statement::DebuggerStatement(_) => {}
            Statement::IfStatement(i) => {
                let m = self.reg_mark();
                let t = self.expr_reg(&i.test)?;
                let jf = self.emit(Op::JumpIfFalse, &[t as i64, 0]);
                self.reg_release(m);
                self.sub_statement(&i.consequent)?;
                if let Some(a) = &i.alternate {
                    let je = self.jump();
                    self.patch_here(jf);
                    self.sub_statement(a)?;
                    self.patch_here(je);
                } else {
                    self.patch_here(jf);
                }
            }
            Statement::WhileStatement(w) => {
                let labels = self.take_labels();
                self.push_jump(labels, true, true);
                let top = self.pc();
                self.emit(Op::LoopHint, &[]);
                let m = self.reg_mark();
                let t = self.expr_reg(&w.test)?;
                let jf = self.emit(Op::JumpIfFalse, &[t as i64, 0]);
                self.reg_release(m);
                self.sub_statement(&w.body)?;
                self.jump_to(top);
                self.patch_here(jf);
                self.end_loop(top)?;
            }
            Statement::DoWhileStatement(w) => {
                let labels = self.take_labels();
                self.push_jump(labels, true, true);
                let top = self.pc();
                self.emit(Op::LoopHint, &[]);
                self.sub_statement(&w.body)?;
                let cont = self.pc();
                let m = self.reg_mark();
                let t = self.expr_reg(&w.test)?;
                self.emit(Op::JumpIfTrue, &[t as i64, top as i64]);
                self.reg_release(m);
                self.end_loop(cont)?;
            }
            Statement::ForStatement(f) => self.for_stmt(f)?,
            Statement::ForOfStatement(f) => {
                if f.r#await && self.f().flags & crate::js::bytecode::F_ASYNC == 0 {
                    return self.err(
                        f.span,
                        "for await is only valid in async functions and the top level bodies of modules",
                    );
                }
                self.for_each_await(&f.left, &f.right, &f.body, false, f.r#await)?
            }
            Statement::ForInStatement(f) => self.for_each(&f.left, &f.right, &f.body, true)?,
            Statement::ReturnStatement(r) => {
                let m = self.reg_mark();
                let t = self.temp()?;
                match &r.argument {
                    Some(e) => self.expr(e, t)?,
                    None => {
                        self.emit(Op::LoadUndefined, &[t as i64]);
                    }
                }
                self.emit_return(t)?;
                self.reg_release(m);
            }
            Statement::BreakStatement(b) => {
                let label = b.label.as_ref().map(|l| l.name.as_str());
                let Some(i) = self.f().jumps.iter().rposition(|j| match label {
                    Some(l) => j.labels.contains(&l),
                    None => j.breakable,
                }) else {
                    return self.err(b.span, "Illegal break statement");
                };
                let (sl, tl) = (self.f().jumps[i].scope_len, self.f().jumps[i].try_len);
                let u = self.unwind_to(sl, tl)?;
                let j = self.jump();
                self.f().jumps[i].breaks.push(j);
                self.rewind(u);
            }
            Statement::ContinueStatement(c) => {
                let label = c.label.as_ref().map(|l| l.name.as_str());
                let Some(i) = self.f().jumps.iter().rposition(|j| {
                    j.is_loop
                        && match label {
                            Some(l) => j.labels.contains(&l),
                            None => true,
                        }
                }) else {
                    return self.err(c.span, "Illegal continue statement");
                };
                let (sl, tl) = (self.f().jumps[i].scope_len, self.f().jumps[i].cont_try_len);
                let u = self.unwind_to(sl, tl)?;
                let j = self.jump();
                self.f().jumps[i].continues.push(j);
                self.rewind(u);
            }
            Statement::ThrowStatement(t) => {
                let m = self.reg_mark();
                let r = self.expr_reg(&t.argument)?;
                self.mark_line(t.span.start);
                self.emit(Op::Throw, &[r as i64]);
                self.reg_release(m);
            }
            Statement::TryStatement(t) => self.try_stmt(t)?,
            Statement::SwitchStatement(sw) => self.switch_stmt(sw)?,
            Statement::LabeledStatement(l) => {
                let name = l.label.name.as_str();
                match &l.body {
                    Statement::ForStatement(_)
                    | Statement::ForInStatement(_)
                    | Statement::ForOfStatement(_)
                    | Statement::WhileStatement(_)
                    | Statement::DoWhileStatement(_)
                    | Statement::LabeledStatement(_) => {
                        self.f().pending_labels.push(name);
                        self.statement(&l.body)?;
                    }
                    body => {
                        self.push_jump(vec![name], false, false);
                        self.statement(body)?;
                        let j = self.f().jumps.pop().expect("jump ctx");
                        self.patch_all_here(j.breaks);
                    }
                }
            }
            Statement::WithStatement(w) => self.with_stmt(w)?,
            other => self.module_statement(other)?,
        }
        Ok(())
    }

    /// A statement in a nested position (loop body, if branch).
    fn sub_statement(&mut self, s: &'a Statement<'a>) -> CResult<()> {
        if matches!(s, Statement::FunctionDeclaration(_)) {
            // `if (x) function f(){}` (sloppy, B.3.4): as if in a block of its own.
            return self.scoped_statements(std::slice::from_ref(s));
        }
        self.statement(s)
    }

    /// Pops the innermost loop's jump context, patching continues to `cont` and breaks here.
    fn end_loop(&mut self, cont: usize) -> CResult<()> {
        let j = self.f().jumps.pop().expect("jump ctx");
        for c in j.continues {
            self.patch(c, cont);
        }
        self.patch_all_here(j.breaks);
        Ok(())
    }

    pub(crate) fn var_decl(&mut self, d: &'a VariableDeclaration<'a>) -> CResult<()> {
        let init_decl = d.kind != VariableDeclarationKind::Var;
        for decl in &d.declarations {
            let m = self.reg_mark();
            match &decl.init {
                Some(init) => {
                    // let/const in a register: evaluate straight into it (a self-reference in
                    // the initializer is a TDZ error, so early writes cannot be observed).
                    if init_decl
                        && let BindingPattern::BindingIdentifier(id) = &decl.id
                        && let (super::Res::Reg(r), _, _, true) = self.resolve(id.name.as_str())
                    {
                        self.expr_named(init, r, id.name.as_str())?;
                        self.reg_release(m);
                        continue;
                    }
                    let t = self.temp()?;
                    match &decl.id {
                        BindingPattern::BindingIdentifier(id) => {
                            self.expr_named(init, t, id.name.as_str())?
                        }
                        _ => self.expr(init, t)?,
                    }
                    self.bind_pattern(&decl.id, t, true)?;
                }
                None => {
                    if init_decl && let BindingPattern::BindingIdentifier(id) = &decl.id {
                        let t = self.temp()?;
                        self.emit(Op::LoadUndefined, &[t as i64]);
                        self.store_var(id.name.as_str(), t, true)?;
                    }
                }
            }
            self.reg_release(m);
        }
        Ok(())
    }

    fn for_stmt(&mut self, f: &'a ForStatement<'a>) -> CResult<()> {
        let labels = self.take_labels();
        self.push_scope(ScopeKind::Block);
        let mut lexical = false;
        if let Some(ForStatementInit::VariableDeclaration(d)) = &f.init
            && d.kind != VariableDeclarationKind::Var
        {
            lexical = true;
            let kind = if d.kind == VariableDeclarationKind::Const {
                BKind::Const
            } else {
                BKind::Let
            };
            let mut decls: Vec<Decl<'a>> = Vec::new();
            for decl in &d.declarations {
                Self::pattern_names(&decl.id, kind, decl.span.end, &mut decls);
            }
            self.declare_all(decls)?;
        }
        match &f.init {
            Some(ForStatementInit::VariableDeclaration(d)) => self.var_decl(d)?,
            Some(other) => {
                let m = self.reg_mark();
                let t = self.temp()?;
                self.expr(other.to_expression(), t)?;
                self.reg_release(m);
            }
            None => {}
        }
        let per_iteration_ctx = lexical && self.f().scopes.last().is_some_and(|s| s.has_ctx);
        self.push_jump(labels, true, true);
        let top = self.pc();
        self.emit(Op::LoopHint, &[]);
        let mut jf = None;
        if let Some(test) = &f.test {
            let m = self.reg_mark();
            let t = self.expr_reg(test)?;
            jf = Some(self.emit(Op::JumpIfFalse, &[t as i64, 0]));
            self.reg_release(m);
        }
        self.sub_statement(&f.body)?;
        let cont = self.pc();
        if per_iteration_ctx {
            self.emit(Op::CopyContext, &[]);
        }
        if let Some(u) = &f.update {
            self.expr_discard(u)?;
        }
        self.jump_to(top);
        if let Some(j) = jf {
            self.patch_here(j);
        }
        self.end_loop(cont)?;
        self.pop_scope();
        Ok(())
    }

    fn for_each(
        &mut self,
        left: &'a ForStatementLeft<'a>,
        right: &'a Expression<'a>,
        body: &'a Statement<'a>,
        is_in: bool,
    ) -> CResult<()> {
        self.for_each_await(left, right, body, is_in, false)
    }

    /// for-in, for-of and `for await` (`is_await`: the iterator is async, each result is
    /// awaited, an early exit awaits the iterator's `return`).
    fn for_each_await(
        &mut self,
        left: &'a ForStatementLeft<'a>,
        right: &'a Expression<'a>,
        body: &'a Statement<'a>,
        is_in: bool,
        is_await: bool,
    ) -> CResult<()> {
        let labels = self.take_labels();
        let m = self.reg_mark();
        let it = self.temp()?;
        let v = self.temp()?;
        self.expr(right, v)?;
        self.emit(
            if is_in {
                Op::ForInPrepare
            } else if is_await {
                Op::GetAsyncIterator
            } else {
                Op::GetIterator
            },
            &[it as i64, v as i64],
        );
        self.push_jump(labels, true, true);
        let top = self.pc();
        self.emit(Op::LoopHint, &[]);
        let jdone = if is_await {
            self.async_iterator_next(it, v)?
        } else {
            self.emit(
                if is_in {
                    Op::ForInNext
                } else {
                    Op::IteratorNext
                },
                &[v as i64, it as i64, 0],
            )
        };
        // for-of: leaving the loop early (break, return, a throw in the body) closes the
        // iterator (ES2025 14.7.5.7 ForIn/OfBodyEvaluation); `continue` does not.
        let env = self.temp()?;
        if !is_in {
            self.emit(Op::GetEnv, &[env as i64]);
            let (open, scope_len) = (self.pc() as u32, self.f().scopes.len());
            self.f().tries.push(TryCtx {
                regions: vec![],
                open,
                finally: None,
                close_iter: Some(it),
                close_async: is_await,
                scope_len,
            });
            let n = self.f().tries.len();
            self.f().jumps.last_mut().expect("loop").cont_try_len = n;
        }
        self.push_scope(ScopeKind::Block);
        match left {
            ForStatementLeft::VariableDeclaration(d) => {
                let decl = &d.declarations[0];
                if d.kind != VariableDeclarationKind::Var {
                    let kind = if d.kind == VariableDeclarationKind::Const {
                        BKind::Const
                    } else {
                        BKind::Let
                    };
                    let mut decls = Vec::new();
                    Self::pattern_names(&decl.id, kind, 0, &mut decls);
                    self.declare_all(decls)?;
                }
                self.bind_pattern(&decl.id, v, true)?;
            }
            target => {
                let t = target.as_assignment_target().expect("for target");
                self.assign_target(t, v)?;
            }
        }
        self.sub_statement(body)?;
        self.pop_scope();
        if is_in {
            self.jump_to(top);
        } else {
            let mut c = self.f().tries.pop().expect("for-of iterator");
            let pc = self.pc() as u32;
            if c.open < pc {
                c.regions.push((c.open, pc));
            }
            self.jump_to(top);
            let target = self.pc() as u32;
            for (s, e) in c.regions {
                self.f().handlers.push(Handler {
                    start: s,
                    end: e,
                    target,
                    reg: v,
                });
            }
            // A throw: close quietly (errors from `return` lose to the exception), rethrow.
            self.emit(Op::SetEnv, &[env as i64]);
            // (`for await`: the async iterator's `return` is called, not awaited.)
            self.emit(Op::IteratorClose, &[it as i64, 1 + is_await as i64]);
            self.emit(Op::Throw, &[v as i64]);
        }
        self.patch_here(jdone);
        self.end_loop(top)?;
        self.reg_release(m);
        Ok(())
    }

    fn switch_stmt(&mut self, sw: &'a SwitchStatement<'a>) -> CResult<()> {
        let m = self.reg_mark();
        let d = self.expr_temp(&sw.discriminant)?;
        self.push_scope(ScopeKind::Block);
        let mut decls = Vec::new();
        for c in &sw.cases {
            Self::collect_lexical(&c.consequent, &mut decls);
        }
        self.declare_all(decls)?;
        for c in &sw.cases {
            self.hoist_functions(&c.consequent)?;
        }
        let labels = self.take_labels();
        self.push_jump(labels, false, true);
        let mut case_jumps = Vec::new();
        let t = self.temp()?;
        for c in &sw.cases {
            if let Some(test) = &c.test {
                self.expr(test, t)?;
                self.emit(Op::StrictEq, &[t as i64, d as i64, t as i64]);
                case_jumps.push(Some(self.emit(Op::JumpIfTrue, &[t as i64, 0])));
            } else {
                case_jumps.push(None);
            }
        }
        let to_default = self.jump();
        let mut default_pc = None;
        for (i, c) in sw.cases.iter().enumerate() {
            match case_jumps[i] {
                Some(j) => self.patch_here(j),
                None => default_pc = Some(self.pc()),
            }
            self.statements(&c.consequent)?;
        }
        match default_pc {
            Some(p) => self.patch(to_default, p),
            None => self.patch_here(to_default),
        }
        let j = self.f().jumps.pop().expect("jump ctx");
        self.patch_all_here(j.breaks);
        self.pop_scope();
        self.reg_release(m);
        Ok(())
    }

    fn try_stmt(&mut self, t: &'a TryStatement<'a>) -> CResult<()> {
        let m = self.reg_mark();
        let env = self.temp()?;
        let exc = self.temp()?;
        self.emit(Op::GetEnv, &[env as i64]);
        let scope_len = self.f().scopes.len();
        let start = self.pc() as u32;
        if let Some(fin) = &t.finalizer {
            self.f().tries.push(TryCtx {
                regions: vec![],
                open: start,
                finally: Some(fin),
                close_iter: None,
                close_async: false,
                scope_len,
            });
        }
        if t.handler.is_some() {
            self.f().tries.push(TryCtx {
                regions: vec![],
                open: start,
                finally: None,
                close_iter: None,
                close_async: false,
                scope_len,
            });
        }
        self.block(&t.block)?;
        if let Some(h) = &t.handler {
            let mut c = self.f().tries.pop().expect("try");
            let pc = self.pc() as u32;
            if c.open < pc {
                c.regions.push((c.open, pc));
            }
            let j = self.jump();
            let target = self.pc() as u32;
            for (s, e) in c.regions {
                self.f().handlers.push(Handler {
                    start: s,
                    end: e,
                    target,
                    reg: exc,
                });
            }
            self.emit(Op::SetEnv, &[env as i64]);
            self.reset_completion();
            self.push_scope(ScopeKind::Block);
            let mut decls = Vec::new();
            if let Some(p) = &h.param {
                Self::pattern_names(&p.pattern, BKind::Let, 0, &mut decls);
            }
            Self::collect_lexical(&h.body.body, &mut decls);
            self.declare_all(decls)?;
            if let Some(p) = &h.param {
                self.bind_pattern(&p.pattern, exc, true)?;
            }
            self.hoist_functions(&h.body.body)?;
            self.statements(&h.body.body)?;
            self.pop_scope();
            self.patch_here(j);
        }
        if let Some(fin) = &t.finalizer {
            let mut c = self.f().tries.pop().expect("try");
            let pc = self.pc() as u32;
            if c.open < pc {
                c.regions.push((c.open, pc));
            }
            self.finally_block(fin)?;
            let j = self.jump();
            let target = self.pc() as u32;
            for (s, e) in c.regions {
                self.f().handlers.push(Handler {
                    start: s,
                    end: e,
                    target,
                    reg: exc,
                });
            }
            self.emit(Op::SetEnv, &[env as i64]);
            self.finally_block(fin)?;
            self.emit(Op::Throw, &[exc as i64]);
            self.patch_here(j);
        }
        self.reg_release(m);
        Ok(())
    }
}
