//! The engine's code space: one [`JitBuffer`] shared by every compiler of one engine (the
//! JavaScript baseline JIT today, the WebAssembly compiler next), reserved on first use.
//!
//! A [`CodeSpace`] is a cheap handle: clones share the same region, which is released when the
//! last handle goes (code stays where it was published for as long as any handle lives, so
//! frames that still run discarded code stay valid).

use std::sync::{Arc, Mutex};

use super::{CodeMemError, CodePtr, JitBuffer};

/// A shared, lazily reserved region of code memory.
#[derive(Clone, Debug)]
pub struct CodeSpace(Arc<Mutex<Space>>);

#[derive(Debug)]
struct Space {
    capacity: usize,
    buffer: Option<JitBuffer>,
}

impl CodeSpace {
    /// A code space of `capacity` bytes; nothing is reserved until the first publish.
    pub fn new(capacity: usize) -> CodeSpace {
        CodeSpace(Arc::new(Mutex::new(Space {
            capacity,
            buffer: None,
        })))
    }

    /// Copies `code` into the space and makes it executable (see [`JitBuffer::publish`]).
    pub fn publish(&self, code: &[u8]) -> Result<CodePtr, CodeMemError> {
        let mut s = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if s.buffer.is_none() {
            s.buffer = Some(JitBuffer::new(s.capacity)?);
        }
        s.buffer.as_mut().expect("reserved above").publish(code)
    }

    /// Bytes handed out so far.
    pub fn used(&self) -> usize {
        let s = self.0.lock().unwrap_or_else(|e| e.into_inner());
        s.buffer.as_ref().map_or(0, JitBuffer::used)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn clones_share_one_region() {
        let a = CodeSpace::new(1 << 16);
        let b = a.clone();
        assert_eq!(a.used(), 0);
        let p = a.publish(&[0x1f, 0x20, 0x03, 0xd5]).unwrap();
        let q = b.publish(&[0x1f, 0x20, 0x03, 0xd5]).unwrap();
        assert!(q.addr() > p.addr());
        assert_eq!(a.used(), b.used());
        assert!(a.used() >= 8);
    }
}
