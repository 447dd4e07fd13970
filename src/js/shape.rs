//! Hidden classes. A shape lists an object's named properties in slot order with their
//! attribute flags; adding a property follows (or creates) a transition to a child shape.
//! Shapes are immortal (owned by [`ShapeTable`]), so their addresses are stable identities
//! that inline caches and compiled code can compare.

use crate::js::hash::FxHashMap as HashMap;
use std::cell::RefCell;

use crate::js::atoms::Atom;

pub const WRITABLE: u8 = 1;
pub const ENUMERABLE: u8 = 2;
pub const CONFIGURABLE: u8 = 4;
pub const ACCESSOR: u8 = 8;
/// Ordinary data property (writable, enumerable, configurable).
pub const DEFAULT: u8 = WRITABLE | ENUMERABLE | CONFIGURABLE;
/// Builtin/class methods: writable, configurable, not enumerable.
pub const HIDDEN: u8 = WRITABLE | CONFIGURABLE;

/// Objects with more named properties than this switch to dictionary mode.
pub const MAX_SHAPE_PROPS: usize = 64;

pub struct Shape {
    pub parent: *const Shape,
    /// The root of this shape's tree (one root per prototype object).
    pub root: *const Shape,
    /// Properties in slot order.
    pub keys: Vec<(Atom, u8)>,
    table: Option<HashMap<Atom, u32>>,
    /// The dictionary-mode marker shape (no keys; properties live in the object's Dict).
    pub dictionary: bool,
    transitions: RefCell<Vec<(Atom, u8, *const Shape)>>,
}

impl Shape {
    pub fn lookup(&self, key: Atom) -> Option<(u32, u8)> {
        match &self.table {
            Some(t) => t.get(&key).map(|&s| (s, self.keys[s as usize].1)),
            None => self
                .keys
                .iter()
                .position(|k| k.0 == key)
                .map(|s| (s as u32, self.keys[s].1)),
        }
    }
    pub fn slot_count(&self) -> usize {
        self.keys.len()
    }
}

pub struct ShapeTable {
    /// Boxed so each shape's address is stable while the vector grows.
    #[allow(clippy::vec_box)]
    all: Vec<Box<Shape>>,
    /// Root shapes by prototype address (0 = null prototype): a shape determines its
    /// object's prototype, so one shape check covers prototype-chain cache entries.
    roots: HashMap<usize, *const Shape>,
    pub dict: *const Shape,
}

impl Default for ShapeTable {
    fn default() -> Self {
        Self::new()
    }
}

impl ShapeTable {
    pub fn new() -> ShapeTable {
        let mut t = ShapeTable {
            all: Vec::new(),
            roots: HashMap::default(),
            dict: std::ptr::null(),
        };
        t.dict = t.make(std::ptr::null(), std::ptr::null(), Vec::new(), true);
        t
    }

    /// The empty shape for objects whose prototype is at address `proto` (0 for null).
    pub fn root_for(&mut self, proto: usize) -> *const Shape {
        if let Some(&r) = self.roots.get(&proto) {
            return r;
        }
        let r = self.make(std::ptr::null(), std::ptr::null(), Vec::new(), false);
        self.roots.insert(proto, r);
        r
    }

    /// The same properties as `s` under the root `root` (prototype change).
    pub fn rebase(&mut self, s: *const Shape, root: *const Shape) -> *const Shape {
        let keys = self.get(s).keys.clone();
        let mut cur = root;
        for (k, f) in keys {
            cur = self.add(cur, k, f);
        }
        cur
    }

    fn make(
        &mut self,
        parent: *const Shape,
        root: *const Shape,
        keys: Vec<(Atom, u8)>,
        dictionary: bool,
    ) -> *const Shape {
        let table = if keys.len() > 8 {
            Some(
                keys.iter()
                    .enumerate()
                    .map(|(i, k)| (k.0, i as u32))
                    .collect(),
            )
        } else {
            None
        };
        let b = Box::new(Shape {
            parent,
            root,
            keys,
            table,
            dictionary,
            transitions: RefCell::new(Vec::new()),
        });
        let p = &*b as *const Shape;
        self.all.push(b);
        if root.is_null() {
            // SAFETY: p is the box just pushed (stable address); it is its own root.
            unsafe { (*(p as *mut Shape)).root = p };
        }
        p
    }

    /// Dereferences a shape pointer obtained from this table (all shape pointers are).
    #[allow(clippy::not_unsafe_ptr_arg_deref)]
    pub fn get(&self, s: *const Shape) -> &Shape {
        // SAFETY: shapes are owned by `all` for the table's whole life and never freed or moved
        // (each is boxed), so any shape pointer handed out stays valid.
        unsafe { &*s }
    }

    /// The shape after adding `key` with `flags` to `s`.
    pub fn add(&mut self, s: *const Shape, key: Atom, flags: u8) -> *const Shape {
        let sh = self.get(s);
        if let Some(t) = sh
            .transitions
            .borrow()
            .iter()
            .find(|t| t.0 == key && t.1 == flags)
        {
            return t.2;
        }
        let mut keys = sh.keys.clone();
        keys.push((key, flags));
        let root = sh.root;
        let n = self.make(s, root, keys, false);
        self.get(s).transitions.borrow_mut().push((key, flags, n));
        n
    }

    /// The shape with `key`'s flags changed (rebuilt from the root by transitions).
    pub fn change_flags(&mut self, s: *const Shape, key: Atom, flags: u8) -> *const Shape {
        let keys: Vec<(Atom, u8)> = self
            .get(s)
            .keys
            .iter()
            .map(|&(k, f)| if k == key { (k, flags) } else { (k, f) })
            .collect();
        let mut cur = self.get(s).root;
        for (k, f) in keys {
            cur = self.add(cur, k, f);
        }
        cur
    }

    pub fn count(&self) -> usize {
        self.all.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn transitions_are_shared_and_rooted_per_prototype() {
        let mut t = ShapeTable::new();
        let r1 = t.root_for(0x1000);
        let r2 = t.root_for(0x2000);
        assert_ne!(r1, r2);
        assert_eq!(t.root_for(0x1000), r1);
        let a = t.add(r1, Atom(1), DEFAULT);
        assert_eq!(t.add(r1, Atom(1), DEFAULT), a, "same transition reused");
        assert_ne!(
            t.add(r2, Atom(1), DEFAULT),
            a,
            "different prototype, different shape"
        );
        let ab = t.add(a, Atom(2), DEFAULT);
        assert_eq!(t.get(ab).lookup(Atom(2)), Some((1, DEFAULT)));
        assert_eq!(t.get(ab).root, r1);
        let ro = t.change_flags(ab, Atom(1), ENUMERABLE);
        assert_eq!(t.get(ro).lookup(Atom(1)), Some((0, ENUMERABLE)));
        let rb = t.rebase(ab, r2);
        assert_eq!(t.get(rb).root, r2);
    }
}
