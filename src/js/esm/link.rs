//! Linking ES modules (ECMA-262 16.2.1.5.1 Link, 16.2.1.6.3 ResolveExport): module
//! environments, binding cells, namespace objects, and reading an import binding.

use crate::js::compiler::ImportTarget;
use crate::js::object::*;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Thrown, Vm, realm};

use super::Status;

/// A ResolveExport result (ECMA-262 16.2.1.6.3).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Resolved {
    Binding(usize, u16),
    Namespace(usize),
    NotFound,
    Ambiguous,
}

impl Vm {
    // ---- linking ----

    /// Link (ECMA-262 16.2.1.5.1): creates the environments of every unlinked module of
    /// the graph of `root`, resolves their imports, then instantiates their functions.
    pub fn esm_link(&mut self, root: usize) -> JsResult<()> {
        let mut list = Vec::new();
        self.unlinked_graph(root, &mut list);
        for &m in &list {
            let rec = &self.esm.records[m];
            let (slots, tdz) = match (&rec.code, &rec.builtin) {
                (Some(c), _) => (c.slots, c.tdz_slots.clone()),
                (None, Some((_, names))) => (1 + names.len(), vec![0]),
                (None, None) => (1, vec![0]),
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
        } else if self.esm.records[target].code.is_none()
            && self.esm.records[target].builtin.is_none()
        {
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
            let named = rec
                .builtin
                .as_ref()
                .and_then(|(_, names)| names.iter().position(|n| n == name));
            return match named {
                _ if name == "default" => Resolved::Binding(m, 0),
                Some(i) => Resolved::Binding(m, i as u16 + 1),
                None => Resolved::NotFound,
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
            if let Some((_, names)) = &rec.builtin {
                out.extend(
                    names
                        .iter()
                        .filter(|n| !out.contains(n))
                        .cloned()
                        .collect::<Vec<_>>(),
                );
            }
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
