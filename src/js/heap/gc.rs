//! Precise mark-sweep collection. The VM supplies the roots (register file, globals, handles,
//! constants); marking traces cells by kind; sweeping finalises dead cells (freeing their
//! out-of-line buffers) and returns them to the free lists. Cells never move.

use super::Heap;
use super::arena::ARENA_SIZE;
use super::cells::*;
use crate::js::object::{CLASS_WEAK_MAP, CLASS_WEAK_REF, CLASS_WEAK_SET};
use crate::js::value::Value;

/// `CellHeader::mark` of a cell marked in the current collection.
pub const MARKED: u8 = 1;
/// `CellHeader::mark` of a permanent cell (interned atom strings): never freed and never
/// traced (it has no outgoing references), so collections skip it entirely.
pub const PERMANENT: u8 = 2;

/// Gray stack for marking.
#[derive(Default)]
pub struct Marker {
    stack: Vec<*mut CellHeader>,
    /// Marked weak containers (WeakMap, WeakSet, WeakRef objects), whose weakly held parts
    /// were not traced: `js::weak` finishes them after marking.
    pub weak: Vec<*mut ObjCell>,
}

/// Whether `v` survives the collection being marked (non-heap values always do).
pub fn is_live(v: Value) -> bool {
    if !v.is_heap() {
        return true;
    }
    // SAFETY: heap-tagged values point at live cells of this heap (as in `Marker::mark`).
    unsafe { (*(v.payload() as *const CellHeader)).mark != 0 }
}

impl Marker {
    #[inline]
    pub fn mark(&mut self, v: Value) {
        if v.is_heap() {
            let p = v.payload() as *mut CellHeader;
            // SAFETY: heap-tagged values always point at live cells of this heap (roots and
            // traced fields only hold valid pointers).
            unsafe {
                if (*p).mark == 0 {
                    (*p).mark = MARKED;
                    self.stack.push(p);
                }
            }
        }
    }
    pub fn mark_all(&mut self, vs: &[Value]) {
        for &v in vs {
            self.mark(v);
        }
    }

    /// Traces everything reachable from the marked cells.
    pub fn drain(&mut self) {
        while let Some(p) = self.stack.pop() {
            // SAFETY: p is a marked live cell; its kind says which layout it has, and every
            // buffer pointer in it is valid for the recorded length/capacity.
            unsafe {
                match (*p).kind {
                    KIND_OBJECT => {
                        let o = &*(p as *const ObjCell);
                        self.mark(o.proto);
                        let weak = matches!(
                            o.hdr.class,
                            CLASS_WEAK_MAP | CLASS_WEAK_SET | CLASS_WEAK_REF
                        );
                        if weak {
                            self.weak.push(p as *mut ObjCell);
                        }
                        // A WeakRef's target (aux[0]) is not traced.
                        let skip = usize::from(o.hdr.class == CLASS_WEAK_REF);
                        for &v in &o.aux[skip..] {
                            self.mark(v);
                        }
                        if !o.slots.is_null() {
                            for i in 0..o.slot_cap as usize {
                                self.mark(*o.slots.add(i));
                            }
                        }
                        if !o.elements.is_null() {
                            for i in 0..o.elem_len as usize {
                                self.mark(*o.elements.add(i));
                            }
                        }
                        if !o.dict.is_null() {
                            for e in &(*o.dict).entries {
                                self.mark(e.1);
                            }
                        }
                        if !o.map.is_null() && !weak {
                            for (k, v) in &(*o.map).entries {
                                self.mark(*k);
                                self.mark(*v);
                            }
                        }
                    }
                    KIND_ENV => {
                        let e = p as *const EnvCell;
                        self.mark((*e).parent);
                        let n = (*p).aux as usize;
                        let slots = (p as *const u8).add(OFF_ENV_SLOTS) as *const Value;
                        for i in 0..n {
                            self.mark(*slots.add(i));
                        }
                    }
                    KIND_STRING if (*p).flags & STR_ROPE != 0 => {
                        let s = &*(p as *const StrCell);
                        self.mark(s.left);
                        self.mark(s.right);
                    }
                    KIND_ACCESSOR => {
                        let a = &*(p as *const AccessorCell);
                        self.mark(a.getter);
                        self.mark(a.setter);
                    }
                    _ => {}
                }
            }
        }
    }
}

/// Frees the out-of-line parts of a dead cell.
///
/// # Safety
/// `p` must be an unmarked, non-free cell that nothing live references.
unsafe fn finalize(p: *mut CellHeader) -> usize {
    // SAFETY: guaranteed by the caller; buffers were allocated with the recorded sizes.
    unsafe {
        match (*p).kind {
            KIND_STRING => {
                let s = &mut *(p as *mut StrCell);
                if !s.data.is_null() && s.len > 0 {
                    drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(
                        s.data, s.len,
                    )));
                }
                s.len * 2
            }
            KIND_OBJECT => {
                let o = &mut *(p as *mut ObjCell);
                super::free_values(o.slots, o.slot_cap as usize);
                super::free_values(o.elements, o.elem_cap as usize);
                if !o.dict.is_null() {
                    drop(Box::from_raw(o.dict));
                }
                if !o.map.is_null() {
                    drop(Box::from_raw(o.map));
                }
                let mut bytes = 0;
                if !o.buf.is_null() {
                    bytes = (*o.buf).bytes.capacity();
                    drop(Box::from_raw(o.buf));
                    o.buf = std::ptr::null_mut();
                }
                (o.slot_cap + o.elem_cap) as usize * 8 + bytes
            }
            KIND_BIGINT => {
                let b = p as *mut BigIntCell;
                let bytes = (*b).value.bits() as usize / 8;
                std::ptr::drop_in_place(std::ptr::addr_of_mut!((*b).value));
                bytes
            }
            _ => 0,
        }
    }
}

/// Bytes of out-of-line storage owned by a live cell (for heap sizing).
///
/// # Safety
/// `p` must point at a live, non-free cell.
unsafe fn external_size(p: *mut CellHeader) -> usize {
    // SAFETY: p is a live cell (caller), read-only access to its size fields.
    unsafe {
        match (*p).kind {
            KIND_STRING if (*(p as *mut StrCell)).data.is_null() => 0,
            KIND_STRING => (*(p as *mut StrCell)).len * 2,
            KIND_OBJECT => {
                let o = &*(p as *mut ObjCell);
                let bytes = if o.buf.is_null() {
                    0
                } else {
                    (*o.buf).bytes.capacity()
                };
                (o.slot_cap + o.elem_cap) as usize * 8 + bytes
            }
            KIND_BIGINT => (*(p as *mut BigIntCell)).value.bits() as usize / 8,
            _ => 0,
        }
    }
}

impl Heap {
    /// Sweeps after marking: frees every unmarked cell and clears marks on the rest.
    pub fn sweep(&mut self) {
        let mut live = 0usize;
        let mut dead: Vec<(*mut u8, usize)> = Vec::new();
        for a in &self.arenas {
            let n = ARENA_SIZE / a.cell_size;
            for i in 0..n {
                let p = a.cell(i) as *mut CellHeader;
                // SAFETY: p is a cell slot inside an arena owned by this heap.
                unsafe {
                    if (*p).kind == KIND_FREE {
                        continue;
                    }
                    if (*p).mark != 0 {
                        if (*p).mark == MARKED {
                            (*p).mark = 0;
                        }
                        live += a.cell_size + external_size(p);
                    } else {
                        finalize(p);
                        dead.push((p as *mut u8, a.cell_size));
                    }
                }
            }
        }
        for (p, sz) in dead {
            self.free_cell(p, sz);
        }
        let mut i = 0;
        while i < self.large.len() {
            let p = self.large[i].ptr as *mut CellHeader;
            // SAFETY: p is a live large allocation holding one cell.
            unsafe {
                if (*p).mark != 0 {
                    if (*p).mark == MARKED {
                        (*p).mark = 0;
                    }
                    live += self.large[i].size + external_size(p);
                    i += 1;
                } else {
                    finalize(p);
                    self.large.swap_remove(i);
                }
            }
        }
        self.live_bytes = live;
        self.bytes_since_gc = 0;
        self.threshold = (live * 2).max(8 << 20);
        self.gc_requested = false;
        self.gc_count += 1;
    }
}
