//! ES modules at run time (ECMA-262 16.2.1): the module map, loading with node's rules
//! (`.mjs`, `"type": "module"` in the nearest `package.json`, CommonJS modules imported as
//! their `module.exports`), linking (ResolveExport, binding cells, namespace objects) and
//! evaluation of the async module graph (16.2.1.5.3 InnerModuleEvaluation with top-level
//! await), plus `import()`.
//!
//! The code of a module and its import/export tables come from `compiler::module_code`.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use oxc_allocator::Allocator;
use oxc_parser::Parser;
use oxc_span::SourceType;

use crate::js::builtins::arg;
use crate::js::compiler::{ImportTarget, ModuleCode, compile_es_module, line_col};
use crate::js::object::*;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Thrown, Vm, realm};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Unlinked,
    Linked,
    Evaluating,
    EvaluatingAsync,
    Evaluated,
}

/// A module record: a source text module (`code`) or a CommonJS module (`code` None, whose
/// only export, `default`, is its `module.exports`).
pub struct Record {
    pub path: PathBuf,
    pub url: String,
    pub code: Option<ModuleCode>,
    pub env: Value,
    pub namespace: Value,
    /// The module index per request of `code.requests`.
    pub requested: Vec<usize>,
    pub status: Status,
    /// Loading a dependency failed: importing this module throws that error again.
    pub load_error: Option<Value>,
    pub error: Option<Value>,
    dfs_index: usize,
    dfs_ancestor: usize,
    cycle_root: usize,
    /// [[AsyncEvaluation]]: the order in which it became async, while it is pending.
    async_order: Option<u64>,
    pending_deps: usize,
    async_parents: Vec<usize>,
    /// [[TopLevelCapability]]'s promise (undefined if none).
    top_promise: Value,
}

/// The module map (GC roots: every value of every record).
#[derive(Default)]
pub struct Registry {
    pub records: Vec<Record>,
    by_path: HashMap<PathBuf, usize>,
    async_counter: u64,
}

impl Registry {
    pub fn mark(&self, m: &mut crate::js::heap::gc::Marker) {
        for r in &self.records {
            m.mark(r.env);
            m.mark(r.namespace);
            m.mark(r.top_promise);
            if let Some(e) = r.error {
                m.mark(e);
            }
            if let Some(e) = r.load_error {
                m.mark(e);
            }
            if let Some(c) = &r.code {
                for i in &c.imports {
                    if let ImportTarget::Cell(v) = i.target {
                        m.mark(v);
                    }
                }
            }
        }
    }
    /// The module at `path`, if loaded.
    pub fn find(&self, path: &Path) -> Option<usize> {
        self.by_path.get(path).copied()
    }
}

/// Whether node runs `path` as an ES module: `.mjs`, or `.js` under a `package.json` whose
/// `type` is `module` (the nearest one decides).
pub fn is_module_path(path: &Path) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        Some("mjs") => true,
        Some("js") => package_type_is_module(path),
        _ => false,
    }
}

fn package_type_is_module(path: &Path) -> bool {
    let abs = absolute(path);
    let mut dir = abs.parent();
    while let Some(d) = dir {
        if let Ok(text) = std::fs::read_to_string(d.join("package.json")) {
            return package_type(&text).as_deref() == Some("module");
        }
        dir = d.parent();
    }
    false
}

/// The `"type"` string of a package.json text (a small scan, not a JSON parser).
fn package_type(text: &str) -> Option<String> {
    let i = text.find("\"type\"")?;
    let rest = text[i + 6..].trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_string())
}

/// `path` made absolute and normalized (`.` and `..` removed), symlinks resolved when it
/// exists.
pub fn absolute(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// The `file://` URL of an absolute path.
pub fn file_url(path: &Path) -> String {
    let mut s = String::from("file://");
    for ch in path.display().to_string().chars() {
        match ch {
            ' ' => s.push_str("%20"),
            '%' => s.push_str("%25"),
            '#' => s.push_str("%23"),
            '?' => s.push_str("%3F"),
            c => s.push(c),
        }
    }
    s
}

/// A ResolveExport result (ECMA-262 16.2.1.6.3).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Resolved {
    Binding(usize, u8),
    Namespace(usize),
    NotFound,
    Ambiguous,
}

impl Vm {
    // ---- loading ----

    /// Loads `specifier` imported by the module or script `referrer` (a file path): the
    /// module's index, loaded with its dependencies.
    pub fn esm_load_from(&mut self, referrer: &str, specifier: &str) -> JsResult<usize> {
        let rpath = absolute(Path::new(referrer));
        let base = if Path::new(referrer).is_file() {
            rpath.parent().map(Path::to_path_buf).unwrap_or_default()
        } else {
            std::env::current_dir().unwrap_or_default()
        };
        let spec = specifier.strip_prefix("file://").unwrap_or(specifier);
        if !(spec.starts_with("./") || spec.starts_with("../") || spec.starts_with('/')) {
            let msg = format!(
                "Cannot find package '{specifier}' imported from {}",
                rpath.display()
            );
            return Err(self.throw_module_not_found(&msg));
        }
        let path = absolute(&base.join(spec));
        if !path.is_file() {
            let msg = format!(
                "Cannot find module '{}' imported from {}",
                path.display(),
                rpath.display()
            );
            return Err(self.throw_module_not_found(&msg));
        }
        self.esm_load(&path)
    }

    fn throw_module_not_found(&mut self, msg: &str) -> Thrown {
        let e = self.make_error(realm::ERROR_PROTO, msg);
        self.roots.push(e);
        let code = self.new_str("ERR_MODULE_NOT_FOUND");
        self.put(e, "code", code, shape::DEFAULT);
        self.roots.pop();
        self.throw_value(e)
    }

    /// Loads the module at the absolute path `path` and, recursively, its dependencies.
    pub fn esm_load(&mut self, path: &Path) -> JsResult<usize> {
        if let Some(i) = self.esm.find(path) {
            if let Some(e) = self.esm.records[i].load_error {
                return Err(self.throw_value(e));
            }
            return Ok(i);
        }
        let url = file_url(path);
        let code = if is_module_path(path) {
            let src = match crate::js::read_source(path) {
                Ok(s) => s,
                Err(_) => {
                    let msg = format!("Cannot find module '{}'", path.display());
                    return Err(self.throw_module_not_found(&msg));
                }
            };
            Some(self.compile_module_source(&src, &path.display().to_string(), &url)?)
        } else {
            None
        };
        let idx = self.esm.records.len();
        let requests = code
            .as_ref()
            .map(|c| c.requests.clone())
            .unwrap_or_default();
        self.esm.records.push(Record {
            path: path.to_path_buf(),
            url,
            code,
            env: Value::UNDEFINED,
            namespace: Value::UNDEFINED,
            requested: Vec::new(),
            status: Status::Unlinked,
            load_error: None,
            error: None,
            dfs_index: 0,
            dfs_ancestor: 0,
            cycle_root: idx,
            async_order: None,
            pending_deps: 0,
            async_parents: Vec::new(),
            top_promise: Value::UNDEFINED,
        });
        self.esm.by_path.insert(path.to_path_buf(), idx);
        let file = path.display().to_string();
        for r in requests {
            match self.esm_load_from(&file, &r) {
                Ok(m) => self.esm.records[idx].requested.push(m),
                Err(t) => {
                    self.esm.records[idx].load_error = Some(self.exception);
                    return Err(t);
                }
            }
        }
        Ok(idx)
    }

    /// Parses (module goal) and compiles module source; a syntax error is thrown as a
    /// SyntaxError whose throw site is its file:line:col.
    fn compile_module_source(&mut self, src: &str, file: &str, url: &str) -> JsResult<ModuleCode> {
        let alloc = Allocator::default();
        let ret = Parser::new(&alloc, src, SourceType::mjs()).parse();
        let err = if let Some(d) = ret.diagnostics.errors().next() {
            let off = d.labels.first().map(|l| l.offset()).unwrap_or(0);
            Some((off, d.message.to_string()))
        } else if ret.panicked {
            Some((0, "could not parse".to_string()))
        } else {
            match compile_es_module(self, &ret.program, src, file, url) {
                Ok(c) => return Ok(c),
                Err(e) => Some((e.offset, e.message)),
            }
        };
        let (off, msg) = err.unwrap_or_default();
        let (l, c) = line_col(src, off);
        let e = self.make_error(realm::SYNTAX_ERROR_PROTO, &msg);
        self.exception = e;
        self.throw_site = Some((file.to_string(), l, c));
        Err(Thrown)
    }

    // ---- linking ----

    /// Link (ECMA-262 16.2.1.5.1): creates the environments of every unlinked module of
    /// the graph of `root`, resolves their imports, then instantiates their functions.
    pub fn esm_link(&mut self, root: usize) -> JsResult<()> {
        let mut list = Vec::new();
        self.unlinked_graph(root, &mut list);
        for &m in &list {
            let (slots, tdz) = match &self.esm.records[m].code {
                Some(c) => (c.slots, c.tdz_slots.clone()),
                None => (1, vec![0]),
            };
            let env = self.new_env(Value::UNDEFINED, slots);
            for s in tdz {
                self.env_set(env, s as usize, Value::EMPTY);
            }
            self.esm.records[m].env = env;
        }
        let r = self.link_imports(&list);
        if r.is_err() {
            for &m in &list {
                let rec = &mut self.esm.records[m];
                rec.env = Value::UNDEFINED;
                rec.namespace = Value::UNDEFINED;
            }
            return r;
        }
        for &m in &list {
            self.esm.records[m].status = Status::Linked;
        }
        for &m in &list {
            let Some(init) = self.esm.records[m].code.as_ref().map(|c| c.init) else {
                continue;
            };
            let env = self.esm.records[m].env;
            let f = self.new_closure(init, env);
            self.roots.push(f);
            let r = self.call_function(f, Value::UNDEFINED, &[]);
            self.roots.pop();
            r?;
        }
        Ok(())
    }

    fn unlinked_graph(&self, m: usize, out: &mut Vec<usize>) {
        if out.contains(&m) || self.esm.records[m].status != Status::Unlinked {
            return;
        }
        out.push(m);
        for &r in &self.esm.records[m].requested {
            self.unlinked_graph(r, out);
        }
    }

    fn link_imports(&mut self, list: &[usize]) -> JsResult<()> {
        for &m in list {
            let Some(code) = self.esm.records[m].code.clone() else {
                continue;
            };
            for (name, req, import) in &code.indirect_exports {
                let target = self.esm.records[m].requested[*req];
                let r = match import {
                    Some(n) => self.resolve_export(target, n, &mut Vec::new()),
                    None => Resolved::Namespace(target),
                };
                if matches!(r, Resolved::NotFound | Resolved::Ambiguous) {
                    let _ = name;
                    return Err(self.link_error(m, *req, import.as_deref().unwrap_or(""), r));
                }
            }
            for ie in &code.imports {
                let target = self.esm.records[m].requested[ie.request];
                let r = match &ie.name {
                    Some(n) => self.resolve_export(target, n, &mut Vec::new()),
                    None => Resolved::Namespace(target),
                };
                let (env, slot) = match r {
                    Resolved::Binding(t, s) => (self.esm.records[t].env, s as i32),
                    Resolved::Namespace(t) => (self.module_namespace(t), -1),
                    _ => {
                        let n = ie.name.clone().unwrap_or_default();
                        return Err(self.link_error(m, ie.request, &n, r));
                    }
                };
                match ie.target {
                    ImportTarget::Cell(cell) => {
                        let o = self.obj_mut(cell);
                        o.aux[0] = env;
                        o.aux[1] = Value::int(slot);
                    }
                    ImportTarget::Slot(s) => {
                        let own = self.esm.records[m].env;
                        self.env_set(own, s as usize, env);
                    }
                }
            }
        }
        Ok(())
    }

    /// The SyntaxError of an import that does not resolve (node's wording).
    fn link_error(&mut self, m: usize, req: usize, name: &str, r: Resolved) -> Thrown {
        let spec = self.esm.records[m]
            .code
            .as_ref()
            .map(|c| c.requests[req].clone())
            .unwrap_or_default();
        let target = self.esm.records[m].requested[req];
        let msg = if r == Resolved::Ambiguous {
            format!(
                "The requested module '{spec}' contains conflicting star exports for name '{name}'"
            )
        } else if self.esm.records[target].code.is_none() {
            format!(
                "Named export '{name}' not found. The requested module '{spec}' is a CommonJS \
                 module, which may not support all module.exports as named exports."
            )
        } else {
            format!("The requested module '{spec}' does not provide an export named '{name}'")
        };
        let e = self.make_error(realm::SYNTAX_ERROR_PROTO, &msg);
        let rec = &self.esm.records[m];
        self.exception = e;
        self.throw_site = Some((rec.path.display().to_string(), 1, 1));
        Thrown
    }

    /// ResolveExport (ECMA-262 16.2.1.6.3); `set` holds the (module, name) pairs visited.
    fn resolve_export(&self, m: usize, name: &str, set: &mut Vec<(usize, String)>) -> Resolved {
        if set.iter().any(|(sm, sn)| *sm == m && sn == name) {
            return Resolved::NotFound;
        }
        set.push((m, name.to_string()));
        let rec = &self.esm.records[m];
        let Some(code) = &rec.code else {
            return if name == "default" {
                Resolved::Binding(m, 0)
            } else {
                Resolved::NotFound
            };
        };
        if let Some((_, s)) = code.local_exports.iter().find(|(n, _)| n == name) {
            return Resolved::Binding(m, *s);
        }
        if let Some((_, req, import)) = code.indirect_exports.iter().find(|(n, _, _)| n == name) {
            let target = rec.requested[*req];
            return match import {
                Some(i) => self.resolve_export(target, i, set),
                None => Resolved::Namespace(target),
            };
        }
        if name == "default" {
            return Resolved::NotFound;
        }
        let mut star = Resolved::NotFound;
        for req in &code.star_exports {
            let target = rec.requested[*req];
            match self.resolve_export(target, name, set) {
                Resolved::Ambiguous => return Resolved::Ambiguous,
                Resolved::NotFound => {}
                r if star == Resolved::NotFound => star = r,
                r if r != star => return Resolved::Ambiguous,
                _ => {}
            }
        }
        star
    }

    /// GetExportedNames (ECMA-262 16.2.1.6.2).
    fn exported_names(&self, m: usize, visited: &mut Vec<usize>, out: &mut Vec<String>) {
        if visited.contains(&m) {
            return;
        }
        visited.push(m);
        let rec = &self.esm.records[m];
        let Some(code) = &rec.code else {
            out.push("default".into());
            return;
        };
        let own = code
            .local_exports
            .iter()
            .map(|(n, _)| n)
            .chain(code.indirect_exports.iter().map(|(n, _, _)| n));
        for n in own {
            if !out.contains(n) {
                out.push(n.clone());
            }
        }
        for req in &code.star_exports {
            let mut star = Vec::new();
            self.exported_names(rec.requested[*req], visited, &mut star);
            for n in star {
                if n != "default" && !out.contains(&n) {
                    out.push(n);
                }
            }
        }
    }

    /// GetModuleNamespace (ECMA-262 16.2.1.10): a null-prototype, non-extensible object
    /// with one enumerable, non-configurable live property per export (sorted), read
    /// through the exporter's binding, and `Symbol.toStringTag` "Module".
    pub fn module_namespace(&mut self, m: usize) -> Value {
        let ns = self.esm.records[m].namespace;
        if ns.is_object() {
            return ns;
        }
        let ns = self.new_object_with(CLASS_ORDINARY, Value::NULL);
        self.esm.records[m].namespace = ns;
        let mut names = Vec::new();
        self.exported_names(m, &mut Vec::new(), &mut names);
        let mut keyed: Vec<(Vec<u16>, String)> = names
            .into_iter()
            .map(|n| (n.encode_utf16().collect(), n))
            .collect();
        keyed.sort();
        for (_, name) in keyed {
            let (env, slot) = match self.resolve_export(m, &name, &mut Vec::new()) {
                Resolved::Binding(t, s) => (self.esm.records[t].env, s as i32),
                Resolved::Namespace(t) => (self.module_namespace(t), -1),
                _ => continue,
            };
            let n = self.new_str(&name);
            self.roots.push(n);
            let getter = self.native_closure("", namespace_get, 0, &[env, Value::int(slot), n]);
            self.roots.push(getter);
            let acc = self.new_accessor(getter, Value::UNDEFINED);
            self.roots.push(acc);
            let key = self.key_from_str(n);
            self.define_own(ns, key, acc, shape::ACCESSOR | shape::ENUMERABLE);
            self.roots.truncate(self.roots.len() - 3);
        }
        if let Some(tag) = crate::js::builtins::symbol::well_known(self, "toStringTag") {
            let s = self.new_str("Module");
            self.define_own(ns, PropKey::Atom(tag), s, 0);
        }
        self.obj_mut(ns).hdr.flags |= FLAG_NOT_EXTENSIBLE;
        ns
    }

    /// Whether `v` is a module namespace object (for `console.log`).
    pub fn is_module_namespace(&self, v: Value) -> bool {
        v.is_object() && self.esm.records.iter().any(|r| r.namespace == v)
    }

    /// `LoadImport`: the value of an import binding through its cell (see
    /// `compiler::module_code`); a binding in its TDZ throws a ReferenceError.
    pub fn load_import(&mut self, cell: Value) -> JsResult<Value> {
        let [env, slot, name] = self.obj(cell).aux;
        read_binding(self, env, slot, name)
    }

    // ---- evaluation ----

    /// Evaluate (ECMA-262 16.2.1.5.3): runs the graph of the linked module `m`; returns
    /// the promise of its evaluation.
    pub fn esm_evaluate(&mut self, mut m: usize) -> Value {
        if matches!(
            self.esm.records[m].status,
            Status::EvaluatingAsync | Status::Evaluated
        ) {
            m = self.esm.records[m].cycle_root;
        }
        let p = self.esm.records[m].top_promise;
        if p.is_object() {
            return p;
        }
        let p = self.new_promise();
        self.esm.records[m].top_promise = p;
        let mut stack = Vec::new();
        match self.inner_evaluation(m, &mut stack, 0) {
            Err(_) => {
                let e = self.exception;
                for s in stack {
                    self.esm.records[s].status = Status::Evaluated;
                    self.esm.records[s].error = Some(e);
                }
                self.reject_promise(p, e);
            }
            Ok(_) => {
                if self.esm.records[m].async_order.is_none() {
                    self.resolve_promise(p, Value::UNDEFINED);
                }
            }
        }
        p
    }

    fn inner_evaluation(
        &mut self,
        m: usize,
        stack: &mut Vec<usize>,
        mut index: usize,
    ) -> JsResult<usize> {
        match self.esm.records[m].status {
            Status::EvaluatingAsync | Status::Evaluated => {
                return match self.esm.records[m].error {
                    Some(e) => Err(self.throw_value(e)),
                    None => Ok(index),
                };
            }
            Status::Evaluating => return Ok(index),
            _ => {}
        }
        {
            let r = &mut self.esm.records[m];
            r.status = Status::Evaluating;
            r.dfs_index = index;
            r.dfs_ancestor = index;
            r.pending_deps = 0;
        }
        index += 1;
        stack.push(m);
        let requested = self.esm.records[m].requested.clone();
        for req in requested {
            index = self.inner_evaluation(req, stack, index)?;
            let mut req = req;
            if self.esm.records[req].status == Status::Evaluating {
                let a = self.esm.records[req].dfs_ancestor;
                let r = &mut self.esm.records[m];
                r.dfs_ancestor = r.dfs_ancestor.min(a);
            } else {
                req = self.esm.records[req].cycle_root;
                if let Some(e) = self.esm.records[req].error {
                    return Err(self.throw_value(e));
                }
            }
            if self.esm.records[req].async_order.is_some() {
                self.esm.records[m].pending_deps += 1;
                self.esm.records[req].async_parents.push(m);
            }
        }
        let has_tla = self.esm.records[m].code.as_ref().is_some_and(|c| c.has_tla);
        if self.esm.records[m].pending_deps > 0 || has_tla {
            self.esm.async_counter += 1;
            self.esm.records[m].async_order = Some(self.esm.async_counter);
            if self.esm.records[m].pending_deps == 0 {
                self.execute_async_module(m);
            }
        } else {
            self.execute_module(m)?;
        }
        let r = &self.esm.records[m];
        if r.dfs_ancestor == r.dfs_index {
            while let Some(s) = stack.pop() {
                let rec = &mut self.esm.records[s];
                rec.status = if rec.async_order.is_some() {
                    Status::EvaluatingAsync
                } else {
                    Status::Evaluated
                };
                rec.cycle_root = m;
                if s == m {
                    break;
                }
            }
        }
        Ok(index)
    }

    /// ExecuteModule without a capability: runs a module that does not await.
    fn execute_module(&mut self, m: usize) -> JsResult<()> {
        let env = self.esm.records[m].env;
        let Some(code) = &self.esm.records[m].code else {
            let path = self.esm.records[m].path.clone();
            let exports = self.require_path(&path)?;
            self.env_set(env, 0, exports);
            return Ok(());
        };
        let body = code.body;
        let f = self.new_closure(body, env);
        self.roots.push(f);
        let r = self.call_function(f, Value::UNDEFINED, &[]);
        self.roots.pop();
        let p = r?;
        // The body is async: it has settled its promise already (it never awaits).
        if self.is_promise(p) && self.promise_state(p) == crate::js::promise::STATE_REJECTED {
            self.mark_promise_handled(p);
            let e = self.promise_result(p);
            self.exception = e;
            return Err(Thrown);
        }
        Ok(())
    }

    /// ExecuteAsyncModule (ECMA-262 16.2.1.5.3.3).
    fn execute_async_module(&mut self, m: usize) {
        let env = self.esm.records[m].env;
        let body = self.esm.records[m].code.as_ref().map(|c| c.body);
        let Some(body) = body else { return };
        let f = self.new_closure(body, env);
        self.roots.push(f);
        let r = self.call_function(f, Value::UNDEFINED, &[]);
        self.roots.pop();
        match r {
            Ok(p) if self.is_promise(p) => {
                self.roots.push(p);
                let mi = Value::int(m as i32);
                let ok = self.native_closure("", async_module_fulfilled, 0, &[mi]);
                self.roots.push(ok);
                let bad = self.native_closure("", async_module_rejected, 1, &[mi]);
                self.roots.truncate(self.roots.len() - 2);
                self.perform_then(p, ok, bad, None);
            }
            Ok(_) => self.async_module_fulfilled(m),
            Err(_) => {
                let e = self.exception;
                self.async_module_rejected(m, e);
            }
        }
    }

    /// AsyncModuleExecutionFulfilled (ECMA-262 16.2.1.5.3.4).
    fn async_module_fulfilled(&mut self, m: usize) {
        if self.esm.records[m].status == Status::Evaluated {
            return;
        }
        self.esm.records[m].async_order = None;
        self.esm.records[m].status = Status::Evaluated;
        let p = self.esm.records[m].top_promise;
        if p.is_object() {
            self.resolve_promise(p, Value::UNDEFINED);
        }
        let mut exec = Vec::new();
        self.gather_available_ancestors(m, &mut exec);
        exec.sort_by_key(|&a| self.esm.records[a].async_order.unwrap_or(0));
        for a in exec {
            if self.esm.records[a].status == Status::Evaluated {
                continue;
            }
            if self.esm.records[a].code.as_ref().is_some_and(|c| c.has_tla) {
                self.execute_async_module(a);
            } else {
                match self.execute_module(a) {
                    Err(_) => {
                        let e = self.exception;
                        self.async_module_rejected(a, e);
                    }
                    Ok(()) => {
                        self.esm.records[a].async_order = None;
                        self.esm.records[a].status = Status::Evaluated;
                        let p = self.esm.records[a].top_promise;
                        if p.is_object() {
                            self.resolve_promise(p, Value::UNDEFINED);
                        }
                    }
                }
            }
        }
    }

    fn gather_available_ancestors(&mut self, m: usize, exec: &mut Vec<usize>) {
        let parents = self.esm.records[m].async_parents.clone();
        for p in parents {
            let root = self.esm.records[p].cycle_root;
            if exec.contains(&p) || self.esm.records[root].error.is_some() {
                continue;
            }
            let rec = &mut self.esm.records[p];
            rec.pending_deps = rec.pending_deps.saturating_sub(1);
            if rec.pending_deps == 0 {
                exec.push(p);
                if !rec.code.as_ref().is_some_and(|c| c.has_tla) {
                    self.gather_available_ancestors(p, exec);
                }
            }
        }
    }

    /// AsyncModuleExecutionRejected (ECMA-262 16.2.1.5.3.5).
    fn async_module_rejected(&mut self, m: usize, e: Value) {
        if self.esm.records[m].status == Status::Evaluated {
            return;
        }
        {
            let r = &mut self.esm.records[m];
            r.error = Some(e);
            r.status = Status::Evaluated;
            r.async_order = None;
        }
        for p in self.esm.records[m].async_parents.clone() {
            self.async_module_rejected(p, e);
        }
        let p = self.esm.records[m].top_promise;
        if p.is_object() {
            self.reject_promise(p, e);
        }
    }

    // ---- entry points ----

    /// The `import.meta.url`-style location of a pending top-level await (for node's
    /// warning): the first module of the graph still evaluating asynchronously.
    pub fn unsettled_module_url(&self) -> Option<String> {
        self.esm
            .records
            .iter()
            .find(|r| r.status == Status::EvaluatingAsync && r.async_order.is_some())
            .map(|r| r.url.clone())
    }

    /// `import(specifier)` from code in `referrer` (ECMA-262 13.3.10.1): a promise for the
    /// namespace. Loading starts in a job, after the running code (node loads
    /// asynchronously).
    pub fn dynamic_import(&mut self, specifier: Value, referrer: &str) -> JsResult<Value> {
        let p = self.new_promise();
        self.roots.push(p);
        // ToString(specifier) now; an abrupt completion rejects the promise (steps 6-7).
        let specifier = match self.to_rust_string(specifier) {
            Ok(s) => self.new_str(&s),
            Err(_) => {
                self.roots.pop();
                if self.exiting.is_some() {
                    return Err(Thrown);
                }
                let e = self.exception;
                self.reject_promise(p, e);
                return Ok(p);
            }
        };
        self.roots.push(specifier);
        let r = self.new_str(referrer);
        self.roots.push(r);
        let job = self.native_closure("", dynamic_import_job, 0, &[p, specifier, r]);
        self.roots.truncate(self.roots.len() - 3);
        self.enqueue_job(crate::js::jobs::Job::new(
            crate::js::jobs::JobKind::Call,
            &[
                job,
                Value::UNDEFINED,
                Value::UNDEFINED,
                Value::UNDEFINED,
                Value::UNDEFINED,
            ],
        ));
        Ok(p)
    }
}

fn read_binding(vm: &mut Vm, env: Value, slot: Value, name: Value) -> JsResult<Value> {
    let v = if slot.as_int() < 0 {
        env
    } else if env.is_undefined() {
        Value::EMPTY
    } else {
        vm.env_get(env, slot.as_int() as usize)
    };
    if v.is_empty() {
        let n = vm.str_to_string(name);
        return Err(vm.throw_reference_error(&format!("Cannot access '{n}' before initialization")));
    }
    Ok(v)
}

fn namespace_get(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let [env, slot, name] = vm.obj(a.callee).aux;
    read_binding(vm, env, slot, name)
}

fn async_module_fulfilled(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let m = vm.obj(a.callee).aux[0].as_int() as usize;
    vm.async_module_fulfilled(m);
    Ok(Value::UNDEFINED)
}

fn async_module_rejected(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let m = vm.obj(a.callee).aux[0].as_int() as usize;
    let e = arg(vm, a, 0);
    vm.async_module_rejected(m, e);
    Ok(Value::UNDEFINED)
}

/// The job of `import()`: load, link, evaluate, then settle the promise with the
/// namespace (ContinueDynamicImport, ECMA-262 16.2.1.11).
fn dynamic_import_job(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let [p, spec, referrer] = vm.obj(a.callee).aux;
    let loaded = (|| {
        let s = vm.str_to_string(spec);
        let r = vm.str_to_string(referrer);
        let m = vm.esm_load_from(&r, &s)?;
        vm.esm_link(m)?;
        Ok(m)
    })();
    let m = match loaded {
        Ok(m) => m,
        Err(Thrown) => {
            if vm.exiting.is_some() {
                return Err(Thrown);
            }
            let e = vm.exception;
            vm.reject_promise(p, e);
            return Ok(Value::UNDEFINED);
        }
    };
    let ev = vm.esm_evaluate(m);
    vm.roots.push(ev);
    let mi = Value::int(m as i32);
    let ok = vm.native_closure("", dynamic_import_done, 1, &[p, mi]);
    vm.roots.push(ok);
    let bad = vm.native_closure("", dynamic_import_failed, 1, &[p]);
    vm.roots.truncate(vm.roots.len() - 2);
    vm.perform_then(ev, ok, bad, None);
    Ok(Value::UNDEFINED)
}

fn dynamic_import_done(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let [p, m, _] = vm.obj(a.callee).aux;
    let ns = vm.module_namespace(m.as_int() as usize);
    vm.resolve_promise(p, ns);
    Ok(Value::UNDEFINED)
}

fn dynamic_import_failed(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let p = vm.obj(a.callee).aux[0];
    let e = arg(vm, a, 0);
    vm.reject_promise(p, e);
    Ok(Value::UNDEFINED)
}
