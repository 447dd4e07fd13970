//! Node's built-in modules as kiln provides them (`buffer`, `fs`, `path`): each is a CommonJS
//! module written in JavaScript (`*.js` here, compiled on first `require`) over a small
//! native binding (`binding`, `fs`), reached from user code by `require('fs')` /
//! `require('node:fs')` and `import ... from 'node:fs'`, and `Buffer` as a lazy global.
//!
//! Modules whose names start with `internal/` (the binding object and the shared error
//! helpers) can only be required by these built-in modules.

pub mod binding;
pub mod encoding;
pub mod fs;

use std::path::PathBuf;

use crate::js::builtins::arg;
use crate::js::object::PropKey;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm, realm};

/// The JavaScript built-in modules: (name, source).
const SOURCES: &[(&str, &str)] = &[
    ("buffer", include_str!("buffer.js")),
    ("fs", include_str!("fs.js")),
    ("path", include_str!("path.js")),
    ("internal/errors", include_str!("errors.js")),
];

/// The built-in module a `require`/`import` specifier names (`fs`, `node:fs`), if any;
/// `internal/...` only when `internal` (the requiring module is itself built in).
pub fn builtin_name(spec: &str, internal: bool) -> Option<&'static str> {
    if internal && spec == "internal/binding" {
        return Some("internal/binding");
    }
    let bare = spec.strip_prefix("node:").unwrap_or(spec);
    SOURCES
        .iter()
        .map(|(n, _)| *n)
        .find(|n| *n == bare && (internal || !n.starts_with("internal/")))
}

/// The module-cache key of a built-in module.
pub fn builtin_key(name: &str) -> PathBuf {
    PathBuf::from(format!("node:{name}"))
}

impl Vm {
    /// node's error for a `node:` specifier that names no built-in module.
    pub fn throw_unknown_builtin(&mut self, spec: &str) -> crate::js::vm::Thrown {
        let e = self.make_error(
            realm::ERROR_PROTO,
            &format!("No such built-in module: {spec}"),
        );
        self.roots.push(e);
        let c = self.new_str("ERR_UNKNOWN_BUILTIN_MODULE");
        self.put(e, "code", c, crate::js::shape::DEFAULT);
        self.roots.pop();
        self.throw_value(e)
    }

    /// `require` of a built-in module (see [`builtin_name`]): its `module.exports`, loaded
    /// once per VM.
    pub fn require_builtin(&mut self, name: &str) -> JsResult<Value> {
        if name == "internal/binding" {
            return Ok(self.node_binding());
        }
        let key = builtin_key(name);
        if let Some(&m) = self.modules.get(&key) {
            return self.get_by_name(m, "exports");
        }
        let Some((_, src)) = SOURCES.iter().find(|(n, _)| *n == name) else {
            let msg = format!("Cannot find module '{name}'");
            return Err(self.throw_error(realm::ERROR_PROTO, &msg));
        };
        let file = format!("node:{name}");
        let idx = match self.compile_source(src, &file) {
            Ok(i) => i,
            Err(crate::js::module::LoadError(m)) => return Err(self.throw_syntax_error(&m)),
        };
        self.run_module_code(idx, &key, &file, true)
    }

    /// The internal binding object (made once).
    fn node_binding(&mut self) -> Value {
        let b = self.realm[realm::NODE_BINDING];
        if b.is_object() {
            return b;
        }
        let b = self.new_object();
        self.realm[realm::NODE_BINDING] = b;
        binding::install(self, b);
        fs::install(self, b);
        b
    }
}

/// The global `Buffer` getter: `require('buffer').Buffer`.
fn buffer_get(vm: &mut Vm, _a: &CallArgs) -> JsResult<Value> {
    let m = vm.require_builtin("buffer")?;
    vm.get_by_name(m, "Buffer")
}

/// The global `Buffer` setter: an ordinary data property from then on (as in node).
fn buffer_set(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let v = arg(vm, a, 0);
    let g = vm.global;
    let k = PropKey::Atom(vm.intern("Buffer"));
    vm.define_own(g, k, v, crate::js::shape::HIDDEN);
    Ok(Value::UNDEFINED)
}

/// Installs the lazy global `Buffer` (an accessor, as node's globals are).
pub fn install(vm: &mut Vm) {
    let g = vm.global;
    let get = vm.native_fn("get", buffer_get, 0);
    vm.roots.push(get);
    let k = PropKey::Atom(vm.intern("Buffer"));
    vm.define_accessor(g, k, get, true, false);
    vm.roots.pop();
    let set = vm.native_fn("set", buffer_set, 1);
    vm.define_accessor(g, k, set, false, false);
}
