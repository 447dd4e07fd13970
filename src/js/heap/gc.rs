//! Precise mark-sweep collection. The VM supplies the roots (register file, globals, handles,
//! constants); marking traces cells by kind; sweeping finalises dead cells (freeing their
//! out-of-line buffers) and returns them to the free lists. Cells never move.
//!
//! Marks: a cell reached by the collection gets the heap's current `epoch` in its header's
//! `mark` byte (the collections alternate between [`EPOCH_A`] and [`EPOCH_B`], so a mark left
//! by the previous collection reads as unmarked and no one clears marks), and, for arena
//! cells, its bit in the arena's `mark` bitmap. The sweep works on the bitmaps alone: dead =
//! allocated and not marked; then the marks become the allocation bitmap. So each live cell
//! is touched once per collection (when it is traced) and each dead one once (when it is
//! finalised). Marking also sums the live size. Arenas left empty beyond what the next
//! allocation budget will fill again are returned to the system.

use super::Heap;
use super::arena::{ARENA_SIZE, BITMAP_WORDS, CLASSES, bit_of, class_for};
use super::cells::*;
use crate::js::object::{CLASS_WEAK_MAP, CLASS_WEAK_REF, CLASS_WEAK_SET};
use crate::js::value::Value;

/// The two mark values of `CellHeader::mark` that collections use in turn.
pub const EPOCH_A: u8 = 1;
pub const EPOCH_B: u8 = 3;
/// `CellHeader::mark` of a permanent cell (interned atom strings): never freed and never
/// traced (it has no outgoing references), so collections skip it entirely.
pub const PERMANENT: u8 = 2;
/// Bit of `CellHeader::mark` set on a large cell (one outside the arenas, without bitmaps).
pub const LARGE: u8 = 0x80;

/// Gray stack for marking.
pub struct Marker {
    stack: Vec<*mut CellHeader>,
    /// Marked weak containers (WeakMap, WeakSet, WeakRef objects), whose weakly held parts
    /// were not traced: `js::weak` finishes them after marking.
    pub weak: Vec<*mut ObjCell>,
    /// The mark value of this collection (`Heap::epoch`).
    epoch: u8,
    /// Bytes of the cells traced so far, with their out-of-line buffers.
    pub live_bytes: usize,
}

/// Whether the header mark `m` says the cell survives a collection marking with `epoch`.
#[inline]
fn survives(m: u8, epoch: u8) -> bool {
    let m = m & !LARGE;
    m == epoch || m == PERMANENT
}

impl Marker {
    /// A marker for the heap's next collection (its epoch flips when the sweep ends).
    pub fn new(heap: &Heap) -> Marker {
        Marker {
            stack: Vec::new(),
            weak: Vec::new(),
            epoch: heap.epoch,
            live_bytes: 0,
        }
    }

    /// Whether `v` survives the collection being marked (non-heap values always do).
    pub fn is_live(&self, v: Value) -> bool {
        if !v.is_heap() {
            return true;
        }
        // SAFETY: heap-tagged values point at live cells of this heap (as in `mark`).
        survives(
            unsafe { (*(v.payload() as *const CellHeader)).mark },
            self.epoch,
        )
    }

    #[inline]
    pub fn mark(&mut self, v: Value) {
        if v.is_heap() {
            let p = v.payload() as *mut CellHeader;
            // SAFETY: heap-tagged values always point at live cells of this heap (roots and
            // traced fields only hold valid pointers); a cell without the LARGE bit lies in an
            // arena's cell area, whose metadata page `bit_of` finds.
            unsafe {
                let m = (*p).mark;
                if !survives(m, self.epoch) {
                    (*p).mark = (m & LARGE) | self.epoch;
                    if m & LARGE == 0 {
                        let (meta, w, bit) = bit_of(p as *const u8);
                        (*meta).mark[w] |= bit;
                    }
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
                self.live_bytes += cell_size(p) + external_size(p);
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
                if s.hdr.flags & STR_INLINE != 0 {
                    return 0;
                }
                if !s.data.is_null() && s.len > 0 {
                    drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(
                        s.data, s.len,
                    )));
                }
                s.len * 2
            }
            KIND_OBJECT => {
                let o = &mut *(p as *mut ObjCell);
                if o.owns_slots() {
                    super::free_values(o.slots, o.slot_cap as usize);
                }
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
                let slots = if o.owns_slots() { o.slot_cap } else { 0 };
                (slots + o.elem_cap) as usize * 8 + bytes
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

/// Bytes of a live cell itself: its arena's cell size, or for a large cell its own size.
///
/// # Safety
/// `p` must point at a live, non-free cell.
unsafe fn cell_size(p: *mut CellHeader) -> usize {
    // SAFETY: p is a live cell (caller); without the LARGE bit it lies in an arena.
    unsafe {
        if (*p).mark & LARGE == 0 {
            return (*bit_of(p as *const u8).0).cell_size;
        }
        match (*p).kind {
            KIND_ENV => OFF_ENV_SLOTS + 8 * (*p).aux as usize,
            KIND_OBJECT => std::mem::size_of::<ObjCell>(),
            KIND_STRING => std::mem::size_of::<StrCell>(),
            KIND_ACCESSOR => std::mem::size_of::<AccessorCell>(),
            KIND_BIGINT => std::mem::size_of::<BigIntCell>(),
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
            KIND_STRING
                if (*(p as *mut StrCell)).data.is_null() || (*p).flags & STR_INLINE != 0 =>
            {
                0
            }
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
    /// Sweeps after marking with `m`: frees every allocated, unmarked cell, releases empty
    /// arenas, flips the epoch and plans the next collection (`mark_time`: how long marking
    /// took).
    pub fn sweep(&mut self, m: &Marker, mark_time: std::time::Duration) {
        let mut empty: Vec<usize> = Vec::new();
        for ai in 0..self.arenas.len() {
            let meta = self.arenas[ai].meta();
            let c = class_for(self.arenas[ai].cell_size).expect("arena class");
            let mut any = 0u64;
            for w in 0..BITMAP_WORDS {
                // SAFETY: meta is this live arena's metadata page; no reference to it is held
                // across the loop body.
                let (alloc, marked) = unsafe { ((*meta).alloc[w], (*meta).mark[w]) };
                let mut dead = alloc & !marked;
                while dead != 0 {
                    let bit = dead.trailing_zeros() as usize;
                    dead &= dead - 1;
                    let p = self.arenas[ai].cell_at_bit(w * 64 + bit);
                    // SAFETY: an allocated, unmarked cell is dead: nothing live references it.
                    unsafe { finalize(p as *mut CellHeader) };
                    self.free_cell(p, c);
                }
                // SAFETY: as above.
                unsafe {
                    (*meta).alloc[w] = marked;
                    (*meta).mark[w] = 0;
                }
                any |= marked;
            }
            if any == 0 {
                empty.push(ai);
            }
        }
        let mut i = 0;
        while i < self.large.len() {
            let p = self.large[i].ptr as *mut CellHeader;
            // SAFETY: p is a live large allocation holding one cell.
            unsafe {
                if survives((*p).mark, m.epoch) {
                    i += 1;
                } else {
                    finalize(p);
                    self.large.swap_remove(i);
                }
            }
        }
        self.live_bytes = m.live_bytes;
        self.peak_live_bytes = self.peak_live_bytes.max(m.live_bytes);
        self.bytes_since_gc = 0;
        self.epoch = if self.epoch == EPOCH_A {
            EPOCH_B
        } else {
            EPOCH_A
        };
        self.plan_next(mark_time);
        self.release_empty(empty);
        self.gc_requested = false;
        self.gc_count += 1;
    }

    /// Returns the arenas at `empty` (ascending indices; their cells are all free) to the
    /// system and relinks the free lists they were on. As many as the next allocation budget
    /// would fill again are kept (one per size class at least): releasing them would only
    /// fault fresh pages in before the next collection.
    fn release_empty(&mut self, empty: Vec<usize>) {
        let mut kept = [false; CLASSES.len()];
        let mut touched = [false; CLASSES.len()];
        let mut release = Vec::new();
        let mut reserve = self.threshold;
        for ai in empty {
            let c = class_for(self.arenas[ai].cell_size).expect("arena class");
            if !kept[c] {
                kept[c] = true;
            } else if reserve >= ARENA_SIZE {
                reserve -= ARENA_SIZE;
            } else {
                release.push(ai);
                touched[c] = true;
            }
        }
        for &ai in release.iter().rev() {
            self.arenas.swap_remove(ai);
            self.arenas_released += 1;
        }
        for (c, &t) in touched.iter().enumerate() {
            if t {
                self.rebuild_free_list(c);
            }
        }
    }
}
