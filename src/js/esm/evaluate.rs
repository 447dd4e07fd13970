//! Evaluating ES modules: the async module graph (ECMA-262 16.2.1.5.3 Evaluate,
//! InnerModuleEvaluation and the async-module steps for top-level await) and `import()`.

use crate::js::builtins::arg;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Thrown, Vm};

use super::Status;

impl Vm {
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
            if let Some((name, names)) = self.esm.records[m].builtin.clone() {
                let exports = self.require_builtin(name)?;
                self.env_set(env, 0, exports);
                for (i, n) in names.iter().enumerate() {
                    let v = self.get_by_name(exports, n)?;
                    self.env_set(env, i + 1, v);
                }
                return Ok(());
            }
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
