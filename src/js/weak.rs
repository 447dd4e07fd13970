//! Weak references and the collector: WeakMap/WeakSet entries, WeakRef targets, the
//! FinalizationRegistry cells, ES2025 9.9 (KeepDuringJob, ClearKeptObjects) and 9.10
//! (HostEnqueueFinalizationRegistryCleanupJob).
//!
//! After the ordinary marking (`heap::gc::Marker`, which leaves WeakMap/WeakSet entries and
//! WeakRef targets untraced and lists those containers), [`Vm::finish_weak_marking`] marks
//! to a fixpoint: a WeakMap value is live once its map and its key are (an ephemeron), a
//! live registry keeps its cells' held values. Then entries with dead keys are dropped,
//! dead WeakRef targets cleared, and a live registry's cells with dead targets become
//! cleanup tasks, which the event loop runs as their own macrotasks.

use std::collections::{HashMap, VecDeque};

use crate::js::heap::cells::ObjCell;
use crate::js::heap::gc::Marker;
use crate::js::object::*;
use crate::js::value::Value;
use crate::js::vm::{JsResult, Vm};

/// One `register` call: the target (weak), held value and unregister token (weak, or
/// undefined).
#[derive(Clone, Copy)]
pub struct FinCell {
    pub target: Value,
    pub held: Value,
    pub token: Value,
}

/// The weak-reference state of a VM.
#[derive(Default)]
pub struct WeakState {
    /// Objects a WeakRef was created for or deref'd in the current job (KeepDuringJob):
    /// roots until the microtask checkpoint ends.
    pub kept: Vec<Value>,
    kept_set: std::collections::HashSet<u64>,
    /// The cells of each FinalizationRegistry, by the registry's bits.
    pub registries: HashMap<u64, (Value, Vec<FinCell>)>,
    /// Cleanup tasks to run: (callback, held value).
    pub cleanups: VecDeque<(Value, Value)>,
}

impl WeakState {
    /// Strong roots: kept objects and the pending cleanup tasks.
    pub fn mark_roots(&self, m: &mut Marker) {
        m.mark_all(&self.kept);
        for &(f, h) in &self.cleanups {
            m.mark(f);
            m.mark(h);
        }
    }
}

impl Vm {
    /// Ephemeron and registry marking to a fixpoint, then clearing of what died (see the
    /// module comment). Runs between `Marker::drain` and the sweep.
    pub fn finish_weak_marking(&mut self, m: &mut Marker) {
        loop {
            let mut changed = false;
            let mut i = 0;
            while i < m.weak.len() {
                let p = m.weak[i];
                i += 1;
                // SAFETY: `Marker::weak` holds marked (live) object cells; a WeakMap owns its
                // MapData.
                unsafe {
                    if (*p).hdr.class != CLASS_WEAK_MAP || (*p).map.is_null() {
                        continue;
                    }
                    for &(k, v) in &(*(*p).map).entries {
                        if !k.is_empty() && m.is_live(k) && !m.is_live(v) {
                            m.mark(v);
                            changed = true;
                        }
                    }
                }
            }
            for (reg, cells) in self.weak.registries.values() {
                if m.is_live(*reg) {
                    for c in cells {
                        if !m.is_live(c.held) {
                            m.mark(c.held);
                            changed = true;
                        }
                    }
                }
            }
            if !changed {
                break;
            }
            m.drain();
        }
        for &p in &m.weak {
            // SAFETY: as above; the target slot of a WeakRef is aux[0].
            unsafe { clear_dead(m, &mut *p) };
        }
        m.weak.clear();
        let mut regs = std::mem::take(&mut self.weak.registries);
        regs.retain(|_, (reg, _)| m.is_live(*reg));
        for (reg, cells) in regs.values_mut() {
            let callback = self.obj(*reg).aux[0];
            // Newest registration first, as V8 (and so node) runs them.
            for c in cells.iter().rev() {
                if !m.is_live(c.target) {
                    self.weak.cleanups.push_back((callback, c.held));
                }
            }
            cells.retain(|c| m.is_live(c.target));
            for c in cells.iter_mut() {
                if !m.is_live(c.token) {
                    c.token = Value::UNDEFINED;
                }
            }
        }
        self.weak.registries = regs;
    }

    /// AddToKeptObjects (9.9.3).
    pub fn keep_during_job(&mut self, v: Value) {
        if self.weak.kept_set.insert(v.0) {
            self.weak.kept.push(v);
        }
    }

    /// ClearKeptObjects (9.9.2): at the end of a microtask checkpoint.
    pub fn clear_kept_objects(&mut self) {
        self.weak.kept.clear();
        self.weak.kept_set.clear();
    }

    /// Runs the pending FinalizationRegistry cleanup tasks, each followed by a microtask
    /// checkpoint, as the event loop does with a timer callback.
    pub fn run_cleanups(&mut self) -> JsResult<()> {
        while let Some((f, held)) = self.weak.cleanups.pop_front() {
            let base = self.roots.len();
            self.roots.extend_from_slice(&[f, held]);
            let r = self
                .call_function(f, Value::UNDEFINED, &[held])
                .and_then(|_| self.drain_microtasks());
            self.roots.truncate(base);
            r?;
        }
        Ok(())
    }
}

/// Drops a marked weak container's references to dead cells.
fn clear_dead(m: &Marker, o: &mut ObjCell) {
    match o.hdr.class {
        CLASS_WEAK_REF if !m.is_live(o.aux[0]) => o.aux[0] = Value::UNDEFINED,
        CLASS_WEAK_MAP | CLASS_WEAK_SET if !o.map.is_null() => {
            // SAFETY: WeakMap/WeakSet objects own their MapData.
            let d = unsafe { &mut *o.map };
            for i in 0..d.entries.len() {
                let k = d.entries[i].0;
                if !k.is_empty() && !m.is_live(k) {
                    d.index.remove(&MapKey::Bits(k.0));
                    d.entries[i] = (Value::EMPTY, Value::UNDEFINED);
                    d.size -= 1;
                    d.dead += 1;
                }
            }
            d.maybe_compact();
        }
        _ => {}
    }
}
