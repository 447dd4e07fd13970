//! Loading CommonJS modules: parsing (syntax errors), compiling, `require` with a cache, and
//! running the main module with uncaught-exception reporting.

use std::path::{Path, PathBuf};

use oxc_allocator::Allocator;
use oxc_span::SourceType;

use crate::js::Outcome;
use crate::js::builtins::arg;
use crate::js::compiler::{compile_module, line_col};
use crate::js::object::*;
use crate::js::parse::{Checks, parse};
use crate::js::shape;
use crate::js::tiering::{Tier, TierSlot};
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Options, Vm, realm};

/// A load failure before execution: `file:line:col: SyntaxError: message`.
pub struct LoadError(pub String);

impl LoadError {
    /// The SyntaxError at source offset `offset` of `file`.
    pub fn syntax(src: &str, file: &str, offset: u32, message: &str) -> LoadError {
        let (l, c) = line_col(src, offset);
        LoadError(format!("{file}:{l}:{c}: SyntaxError: {message}"))
    }
}

impl Vm {
    /// Parses and compiles a module; returns its FunctionCode index.
    pub fn compile_source(&mut self, src: &str, file: &str) -> Result<usize, LoadError> {
        let alloc = Allocator::default();
        let program = parse(&alloc, src, SourceType::cjs(), Checks::All)
            .map_err(|e| LoadError::syntax(src, file, e.offset, &e.message))?;
        compile_module(self, program, src, file)
            .map_err(|e| LoadError::syntax(src, file, e.offset, &e.message))
    }

    /// Loads (or returns the cached) module at `path`: its `module.exports`.
    pub fn require_path(&mut self, path: &Path) -> JsResult<Value> {
        let key = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        if let Some(&m) = self.modules.get(&key) {
            return self.get_by_name(m, "exports");
        }
        let src = match crate::js::read_source(path) {
            Ok(s) => s,
            Err(_) => {
                let msg = format!("Cannot find module '{}'", path.display());
                return Err(self.throw_error(realm::ERROR_PROTO, &msg));
            }
        };
        let file = path.display().to_string();
        let idx = match self.compile_source(&src, &file) {
            Ok(i) => i,
            Err(LoadError(m)) => return Err(self.throw_syntax_error(&m)),
        };
        self.run_module_code(idx, &key, &file, false)
    }

    /// Runs compiled module code as the module `key`; `internal`: a built-in module (its
    /// `require` reaches `internal/...` modules).
    pub(crate) fn run_module_code(
        &mut self,
        idx: usize,
        key: &Path,
        file: &str,
        internal: bool,
    ) -> JsResult<Value> {
        let module = self.new_object();
        self.modules.insert(key.to_path_buf(), module);
        let exports = self.new_object();
        self.put(module, "exports", exports, shape::DEFAULT);
        let dir = key
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| ".".into());
        let req = self.native_fn("require", require, 1);
        let dv = self.new_str(&dir);
        self.obj_mut(req).aux[0] = dv;
        self.obj_mut(req).aux[1] = Value::bool(internal);
        self.roots.push(req);
        let fname = self.new_str(file);
        self.roots.push(fname);
        let dirv = self.new_str(&dir);
        self.roots.push(dirv);
        let f = self.new_closure(idx, Value::UNDEFINED);
        self.roots.push(f);
        let r = self.call_function(f, exports, &[exports, req, module, fname, dirv]);
        self.roots.truncate(self.roots.len() - 4);
        if r.is_err() {
            // A module that threw while loading is not cached: requiring it again runs it
            // again (node's behaviour).
            self.modules.remove(key);
        }
        r?;
        self.get_by_name(module, "exports")
    }
}

fn require(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let spec = vm.to_rust_string(arg(vm, a, 0))?;
    let dirv = vm.obj(a.callee).aux[0];
    let dir = PathBuf::from(vm.str_to_string(dirv));
    let internal = vm.obj(a.callee).aux[1] == Value::TRUE;
    if let Some(name) = crate::js::node::builtin_name(&spec, internal) {
        return vm.require_builtin(name);
    }
    if spec.starts_with("node:") {
        return Err(vm.throw_unknown_builtin(&spec));
    }
    if !(spec.starts_with("./") || spec.starts_with("../") || spec.starts_with('/')) {
        let msg = format!("Cannot find module '{spec}'");
        return Err(vm.throw_error(realm::ERROR_PROTO, &msg));
    }
    let base = dir.join(&spec);
    let candidates = [
        base.clone(),
        PathBuf::from(format!("{}.js", base.display())),
        base.join("index.js"),
    ];
    for c in candidates {
        if c.is_file() {
            return vm.require_path(&c);
        }
    }
    let msg = format!("Cannot find module '{spec}'");
    Err(vm.throw_error(realm::ERROR_PROTO, &msg))
}

/// Runs the main module and reports the outcome.
/// `tier`: the higher tier to install, if any.
pub fn run_main(
    src: &str,
    path: &str,
    args: &[String],
    opts: Options,
    tier: Option<Tier>,
) -> Outcome {
    let stats = opts.stats;
    let mut vm = Vm::new(opts);
    if let Some(t) = tier {
        crate::js::tiering::install(&mut vm, t);
    }
    let g = vm.global;
    if let Ok(p) = vm.get_by_name(g, "process") {
        let abs = std::fs::canonicalize(path)
            .map(|p| p.display().to_string())
            .unwrap_or_else(|_| path.to_string());
        let mut items = vec![vm.new_str("kiln"), vm.new_str(&abs)];
        for a in args {
            items.push(vm.new_str(a));
        }
        let argv = vm.new_array_from(&items);
        vm.put(p, "argv", argv, shape::DEFAULT);
    }
    if vm.opts.test262_host {
        crate::js::builtins::install_test262_host(&mut vm);
    }
    let mut status = 0;
    if vm.opts.script {
        match vm.compile_script_source(src, path) {
            Err(LoadError(m)) => {
                vm.err.extend_from_slice(m.as_bytes());
                vm.err.push(b'\n');
                status = 1;
            }
            Ok((idx, decls)) => {
                let r = vm.run_script_code(idx, &decls);
                if r.and_then(|_| vm.run_event_loop()).is_err() {
                    status = vm.uncaught_status();
                } else if let Some(c) = vm.exiting {
                    status = c;
                }
            }
        }
        return finish_main(vm, status, stats);
    }
    if crate::js::esm::is_module_path(std::path::Path::new(path)) {
        status = run_main_esm(&mut vm, path);
        return finish_main(vm, status, stats);
    }
    match vm.compile_source(src, path) {
        Err(LoadError(m)) => {
            vm.err.extend_from_slice(m.as_bytes());
            vm.err.push(b'\n');
            status = 1;
        }
        Ok(idx) => {
            let key = std::fs::canonicalize(path).unwrap_or_else(|_| PathBuf::from(path));
            let r = vm.run_module_code(idx, &key, path, false);
            if r.and_then(|_| vm.run_event_loop()).is_err() {
                status = vm.uncaught_status();
            } else if let Some(c) = vm.exiting {
                status = c;
            }
        }
    }
    finish_main(vm, status, stats)
}

/// Runs the main program as an ES module; returns the exit status. A top-level await that
/// never settles ends the run with node's warning and status 13.
fn run_main_esm(vm: &mut Vm, path: &str) -> i32 {
    let abs = crate::js::esm::absolute(std::path::Path::new(path));
    let linked = vm.esm_load(&abs).and_then(|m| vm.esm_link(m).map(|_| m));
    let m = match linked {
        Ok(m) => m,
        Err(_) => {
            // Loading and linking errors are reported like syntax errors: `file:l:c: Name: msg`.
            if let Some(c) = vm.exiting {
                return c;
            }
            let e = vm.exception;
            let head = vm.error_head(e);
            let (f, l, c) = vm.throw_site.clone().unwrap_or((path.to_string(), 1, 1));
            vm.flush_out();
            vm.err
                .extend_from_slice(format!("{f}:{l}:{c}: {head}\n").as_bytes());
            return 1;
        }
    };
    let p = vm.esm_evaluate(m);
    if vm.promise_state(p) == crate::js::promise::STATE_REJECTED {
        // A module that does not await threw: the exception is uncaught now.
        vm.mark_promise_handled(p);
        vm.exception = vm.promise_result(p);
        return vm.uncaught_status();
    }
    vm.roots.push(p);
    let r = vm.run_event_loop();
    vm.roots.pop();
    if r.is_err() {
        return vm.uncaught_status();
    }
    if let Some(c) = vm.exiting {
        return c;
    }
    if vm.promise_state(p) == crate::js::promise::STATE_REJECTED {
        // A module that awaited failed (the test262 host does not track rejections).
        vm.exception = vm.promise_result(p);
        return vm.uncaught_status();
    }
    if vm.promise_state(p) == crate::js::promise::STATE_PENDING {
        let url = vm.unsettled_module_url().unwrap_or_default();
        vm.flush_out();
        let msg = format!("Warning: Detected unsettled top-level await at {url}\n");
        vm.err.extend_from_slice(msg.as_bytes());
        return 13;
    }
    0
}

/// Prints the stats, flushes output and builds the outcome.
fn finish_main(mut vm: Box<Vm>, mut status: i32, stats: bool) -> Outcome {
    if status == 0 && vm.exiting.is_none() {
        // A program that ends normally exits with `process.exitCode` (node's rule).
        let g = vm.global;
        if let Ok(p) = vm.get_by_name(g, "process")
            && p.is_object()
            && let Ok(c) = vm.get_by_name(p, "exitCode")
            && !c.is_undefined()
        {
            status = vm.to_int32(c).unwrap_or(0);
        }
    }
    if stats {
        let s = vm.stats_report();
        vm.err.extend_from_slice(s.as_bytes());
        // The tier's --stats lines.
        let j = TierSlot::report(&vm, vm.stats.instructions);
        vm.err.extend_from_slice(j.as_bytes());
    }
    vm.flush_out();
    if vm.opts.stream {
        use std::io::Write;
        let _ = std::io::stderr().write_all(&vm.err);
        vm.err.clear();
    }
    Outcome {
        stdout: std::mem::take(&mut vm.out),
        stderr: std::mem::take(&mut vm.err),
        status,
    }
}

impl Vm {
    /// After the main program threw: the exit status (`process.exit`'s, or 1 after printing
    /// the uncaught exception).
    pub fn uncaught_status(&mut self) -> i32 {
        match self.exiting {
            Some(c) => c,
            None => {
                let msg = self.describe_uncaught();
                self.flush_out();
                self.err.extend_from_slice(msg.as_bytes());
                1
            }
        }
    }

    /// "Uncaught Name: message" plus the throw location; for an unhandled rejection of a
    /// value that is not an error, node's `UnhandledPromiseRejection` message.
    pub fn describe_uncaught(&mut self) -> String {
        let e = self.exception;
        if self.uncaught_rejection && !(e.is_object() && self.class_of(e) == CLASS_ERROR) {
            let reason = self.rejection_reason_text(e);
            return format!(
                "Uncaught UnhandledPromiseRejection: This error originated either by throwing \
                 inside of an async function without a catch block, or by rejecting a promise \
                 which was not handled with .catch(). The promise rejected with the reason \
                 \"{reason}\".\n"
            );
        }
        let head = self.error_head(e);
        let loc = if self.uncaught_rejection {
            // A rejection was never thrown: the error's creation site (its stack's first frame).
            self.get_by_name(e, "stack")
                .ok()
                .filter(|v| v.is_string())
                .map(|v| self.str_to_string(v))
                .and_then(|st| {
                    st.lines()
                        .find_map(|l| l.trim_start().strip_prefix("at ").map(|x| format!("{x}\n")))
                })
                .unwrap_or_default()
        } else {
            self.throw_site
                .clone()
                .map(|(f, l, c)| format!("{f}:{l}:{c}\n"))
                .unwrap_or_default()
        };
        format!("{loc}Uncaught {head}\n")
    }

    /// `Name: message` of an error (`Name [CODE]: message` when it has a `code`, as node
    /// shows ERR_* errors); other values inspected.
    pub fn error_head(&mut self, e: Value) -> String {
        if e.is_object() && self.class_of(e) == CLASS_ERROR {
            let name = self
                .get_by_name(e, "name")
                .ok()
                .filter(|v| v.is_string())
                .map(|v| self.str_to_string(v));
            let msg = self
                .get_by_name(e, "message")
                .ok()
                .filter(|v| v.is_string())
                .map(|v| self.str_to_string(v));
            let mut name = name.unwrap_or_else(|| "Error".into());
            // node shows a `code` (ERR_MODULE_NOT_FOUND...) after the name.
            if let Ok(c) = self.get_by_name(e, "code")
                && c.is_string()
            {
                name = format!("{name} [{}]", self.str_to_string(c));
            }
            match msg {
                Some(m) if !m.is_empty() => format!("{name}: {m}"),
                _ => name,
            }
        } else {
            self.inspect(e)
        }
    }

    /// node's rendering of a rejection reason in the UnhandledPromiseRejection message (V8's
    /// NoSideEffectsToString: primitives as strings, `#<Ctor>` for objects).
    fn rejection_reason_text(&mut self, v: Value) -> String {
        if !v.is_object() {
            return self.format_reason_primitive(v);
        }
        if self.class_of(v) == CLASS_SYMBOL {
            return self.symbol_descriptive(v);
        }
        if self.is_callable(v) {
            return self.inspect(v);
        }
        if self.is_array(v) {
            return "[object Array]".into();
        }
        match self.constructor_name_of(v) {
            Some(n) if !n.is_empty() => format!("#<{n}>"),
            _ => "[object Object]".into(),
        }
    }

    fn format_reason_primitive(&mut self, v: Value) -> String {
        if v.is_string() {
            self.str_to_string(v)
        } else {
            self.primitive_to_rust_string(v)
        }
    }

    pub fn stats_report(&self) -> String {
        let s = &self.stats;
        let total = s.ic_hits + s.ic_misses;
        let rate = if total > 0 {
            100.0 * s.ic_hits as f64 / total as f64
        } else {
            0.0
        };
        format!(
            "--- kiln stats ---\ninstructions executed: {}\ncalls (bytecode): {}\ncalls (native): {}\ngc runs: {}\ngc time: {:.3} ms (marking {:.3} ms)\nheap live after last gc: {} bytes\nheap live peak: {} bytes\nheap arenas: {} (released {})\nic hits: {}\nic misses: {}\nic hit rate: {:.1}%\nshapes: {}\nfunctions compiled to bytecode: {}\n",
            s.instructions,
            s.calls,
            s.native_calls,
            self.heap.gc_count,
            self.heap.gc_nanos as f64 / 1e6,
            self.heap.mark_nanos as f64 / 1e6,
            self.heap.live_bytes,
            self.heap.peak_live_bytes,
            self.heap.arenas.len(),
            self.heap.arenas_released,
            s.ic_hits,
            s.ic_misses,
            rate,
            self.shapes.count(),
            self.codes.len(),
        )
    }
}
