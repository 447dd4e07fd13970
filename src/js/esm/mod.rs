//! ES modules at run time (ECMA-262 16.2.1): the module map, loading with node's rules
//! (`.mjs`, `"type": "module"` in the nearest `package.json`, CommonJS modules imported as
//! their `module.exports`), linking (ResolveExport, binding cells, namespace objects) and
//! evaluation of the async module graph (16.2.1.5.3 InnerModuleEvaluation with top-level
//! await), plus `import()`.
//!
//! The code of a module and its import/export tables come from `compiler::module_code`;
//! linking is in [`link`], evaluation and `import()` in [`evaluate`].

mod evaluate;
mod link;

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use oxc_allocator::Allocator;
use oxc_span::SourceType;

use crate::js::compiler::{ImportTarget, ModuleCode, compile_es_module, line_col};
use crate::js::parse::{Checks, parse};
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{JsResult, Thrown, Vm, realm};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Unlinked,
    Linked,
    Evaluating,
    EvaluatingAsync,
    Evaluated,
}

/// A module record: a source text module (`code`), a CommonJS module (`code` None, whose
/// only export, `default`, is its `module.exports`) or a built-in node module (`builtin`:
/// `default` plus one named export per own enumerable property of its exports).
pub struct Record {
    pub path: PathBuf,
    pub url: String,
    pub code: Option<ModuleCode>,
    /// A built-in module's name and its named exports (slot `1 + i` holds export `i`).
    pub builtin: Option<(&'static str, Vec<String>)>,
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

impl Record {
    /// An unlinked record, module number `idx`.
    fn new(
        path: PathBuf,
        url: String,
        code: Option<ModuleCode>,
        builtin: Option<(&'static str, Vec<String>)>,
        idx: usize,
    ) -> Record {
        Record {
            path,
            url,
            code,
            builtin,
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
        }
    }
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
        if let Some(name) = crate::js::node::builtin_name(specifier, false) {
            return self.esm_load_builtin(name);
        }
        if specifier.starts_with("node:") {
            return Err(self.throw_unknown_builtin(specifier));
        }
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

    /// The record of built-in module `name` (`node:fs`), made on first import: its exports
    /// are loaded now, so that its export names are known for linking.
    fn esm_load_builtin(&mut self, name: &'static str) -> JsResult<usize> {
        let key = crate::js::node::builtin_key(name);
        if let Some(i) = self.esm.find(&key) {
            return Ok(i);
        }
        let exports = self.require_builtin(name)?;
        let mut names = Vec::new();
        if exports.is_object() {
            for k in self.own_keys(exports, true) {
                if let crate::js::object::PropKey::Atom(a) = k {
                    let kv = self.atom_value(a);
                    let n = self.str_to_string(kv);
                    if n != "default" {
                        names.push(n);
                    }
                }
            }
        }
        let idx = self.esm.records.len();
        let url = key.display().to_string();
        let rec = Record::new(key.clone(), url, None, Some((name, names)), idx);
        self.esm.records.push(rec);
        self.esm.by_path.insert(key, idx);
        Ok(idx)
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
        self.esm
            .records
            .push(Record::new(path.to_path_buf(), url, code, None, idx));
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
        let (off, msg) = match parse(&alloc, src, SourceType::mjs(), Checks::All) {
            Err(e) => (e.offset, e.message),
            Ok(program) => match compile_es_module(self, program, src, file, url) {
                Ok(c) => return Ok(c),
                Err(e) => (e.offset, e.message),
            },
        };
        let (l, c) = line_col(src, off);
        let e = self.make_error(realm::SYNTAX_ERROR_PROTO, &msg);
        self.exception = e;
        self.throw_site = Some((file.to_string(), l, c));
        Err(Thrown)
    }
}
