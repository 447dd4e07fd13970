//! Annex B.3.2 block-level function declarations in sloppy code (what every browser and node
//! do): a plain `function f(){}` in a block, a `case` clause or an `if` clause (B.3.4) keeps
//! its block binding and also gets a `var f` in the enclosing function, script or eval code.
//! The var starts out `undefined` and receives the block's function object when the
//! declaration itself is evaluated (B.3.2.1 step 29.a.ii.4.c, B.3.2.2, B.3.2.3).
//!
//! The var is created only where replacing the declaration with `var f` would raise no early
//! error — no `let`/`const`/`class`/function `f` in an enclosing block, no destructured catch
//! parameter `f`, no top-level lexical `f` — and `f` is not a parameter. `arguments` is
//! skipped too, so the arguments object stays visible after the block (as test262 and V8
//! have it).

use oxc_ast::ast::*;

use super::scope::{BKind, Decl, ScopeKind};
use super::{CResult, Compiler};
use crate::js::bytecode::F_STRICT;

/// The key of the var binding an Annex B function declaration adds (its block binding's key
/// is the identifier's offset).
fn var_key(id_start: u32) -> u64 {
    (5u64 << 40) | id_start as u64
}

/// Lexical names of each enclosing block, innermost last, while walking a body.
type Blocks<'a> = Vec<Vec<&'a str>>;

impl<'a> Compiler<'a, '_> {
    /// The var declarations Annex B adds for the block-level functions of `body` (sloppy code
    /// only; empty in strict code). `excluded`: the names a var may not take — parameters
    /// and the body's own top-level `let`/`const`/`class` names. Records each chosen
    /// declaration so that its evaluation copies the function into the var.
    pub(crate) fn annex_b_vars(
        &mut self,
        body: &'a [Statement<'a>],
        excluded: &[&str],
    ) -> Vec<Decl<'a>> {
        if self.f().flags & F_STRICT != 0 {
            return Vec::new();
        }
        let mut out: Vec<&'a Function<'a>> = Vec::new();
        let mut blocks = Blocks::new();
        for s in body {
            Self::walk(s, &mut blocks, excluded, &mut out);
        }
        for f in &out {
            self.annex_b.insert(f.span.start);
        }
        let mut decls: Vec<Decl<'a>> = Vec::new();
        for f in out {
            let Some(id) = &f.id else { continue };
            let name = id.name.as_str();
            if !decls.iter().any(|d| d.name == name) {
                decls.push(Decl {
                    name,
                    key: var_key(id.span.start),
                    kind: BKind::Var,
                    decl_end: 0,
                });
            }
        }
        decls
    }

    /// Top-level `let`/`const`/`class` names of a statement list.
    pub(crate) fn lexical_names(stmts: &'a [Statement<'a>]) -> Vec<&'a str> {
        let mut decls = Vec::new();
        Self::collect_lexical(stmts, &mut decls);
        decls
            .into_iter()
            .filter(|d| d.kind != BKind::Func)
            .map(|d| d.name)
            .collect()
    }

    fn walk(
        s: &'a Statement<'a>,
        blocks: &mut Blocks<'a>,
        excluded: &[&str],
        out: &mut Vec<&'a Function<'a>>,
    ) {
        match s {
            Statement::BlockStatement(b) => Self::walk_block(&[&b.body], blocks, excluded, out),
            Statement::IfStatement(i) => {
                for clause in std::iter::once(&i.consequent).chain(&i.alternate) {
                    if matches!(clause, Statement::FunctionDeclaration(_)) {
                        // B.3.4: as if the declaration were alone in a block.
                        Self::walk_block(&[std::slice::from_ref(clause)], blocks, excluded, out);
                    } else {
                        Self::walk(clause, blocks, excluded, out);
                    }
                }
            }
            Statement::ForStatement(f) => {
                let names = match &f.init {
                    Some(ForStatementInit::VariableDeclaration(d)) => Self::lexical_decl_names(d),
                    _ => Vec::new(),
                };
                blocks.push(names);
                Self::walk(&f.body, blocks, excluded, out);
                blocks.pop();
            }
            Statement::ForInStatement(f) => {
                Self::walk_for_each(&f.left, &f.body, blocks, excluded, out)
            }
            Statement::ForOfStatement(f) => {
                Self::walk_for_each(&f.left, &f.body, blocks, excluded, out)
            }
            Statement::WhileStatement(w) => Self::walk(&w.body, blocks, excluded, out),
            Statement::DoWhileStatement(w) => Self::walk(&w.body, blocks, excluded, out),
            Statement::LabeledStatement(l) => Self::walk(&l.body, blocks, excluded, out),
            Statement::WithStatement(w) => Self::walk(&w.body, blocks, excluded, out),
            Statement::TryStatement(t) => {
                Self::walk_block(&[&t.block.body], blocks, excluded, out);
                if let Some(h) = &t.handler {
                    // A simple catch parameter may share its name with a var (B.3.4); a
                    // destructured one may not.
                    let mut names = Vec::new();
                    if let Some(p) = &h.param
                        && !matches!(p.pattern, BindingPattern::BindingIdentifier(_))
                    {
                        let mut decls = Vec::new();
                        Self::pattern_names(&p.pattern, BKind::Let, 0, &mut decls);
                        names = decls.into_iter().map(|d| d.name).collect();
                    }
                    blocks.push(names);
                    Self::walk_block(&[&h.body.body], blocks, excluded, out);
                    blocks.pop();
                }
                if let Some(f) = &t.finalizer {
                    Self::walk_block(&[&f.body], blocks, excluded, out);
                }
            }
            Statement::SwitchStatement(sw) => {
                let lists: Vec<&'a [Statement<'a>]> =
                    sw.cases.iter().map(|c| &c.consequent[..]).collect();
                Self::walk_block(&lists, blocks, excluded, out);
            }
            _ => {}
        }
    }

    fn walk_for_each(
        left: &'a ForStatementLeft<'a>,
        body: &'a Statement<'a>,
        blocks: &mut Blocks<'a>,
        excluded: &[&str],
        out: &mut Vec<&'a Function<'a>>,
    ) {
        let names = match left {
            ForStatementLeft::VariableDeclaration(d) => Self::lexical_decl_names(d),
            _ => Vec::new(),
        };
        blocks.push(names);
        Self::walk(body, blocks, excluded, out);
        blocks.pop();
    }

    fn lexical_decl_names(d: &'a VariableDeclaration<'a>) -> Vec<&'a str> {
        if d.kind == VariableDeclarationKind::Var {
            return Vec::new();
        }
        let mut decls = Vec::new();
        for decl in &d.declarations {
            Self::pattern_names(&decl.id, BKind::Let, 0, &mut decls);
        }
        decls.into_iter().map(|d| d.name).collect()
    }

    /// A block's statement lists (one, or a `switch`'s clauses): its plain function
    /// declarations are candidates; then the walk goes on inside it.
    fn walk_block(
        lists: &[&'a [Statement<'a>]],
        blocks: &mut Blocks<'a>,
        excluded: &[&str],
        out: &mut Vec<&'a Function<'a>>,
    ) {
        let mut own = Vec::new();
        for l in lists {
            Self::collect_lexical(l, &mut own);
        }
        for s in lists.iter().flat_map(|l| l.iter()) {
            if let Statement::FunctionDeclaration(f) = s
                && !f.generator
                && !f.r#async
                && let Some(id) = &f.id
            {
                let name = id.name.as_str();
                let clash = name == "arguments"
                    || excluded.contains(&name)
                    || blocks.iter().any(|b| b.contains(&name))
                    || own.iter().any(|d| d.name == name && d.kind != BKind::Func);
                if !clash {
                    out.push(f);
                }
            }
        }
        blocks.push(own.into_iter().map(|d| d.name).collect());
        for s in lists.iter().flat_map(|l| l.iter()) {
            Self::walk(s, blocks, excluded, out);
        }
        blocks.pop();
    }

    /// Evaluating an Annex B function declaration: its var receives the block's function.
    pub(crate) fn annex_b_copy(&mut self, f: &'a Function<'a>) -> CResult<()> {
        if !self.annex_b.contains(&f.span.start) {
            return Ok(());
        }
        let Some(id) = &f.id else { return Ok(()) };
        let name = id.name.as_str();
        let m = self.reg_mark();
        let t = self.temp()?;
        self.load_var(name, f.span.end, t)?;
        let f_scopes = &self.f().scopes;
        let var_scope = f_scopes
            .iter()
            .rposition(|s| s.kind == ScopeKind::Function)
            .unwrap_or(0);
        let skip = f_scopes.len() - 1 - var_scope;
        let (res, ..) = self.resolve_skipping(name, skip);
        self.store_resolved(res, name, t);
        self.reg_release(m);
        Ok(())
    }
}
