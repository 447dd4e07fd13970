//! Classic Scripts (ECMA-262 16.1): the top level is a function whose `var` and function
//! declarations are properties of the global object, not locals; `this` is the global
//! object (the caller passes it). Top-level lexical declarations stay locals of the script,
//! except in REPL inputs ([`compile_repl_input`]), where they are global too so that later
//! inputs see them.

use oxc_ast::ast::*;

use super::{BKind, CResult, Compiler, Decl, FnState, ScopeKind, compile_program};
use crate::js::bytecode::{F_STRICT, Op};
use crate::js::vm::Vm;

/// The global bindings a script declares (GlobalDeclarationInstantiation creates them before
/// the script runs).
#[derive(Default, Debug, Clone)]
pub struct ScriptDecls {
    pub vars: Vec<String>,
    pub functions: Vec<String>,
    /// Eval code: its global bindings are configurable (deletable).
    pub eval: bool,
    /// REPL inputs: the top-level `let`/`class` names (also in `vars`), and the `const`
    /// names (also in `vars`), which the REPL checks against earlier inputs' declarations.
    pub lexical: Vec<String>,
    pub consts: Vec<String>,
}

impl ScriptDecls {
    /// Adds the names of `vars` and `funcs` (each once; a function wins over a var).
    pub(crate) fn add(&mut self, vars: &[Decl<'_>], funcs: &[Decl<'_>]) {
        for f in funcs {
            if !self.functions.iter().any(|n| n == f.name) {
                self.functions.push(f.name.to_string());
            }
        }
        for v in vars {
            if !self.vars.iter().any(|n| n == v.name) && !self.functions.iter().any(|n| n == v.name)
            {
                self.vars.push(v.name.to_string());
            }
        }
    }
}

/// Compiles a Script; returns its FunctionCode index and its global declarations.
pub fn compile_script<'a>(
    vm: &mut Vm,
    program: &'a Program<'a>,
    src: &'a str,
    file: &str,
) -> CResult<(usize, ScriptDecls)> {
    compile_global_code(vm, program, src, file, Mode::Script)
}

/// Compiles one REPL input: a Script that returns its completion value and whose top-level
/// `let`/`const`/`class` declarations become global object properties (listed in
/// `lexical`/`consts`), so that the next input, a Script of its own, sees them. (A Script's
/// lexical declarations belong in the realm's global declarative record, ECMA-262 9.1.1.4,
/// which kiln's global code does not have; the REPL emulates it over the global object.)
pub fn compile_repl_input<'a>(
    vm: &mut Vm,
    program: &'a Program<'a>,
    src: &'a str,
    file: &str,
) -> CResult<(usize, ScriptDecls)> {
    compile_global_code(vm, program, src, file, Mode::Repl)
}

/// Which global code is compiled.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Script,
    Eval,
    Repl,
}

/// Compiles eval code run in the global scope (ES2025 19.2.1.1 PerformEval, indirect): as
/// a Script whose code returns its completion value; strict eval code keeps its `var` and
/// function declarations to itself (no global declarations are returned).
pub fn compile_eval<'a>(
    vm: &mut Vm,
    program: &'a Program<'a>,
    src: &'a str,
    file: &str,
) -> CResult<(usize, ScriptDecls)> {
    compile_global_code(vm, program, src, file, Mode::Eval)
}

fn compile_global_code<'a>(
    vm: &mut Vm,
    program: &'a Program<'a>,
    src: &'a str,
    file: &str,
    mode: Mode,
) -> CResult<(usize, ScriptDecls)> {
    super::early_errors::check_no_module_items(program)?;
    let mut decls = ScriptDecls::default();
    let idx = compile_program(vm, src, file, |c| {
        decls = ScriptDecls::default();
        decls.eval = mode == Mode::Eval;
        c.script_function(program, &mut decls, mode)
    })?;
    Ok((idx, decls))
}

impl<'a> Compiler<'a, '_> {
    fn script_function(
        &mut self,
        program: &'a Program<'a>,
        out: &mut ScriptDecls,
        mode: Mode,
    ) -> CResult<usize> {
        let eval = mode == Mode::Eval;
        // Code that returns its completion value.
        let completion = mode != Mode::Script;
        let mut st = FnState::new(u32::MAX, false);
        st.global_code = true;
        if program
            .directives
            .iter()
            .any(|d| d.directive.as_str() == "use strict")
        {
            st.flags |= F_STRICT;
        }
        self.fns.push(st);
        self.push_scope(ScopeKind::Function);
        self.declare_this_binding(u32::MAX);
        let mut vars = Vec::new();
        Self::collect_vars(&program.body, &mut vars);
        let mut lexical = Vec::new();
        Self::collect_lexical(&program.body, &mut lexical);
        let (funcs, lexical): (Vec<_>, Vec<_>) =
            lexical.into_iter().partition(|d| d.kind == BKind::Func);
        for d in &lexical {
            if vars.iter().chain(&funcs).any(|v| v.name == d.name) {
                return Err(super::CompileError {
                    message: format!("Identifier '{}' has already been declared", d.name),
                    offset: d.key as u32,
                });
            }
        }
        let excluded: Vec<&str> = lexical.iter().map(|d| d.name).collect();
        let annex_b = self.annex_b_vars(&program.body, &excluded);
        vars.extend(annex_b);
        let strict_eval = eval && self.f().flags & F_STRICT != 0;
        if strict_eval {
            // Strict eval code has a variable environment of its own.
            let mut own = vars;
            own.extend(funcs);
            own.extend(lexical);
            self.declare_all(own)?;
        } else if mode == Mode::Repl {
            out.add(&vars, &funcs);
            out.add(&lexical, &[]);
            for d in &lexical {
                let names = if d.kind == BKind::Const {
                    &mut out.consts
                } else {
                    &mut out.lexical
                };
                names.push(d.name.to_string());
            }
        } else {
            out.add(&vars, &funcs);
            self.declare_all(lexical)?;
        }
        self.hoist_functions(&program.body)?;
        let r = self.temp()?;
        self.emit(Op::LoadUndefined, &[r as i64]);
        if completion {
            // A directive (`"use strict"`, any string statement at the start) is an
            // expression statement too: its string is the completion value so far.
            if let Some(d) = program.directives.last() {
                self.load_str(d.expression.value.as_str(), r);
            }
            self.f().completion = Some(r);
        }
        self.statements(&program.body)?;
        if !completion {
            self.emit(Op::LoadUndefined, &[r as i64]);
        }
        self.emit(Op::Return, &[r as i64]);
        self.pop_scope_silent();
        self.finish_fn("".into(), 0, 0, 0)
    }
}
