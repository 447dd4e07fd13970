//! Direct eval (ES2025 19.2.1.1 PerformEval with direct true): `eval(src)` called by that
//! name sees the caller's scope.
//!
//! At the call site the compiler captures every binding visible there (so they all live in
//! contexts, reachable from the caller's current environment) and records them as a
//! constant, the site's *scope snapshot*: name, context depth and slot, binding kind. At run
//! time `DirectEval` compiles the source as an arrow-like function (`this`, `arguments` and
//! `new.target` are the caller's) nested in synthetic scopes rebuilt from the snapshot, and
//! runs it as a closure over the caller's environment; its value is the completion value.
//!
//! Declarations: `let`/`const`/`class` stay in the eval code; a sloppy `var` or function
//! declaration whose name the caller's scope already binds assigns that binding; one that
//! names something new stays local to the eval code (the spec adds it to the caller's
//! variable environment, which statically resolved callers cannot see) — except at the top
//! level of a Script, where it becomes a global object property as the spec says.

use oxc_ast::ast::*;

use super::scope::{BKind, BLoc, Binding, Res, Scope, ScopeKind};
use super::{CResult, Compiler, FnState, ScriptDecls, compile_program};
use crate::js::bytecode::{F_ARROW, F_CLASS_CTOR, F_DERIVED, F_METHOD, F_STRICT, Op};
use crate::js::value::Value;
use crate::js::vm::Vm;

/// `DirectEval` mode bits: the caller is strict; the call is in the parameter expressions
/// of a (non-arrow) function; the caller's nearest non-arrow function allows `super.x`;
/// it allows `super(...)` (`early_errors::SuperContext`).
pub const EVAL_STRICT: u8 = 1;
pub const EVAL_IN_PARAMS: u8 = 2;
pub const EVAL_SUPER_PROPERTY: u8 = 4;
pub const EVAL_SUPER_CALL: u8 = 8;
/// The caller's variable environment is the global one (sloppy Script top level).
pub const EVAL_GLOBAL: u8 = 16;

/// Values per binding in a snapshot: name, depth, slot, kind.
const ENTRY: usize = 4;

const KINDS: [BKind; 8] = [
    BKind::Var,
    BKind::Let,
    BKind::Const,
    BKind::Param,
    BKind::Func,
    BKind::Class,
    BKind::This,
    BKind::Callee,
];

impl<'a> Compiler<'a, '_> {
    /// Whether the call `c` is a direct eval: its callee is the name `eval` bound to no
    /// variable (so, at run time, the global `eval`; `DirectEval` checks it is %eval%).
    pub(crate) fn is_direct_eval(&mut self, c: &CallExpression<'a>) -> bool {
        matches!(&c.callee, Expression::Identifier(id) if id.name == "eval")
            && !c.optional
            && matches!(self.resolve("eval").0, Res::Global)
    }

    /// `eval(args…)` as a direct eval into `dst`.
    pub(crate) fn direct_eval(&mut self, c: &'a CallExpression<'a>, dst: u16) -> CResult<()> {
        let snapshot = self.scope_snapshot();
        let k = self.const_unique(snapshot);
        let m = self.reg_mark();
        let f = self.temp()?;
        let argc = c.arguments.len().min(255);
        let base = self.temps(argc)?;
        self.load_var("eval", c.span.start, f)?;
        for (i, a) in c.arguments.iter().take(argc).enumerate() {
            if let Argument::SpreadElement(s) = a {
                return self.err(
                    s.span,
                    "spread arguments to a direct eval are not supported",
                );
            }
            self.expr(a.to_expression(), base + i as u16)?;
        }
        self.mark_line(c.span.start);
        let sup = self.super_context();
        let st = self.f();
        // Eval code in parameter expressions may not declare `var arguments` (ES2025
        // 19.2.1.3 step 3.d: it would clash with the `arguments` binding); an arrow function
        // has one only if a parameter has that name.
        let in_params = st.in_params
            && (!st.is_arrow
                || st.scopes.first().is_some_and(|s| {
                    s.bindings
                        .iter()
                        .any(|b| b.name == "arguments" && b.kind == BKind::Param)
                }));
        let mode = (st.flags & F_STRICT != 0) as u8
            | if in_params { EVAL_IN_PARAMS } else { 0 }
            | if sup.property { EVAL_SUPER_PROPERTY } else { 0 }
            | if sup.call { EVAL_SUPER_CALL } else { 0 }
            | if st.global_code { EVAL_GLOBAL } else { 0 };
        let mode = mode as i64;
        self.emit(
            Op::DirectEval,
            &[dst as i64, f as i64, base as i64, argc as i64, k, mode],
        );
        self.reg_release(m);
        Ok(())
    }

    /// Captures every binding visible here and lists where each lives (see the module
    /// comment). Bindings not yet in a context are left out: capturing them makes the
    /// compiler run again, and the snapshot of that pass is complete.
    fn scope_snapshot(&mut self) -> Value {
        let mut names: Vec<&'a str> = Vec::new();
        for f in self.fns.iter().rev() {
            for s in f.scopes.iter().rev() {
                for b in s.bindings.iter().rev() {
                    if !names.contains(&b.name) {
                        names.push(b.name);
                    }
                    if !matches!(b.loc, BLoc::Ctx(_) | BLoc::Import(_)) {
                        self.new_captured.insert(b.key);
                    }
                }
            }
        }
        let mut vals = Vec::new();
        for name in names {
            if let (Res::Ctx(d, s), Some(kind), _, _) = self.resolve(name) {
                let k = KINDS.iter().position(|x| *x == kind).unwrap_or(0);
                let n = self.vm.new_str(name);
                vals.extend([
                    n,
                    Value::int(d as i32),
                    Value::int(s as i32),
                    Value::int(k as i32),
                ]);
            }
        }
        self.vm.new_array_from(&vals)
    }
}

/// One binding of a snapshot.
pub struct SnapshotBinding {
    pub name: String,
    pub depth: u8,
    pub slot: u16,
    pub kind: BKind,
}

/// Reads a snapshot constant back.
pub fn read_snapshot(vm: &Vm, snapshot: Value) -> Vec<SnapshotBinding> {
    let e = vm.elems(snapshot);
    e.chunks(ENTRY)
        .filter(|c| c.len() == ENTRY)
        .map(|c| SnapshotBinding {
            name: vm.str_to_string(c[0]),
            depth: c[1].as_int() as u8,
            slot: c[2].as_int() as u16,
            kind: KINDS[(c[3].as_int() as usize).min(KINDS.len() - 1)],
        })
        .collect()
}

/// Compiles direct eval code `program` against the caller's scope `outer`; returns the
/// FunctionCode index of the arrow-like function to run over the caller's environment, and
/// the global properties to declare first (eval code whose variable environment is the
/// global one).
pub fn compile_direct_eval<'a>(
    vm: &mut Vm,
    program: &'a Program<'a>,
    src: &'a str,
    outer: &'a [(&'a str, SnapshotBinding)],
    mode: u8,
) -> CResult<(usize, ScriptDecls)> {
    let strict_caller = mode & EVAL_STRICT != 0;
    super::early_errors::check_no_module_items(program)?;
    let mut decls = ScriptDecls::default();
    let idx = compile_program(vm, src, "eval", |c| {
        decls = ScriptDecls {
            eval: true,
            ..ScriptDecls::default()
        };
        // The caller's scopes: one context level per depth, innermost last.
        let mut outer_fn = FnState::new(u32::MAX - 1, false);
        if strict_caller {
            outer_fn.flags |= F_STRICT;
        }
        // The `super` forms the caller allows: the eval code (an arrow-like function) sees
        // them through this stand-in for the caller's function (`early_errors`).
        if mode & EVAL_SUPER_PROPERTY != 0 {
            outer_fn.flags |= F_METHOD;
        }
        if mode & EVAL_SUPER_CALL != 0 {
            outer_fn.flags |= F_CLASS_CTOR | F_DERIVED;
        }
        let levels = outer
            .iter()
            .map(|(_, b)| b.depth as usize + 1)
            .max()
            .unwrap_or(0);
        for level in (0..levels).rev() {
            let bindings = outer
                .iter()
                .enumerate()
                .filter(|(_, (_, b))| b.depth as usize == level)
                .map(|(i, (name, b))| Binding {
                    name,
                    loc: BLoc::Ctx(b.slot),
                    kind: b.kind,
                    key: (1 << 50) | i as u64,
                    decl_end: 0,
                })
                .collect();
            outer_fn.scopes.push(Scope {
                kind: ScopeKind::Block,
                bindings,
                has_ctx: true,
                ctx_slots: 0,
                reg_mark: 0,
            });
        }
        c.fns.push(outer_fn);
        let r = c.eval_function(program, mode, &mut decls);
        c.fns.clear();
        r
    })?;
    Ok((idx, decls))
}

impl<'a> Compiler<'a, '_> {
    fn eval_function(
        &mut self,
        program: &'a Program<'a>,
        mode: u8,
        out: &mut ScriptDecls,
    ) -> CResult<usize> {
        let strict_caller = mode & EVAL_STRICT != 0;
        let in_params = mode & EVAL_IN_PARAMS != 0;
        let global = mode & EVAL_GLOBAL != 0;
        let mut st = FnState::new(u32::MAX, true);
        st.flags = F_ARROW;
        let strict = strict_caller
            || program
                .directives
                .iter()
                .any(|d| d.directive.as_str() == "use strict");
        if strict {
            st.flags |= F_STRICT;
        }
        st.global_code = global && !strict;
        self.fns.push(st);
        self.push_scope(ScopeKind::Function);
        let mut decls = Vec::new();
        Self::collect_vars(&program.body, &mut decls);
        if !strict
            && in_params
            && let Some(d) = decls.iter().find(|d| d.name == "arguments")
        {
            // ES2025 19.2.1.3 EvalDeclarationInstantiation: eval code in parameter
            // expressions may not declare `arguments`.
            return Err(super::CompileError {
                message:
                    "Identifier 'arguments' cannot be declared by eval in parameter expressions"
                        .into(),
                offset: d.key as u32,
            });
        }
        let global = global && !strict;
        if global {
            // The caller's variable environment is the global one: a var may not share a
            // name with a top-level lexical declaration (ES2025 19.2.1.3 step 3.a; those
            // are the outermost scope of the caller's stand-in). Lower ones (step 3.d) are
            // not checked: catch parameters are exempt there (B.3.4) and not told apart.
            let mut funcs = Vec::new();
            Self::collect_lexical(&program.body, &mut funcs);
            funcs.retain(|d| d.kind == BKind::Func);
            let top = self.fns[0]
                .scopes
                .first()
                .map(|s| &s.bindings[..])
                .unwrap_or(&[]);
            for d in decls.iter().chain(&funcs) {
                if top.iter().any(|b| {
                    b.name == d.name && matches!(b.kind, BKind::Let | BKind::Const | BKind::Class)
                }) {
                    return Err(super::CompileError {
                        message: format!("Identifier '{}' has already been declared", d.name),
                        offset: d.key as u32,
                    });
                }
            }
        }
        // Annex B block functions: not where the caller has a lexical binding of the name
        // (B.3.2.3 step 1.a.ii.4, approximated by every lexical binding the caller sees).
        let mut excluded = Self::lexical_names(&program.body);
        for sc in &self.fns[0].scopes {
            excluded.extend(
                sc.bindings
                    .iter()
                    .filter(|b| matches!(b.kind, BKind::Let | BKind::Const | BKind::Class))
                    .map(|b| b.name),
            );
        }
        let annex_b = self.annex_b_vars(&program.body, &excluded);
        decls.extend(annex_b);
        // A var or function the caller already binds is that binding.
        if !strict {
            decls.retain(|d| matches!(self.resolve(d.name).0, Res::Global));
        }
        Self::collect_lexical(&program.body, &mut decls);
        if !strict {
            let funcs_known: Vec<&str> = decls
                .iter()
                .filter(|d| d.kind == BKind::Func && !matches!(self.resolve(d.name).0, Res::Global))
                .map(|d| d.name)
                .collect();
            decls.retain(|d| !(d.kind == BKind::Func && funcs_known.contains(&d.name)));
        }
        if global {
            // New vars and functions become properties of the global object (created by
            // `Vm::declare_globals` before the code runs); the code stores them as globals.
            let (funcs, rest): (Vec<_>, Vec<_>) =
                decls.into_iter().partition(|d| d.kind == BKind::Func);
            let (vars, lexical): (Vec<_>, Vec<_>) =
                rest.into_iter().partition(|d| d.kind == BKind::Var);
            out.add(&vars, &funcs);
            decls = lexical;
        }
        self.declare_all(decls)?;
        self.hoist_functions(&program.body)?;
        let r = self.temp()?;
        self.emit(Op::LoadUndefined, &[r as i64]);
        if let Some(d) = program.directives.last() {
            self.load_str(d.expression.value.as_str(), r);
        }
        self.f().completion = Some(r);
        self.statements(&program.body)?;
        self.emit(Op::Return, &[r as i64]);
        self.pop_scope_silent();
        self.finish_fn("eval".into(), 0, 0, 0)
    }
}
