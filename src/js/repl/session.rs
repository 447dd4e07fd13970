//! One REPL session: every input runs as a Script of its own in one realm. `var` and
//! function declarations are global object properties as in any Script; top-level
//! `let`/`const`/`class` ones are kept as (non-enumerable) global properties too, which the
//! session guards the way the global declarative record would (ECMA-262 16.1.7 steps 3-6):
//! redeclaring such a name, or declaring a `var` over it, is a SyntaxError, and a `const`
//! becomes read-only once its input has run. `_` holds the last result and `_error` the last
//! uncaught exception until the user assigns them (node's message then).

use std::collections::HashSet;
use std::time::Instant;

use oxc_allocator::Allocator;
use oxc_span::SourceType;

use super::await_input::{Wrapped, wrap_await};
use super::input::render_syntax_error;
use crate::js::compiler::{ScriptDecls, compile_repl_input};
use crate::js::object::PropKey;
use crate::js::parse::{Checks, parse};
use crate::js::promise;
use crate::js::shape;
use crate::js::tiering::Tier;
use crate::js::value::Value;
use crate::js::vm::{JsResult, Options, Thrown, Vm};

/// Whether the session goes on after an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Continue,
    /// `process.exit(code)` ran.
    Exit(i32),
}

/// What running one input Script gave.
enum Ran {
    /// It ran: its completion value or the exception.
    Done(JsResult<Value>),
    /// It did not parse or compile: the error as node shows it.
    Syntax(String),
}

/// The special globals the REPL keeps: `_` (last result) and `_error` (last exception).
const SPECIALS: [&str; 2] = ["_", "_error"];

/// A REPL session over one VM.
pub struct Session {
    vm: Box<Vm>,
    /// Names of top-level `let`/`class` and `const` declarations of earlier inputs.
    lexical: HashSet<String>,
    /// Names of `var` and function declarations of earlier inputs.
    vars: HashSet<String>,
    /// Inputs evaluated (names the sources `REPL1`, `REPL2`, … as node does).
    inputs: usize,
    /// Where `vm.roots` keeps the values last stored in `_` and `_error`.
    special_roots: usize,
    /// Whether the user assigned `_` / `_error` (the session stops updating it).
    assigned: [bool; 2],
}

impl Session {
    /// A session on a fresh VM; `tier`: the higher tier to install, as for a program.
    pub fn new(opts: Options, tier: Option<Tier>) -> Session {
        let mut vm = Vm::new(opts);
        if let Some(t) = tier {
            crate::js::tiering::install(&mut vm, t);
        }
        let g = vm.global;
        if let Ok(p) = vm.get_by_name(g, "process") {
            let argv = vm.new_str("kiln");
            let argv = vm.new_array_from(&[argv]);
            vm.put(p, "argv", argv, shape::DEFAULT);
        }
        let special_roots = vm.roots.len();
        for name in SPECIALS {
            vm.roots.push(Value::UNDEFINED);
            let key = PropKey::Atom(vm.intern(name));
            vm.define_own(g, key, Value::UNDEFINED, shape::HIDDEN);
        }
        Session {
            vm,
            lexical: HashSet::new(),
            vars: HashSet::new(),
            inputs: 0,
            special_roots,
            assigned: [false; 2],
        }
    }

    /// Writes `text` to standard output after whatever the program printed.
    pub fn print(&mut self, text: &str) {
        self.vm.write_out(text.as_bytes());
        self.vm.flush_out();
    }

    /// Evaluates one complete input and prints its result (inspected as `console.log`
    /// would) or the uncaught exception. Microtasks do not run yet (see [`Session::drain`]),
    /// unless the input awaits at top level: then the session runs microtasks and timers
    /// until its promise settles.
    pub fn eval(&mut self, src: &str) -> Status {
        self.inputs += 1;
        let file = format!("REPL{}", self.inputs);
        self.vm.start_macrotask_now();
        match self.run_input(src, &file) {
            Ran::Done(r) => self.report(r),
            Ran::Syntax(shown) => match wrap_await(src) {
                Some(w) => self.eval_await(&w, &file),
                None => {
                    self.print(&shown);
                    Status::Continue
                }
            },
        }
    }

    /// Compiles and runs `src` as one input Script.
    fn run_input(&mut self, src: &str, file: &str) -> Ran {
        let compiled = {
            let alloc = Allocator::default();
            parse(&alloc, src, SourceType::script(), Checks::All)
                .map_err(|e| (e.offset, e.message))
                .and_then(|p| {
                    compile_repl_input(&mut self.vm, p, src, file)
                        .map_err(|e| (e.offset, e.message))
                })
        };
        let (idx, decls) = match compiled {
            Ok(c) => c,
            Err((offset, message)) => {
                return Ran::Syntax(render_syntax_error(src, offset, &message));
            }
        };
        if let Some(name) = self.redeclared(&decls) {
            let msg = format!("Identifier '{name}' has already been declared");
            return Ran::Done(Err(self.vm.throw_syntax_error(&msg)));
        }
        let r = self.vm.run_script_code(idx, &decls);
        self.seal_lexical(&decls);
        self.lexical.extend(decls.lexical.iter().cloned());
        self.lexical.extend(decls.consts.iter().cloned());
        for v in &decls.vars {
            if !self.lexical.contains(v) {
                self.vars.insert(v.clone());
            }
        }
        Ran::Done(r)
    }

    /// Runs an input that awaits at top level and reports what its promise settles to. A
    /// promise that can no longer settle (no jobs, no timers) shows nothing.
    fn eval_await(&mut self, w: &Wrapped, file: &str) -> Status {
        if !w.declare.is_empty() {
            match self.run_input(&w.declare, file) {
                Ran::Done(Ok(_)) => {}
                Ran::Done(r) => return self.report(r),
                Ran::Syntax(shown) => {
                    self.print(&shown);
                    return Status::Continue;
                }
            }
        }
        let p = match self.run_input(&w.code, file) {
            Ran::Done(Ok(p)) => p,
            Ran::Done(r) => return self.report(r),
            Ran::Syntax(shown) => {
                self.print(&shown);
                return Status::Continue;
            }
        };
        if !p.is_object() || self.vm.class_of(p) != crate::js::object::CLASS_PROMISE {
            return self.report(Ok(p));
        }
        self.vm.mark_promise_handled(p);
        self.vm.roots.push(p);
        let r = self.settle(p);
        self.vm.roots.pop();
        match (r, self.vm.promise_state(p)) {
            (Err(e), _) => self.report(Err(e)),
            (Ok(()), promise::STATE_FULFILLED) => self.report(Ok(self.vm.promise_result(p))),
            (Ok(()), promise::STATE_REJECTED) => {
                self.vm.exception = self.vm.promise_result(p);
                self.report(Err(Thrown))
            }
            _ => Status::Continue,
        }
    }

    /// Runs microtasks, and timers when they are due, until `p` settles or nothing is left.
    fn settle(&mut self, p: Value) -> JsResult<()> {
        loop {
            self.vm.drain_microtasks()?;
            if self.vm.promise_state(p) != promise::STATE_PENDING || self.vm.exiting.is_some() {
                return Ok(());
            }
            let Some(due) = self.vm.next_timer_deadline() else {
                return Ok(());
            };
            self.vm.flush_out();
            std::thread::sleep(due.saturating_duration_since(Instant::now()));
            self.vm.run_due_timers()?;
        }
    }

    /// The first name `decls` may not declare over earlier inputs' declarations: a lexical
    /// name already declared (by any input) or a non-configurable global property (ECMA-262
    /// 16.1.7 steps 3.a-3.c), or a `var`/function name declared lexically (step 4.a).
    fn redeclared(&mut self, decls: &ScriptDecls) -> Option<String> {
        let g = self.vm.global;
        for name in decls.lexical.iter().chain(&decls.consts) {
            let key = PropKey::Atom(self.vm.intern(name));
            let restricted = self
                .vm
                .get_own_raw(g, key)
                .is_some_and(|(_, f)| f & shape::CONFIGURABLE == 0);
            if self.lexical.contains(name) || self.vars.contains(name) || restricted {
                return Some(name.clone());
            }
        }
        decls
            .vars
            .iter()
            .chain(&decls.functions)
            .find(|n| self.lexical.contains(*n))
            .cloned()
    }

    /// After an input ran: its lexical bindings stop being enumerable, its constants become
    /// read-only.
    fn seal_lexical(&mut self, decls: &ScriptDecls) {
        let g = self.vm.global;
        let lets = decls.lexical.iter().map(|n| (n, shape::WRITABLE));
        let consts = decls.consts.iter().map(|n| (n, 0));
        for (name, flags) in lets.chain(consts).collect::<Vec<_>>() {
            let key = PropKey::Atom(self.vm.intern(name));
            if let Some((v, _)) = self.vm.get_own_raw(g, key) {
                self.vm.define_own(g, key, v, flags);
            }
        }
    }

    /// Prints the outcome of an input (or of a microtask drain, when `r` is `Ok` there is
    /// nothing to print) and updates `_` / `_error`.
    fn report(&mut self, r: JsResult<Value>) -> Status {
        if let Some(code) = self.vm.exiting {
            return Status::Exit(code);
        }
        match r {
            Ok(v) => {
                self.vm.roots.push(v);
                self.set_special(0, v);
                let shown = self.vm.inspect(v);
                self.vm.roots.pop();
                self.print(&format!("{shown}\n"));
            }
            Err(_) => {
                let e = self.vm.exception;
                self.vm.exception = Value::UNDEFINED;
                self.vm.uncaught_rejection = false;
                self.vm.roots.push(e);
                let shown = self.vm.repl_uncaught(e);
                self.set_special(1, e);
                self.vm.roots.pop();
                self.print(&shown);
            }
        }
        Status::Continue
    }

    /// Stores `v` in the special global `SPECIALS[i]` unless the user assigned it; on the
    /// first input after such an assignment, prints node's notice.
    fn set_special(&mut self, i: usize, v: Value) {
        if self.assigned[i] {
            return;
        }
        let g = self.vm.global;
        let key = PropKey::Atom(self.vm.intern(SPECIALS[i]));
        let current = self.vm.get_own_raw(g, key).map(|(x, _)| x);
        if current != Some(self.vm.roots[self.special_roots + i]) {
            self.assigned[i] = true;
            let note = format!("Expression assignment to {} now disabled.\n", SPECIALS[i]);
            self.print(&note);
            return;
        }
        self.vm.roots[self.special_roots + i] = v;
        self.vm.define_own(g, key, v, shape::HIDDEN);
    }

    /// Runs the microtasks the last input queued; prints an unhandled rejection as node's
    /// REPL does (`Uncaught …`). Returns whether anything was printed.
    pub fn drain(&mut self) -> (Status, bool) {
        let r = self.vm.drain_microtasks();
        self.finish_task(r)
    }

    /// Runs the timers that are due now (and the microtasks after each).
    pub fn run_due_timers(&mut self) -> (Status, bool) {
        let r = self.vm.run_due_timers();
        self.finish_task(r)
    }

    fn finish_task(&mut self, r: JsResult<()>) -> (Status, bool) {
        self.vm.flush_out();
        match r {
            Ok(()) => (Status::Continue, false),
            Err(e) => (self.report(Err(e)), true),
        }
    }

    /// When the next timer is due, if one is armed.
    pub fn next_timer(&self) -> Option<Instant> {
        self.vm.next_timer_deadline()
    }
}
