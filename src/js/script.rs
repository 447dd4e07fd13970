//! Classic Scripts: parsing with Script goal (top-level `return` is a SyntaxError), global
//! declaration instantiation (ECMA-262 16.1.7) and running with `this` = the global object.

use oxc_allocator::Allocator;
use oxc_span::SourceType;

use crate::js::compiler::direct_eval::{SnapshotBinding, compile_direct_eval, read_snapshot};
use crate::js::compiler::{ScriptDecls, compile_eval, compile_script};
use crate::js::module::LoadError;
use crate::js::parse::{Checks, parse};
use crate::js::value::Value;
use crate::js::vm::{JsResult, Vm};

/// What a direct eval takes from its caller's frame.
#[derive(Clone, Copy)]
pub struct EvalCaller {
    /// The caller's home object (`aux[1]` of its closure; undefined outside methods).
    pub home: Value,
    /// The caller's `this` (EMPTY before `super()` in a derived constructor).
    pub this: Value,
}

impl Vm {
    /// Parses and compiles a Script; returns its FunctionCode index and global declarations.
    pub fn compile_script_source(
        &mut self,
        src: &str,
        file: &str,
    ) -> Result<(usize, ScriptDecls), LoadError> {
        let alloc = Allocator::default();
        let program = parse(&alloc, src, SourceType::script(), Checks::All)
            .map_err(|e| LoadError::syntax(src, file, e.offset, &e.message))?;
        compile_script(self, program, src, file)
            .map_err(|e| LoadError::syntax(src, file, e.offset, &e.message))
    }

    /// Runs a compiled Script: creates its global `var` and function bindings, then runs its
    /// body with `this` = the global object.
    pub fn run_script_code(&mut self, idx: usize, decls: &ScriptDecls) -> JsResult<Value> {
        self.declare_globals(decls)?;
        let f = self.new_closure(idx, Value::UNDEFINED);
        self.roots.push(f);
        let r = self.call_function(f, self.global, &[]);
        self.roots.pop();
        r
    }

    /// Indirect eval (ES2025 19.2.1.1 PerformEval with direct false): `src` runs as global
    /// code; its value is the completion value. A syntax error is a thrown SyntaxError.
    pub fn indirect_eval(&mut self, src: &str) -> JsResult<Value> {
        let alloc = Allocator::default();
        let program = match parse(&alloc, src, SourceType::script(), Checks::All) {
            Ok(p) => p,
            Err(e) => return Err(self.throw_syntax_error(&e.message)),
        };
        match compile_eval(self, program, src, "eval") {
            Ok((idx, decls)) => self.run_script_code(idx, &decls),
            Err(e) => Err(self.throw_syntax_error(&e.message)),
        }
    }

    /// `DirectEval`: `eval(args)` called by name from code whose scope `snapshot` describes
    /// (`compiler::direct_eval`), in the environment `env`, with `mode` bits
    /// (`direct_eval::EVAL_*`), from the function `caller` describes. A callee that is not
    /// %eval% is called as usual.
    pub fn direct_eval(
        &mut self,
        f: Value,
        args: &[Value],
        snapshot: Value,
        env: Value,
        mode: u8,
        caller: EvalCaller,
    ) -> JsResult<Value> {
        if f != self.realm[crate::js::vm::realm::EVAL_FN] {
            return self.call_function(f, Value::UNDEFINED, args);
        }
        let x = args.first().copied().unwrap_or(Value::UNDEFINED);
        if !x.is_string() {
            return Ok(x);
        }
        let src = self.str_to_string(x);
        let alloc = Allocator::default();
        let program = match parse(&alloc, &src, SourceType::script(), Checks::Grammar) {
            Ok(p) => p,
            Err(e) => return Err(self.throw_syntax_error(&e.message)),
        };
        let outer: Vec<(&str, SnapshotBinding)> = read_snapshot(self, snapshot)
            .into_iter()
            .map(|b| (alloc.alloc_str(&b.name) as &str, b))
            .collect();
        let (idx, decls) = match compile_direct_eval(self, program, &src, &outer, mode) {
            Ok(i) => i,
            Err(e) => return Err(self.throw_syntax_error(&e.message)),
        };
        self.declare_globals(&decls)?;
        self.roots.push(env);
        let closure = self.new_closure(idx, env);
        self.roots.pop();
        // Like an arrow function created in the caller: the caller's home object (for
        // `super.x`, which the compiler allowed only if the caller has one) and `this`.
        self.obj_mut(closure).aux[1] = caller.home;
        let this = if caller.this.is_empty() {
            Value::UNDEFINED
        } else {
            caller.this
        };
        self.roots.push(closure);
        let r = self.call_function(closure, this, &[]);
        self.roots.pop();
        r
    }

    /// CreateDynamicFunction (ES2025 20.2.1.1.1): `new Function(p1, …, body)` and the
    /// generator/async variants (`kind` is the keyword text, e.g. `async function*`): the
    /// parameters and body are parsed as one function expression, which must be all the
    /// source (parameters cannot close the function early, nor a body its braces).
    pub fn create_dynamic_function(&mut self, args: &[Value], kind: &str) -> JsResult<Value> {
        let mut texts = Vec::with_capacity(args.len());
        for &a in args {
            texts.push(self.to_rust_string(a)?);
        }
        let body = texts.pop().unwrap_or_default();
        let params = texts.join(",");
        let prefix = format!("({kind} anonymous({params}\n) ");
        let src = format!("{prefix}{{\n{body}\n}})");
        let alloc = Allocator::default();
        let program = match parse(&alloc, &src, SourceType::script(), Checks::All) {
            Ok(p) => p,
            Err(e) => return Err(self.throw_syntax_error(&e.message)),
        };
        let whole = program.body.len() == 1
            && matches!(&program.body[0],
                oxc_ast::ast::Statement::ExpressionStatement(e)
                    if matches!(e.expression.without_parentheses(),
                        oxc_ast::ast::Expression::FunctionExpression(f)
                            if f.body.as_ref().is_some_and(|b| b.span.start as usize == prefix.len()
                                && b.span.end as usize == src.len() - 1)));
        if !whole || !program.directives.is_empty() {
            return Err(self.throw_syntax_error("Unexpected token in function source"));
        }
        match compile_eval(self, program, &src, "anonymous") {
            Ok((idx, decls)) => self.run_script_code(idx, &decls),
            Err(e) => Err(self.throw_syntax_error(&e.message)),
        }
    }

    /// Compiles and runs `src` as a Script (a syntax error becomes a thrown SyntaxError).
    pub fn eval_script(&mut self, src: &str, file: &str) -> JsResult<Value> {
        match self.compile_script_source(src, file) {
            Ok((idx, decls)) => self.run_script_code(idx, &decls),
            Err(LoadError(m)) => {
                let m = m.split(": SyntaxError: ").nth(1).unwrap_or(&m).to_string();
                Err(self.throw_syntax_error(&m))
            }
        }
    }
}
