//! The frame stack: the control data of every active JavaScript call (code, return pc,
//! destination register, caller `sp`), beside the register file that holds its values.
//!
//! It has a fixed capacity ([`MAX_FRAMES`] frames, allocated once, never moved) and a fixed
//! layout (`#[repr(C)]` [`Frame`]s in one array plus a length), so that compiled code can push
//! and pop frames in place for JIT→JIT calls without calling Rust: the JIT reads the array's
//! address ([`FrameStack::base`]) and the length's offset ([`FrameStack::LEN_OFFSET`]).
//! Rust code sees the live frames as a slice (`Deref<Target = [Frame]>`).

use std::mem::offset_of;
use std::ops::{Deref, DerefMut};
use std::ptr::NonNull;

use crate::js::bytecode::FunctionCode;

/// Maximum JS call depth.
pub const MAX_FRAMES: usize = 12_000;

pub const FRAME_CALL: u8 = 0;
pub const FRAME_CONSTRUCT: u8 = 1;

/// One call's control data (its values are in the register file at `fp`).
#[derive(Clone, Copy)]
#[repr(C)]
pub struct Frame {
    pub code: *const FunctionCode,
    pub fp: usize,
    /// pc of the instruction being executed (the call, while a callee runs).
    pub pc: usize,
    /// Caller register receiving the result.
    pub ret_reg: u16,
    pub kind: u8,
    /// When this frame returns, the interpreter loop returns to its native caller.
    pub entry: bool,
    pub argc: u32,
    /// `Vm::sp` to restore when this frame returns (below `REGFILE_CAP`, 2^21: 32 bits keep
    /// the frame at 40 bytes).
    pub saved_sp: u32,
    /// Pushed by compiled code calling compiled code (JIT hook): its `Return` returns to the
    /// caller's machine code. Cleared when the interpreter takes the frame over.
    pub jit: bool,
}

const _: () = assert!(size_of::<Frame>() == 40);

impl Frame {
    const UNUSED: Frame = Frame {
        code: std::ptr::null(),
        fp: 0,
        pc: 0,
        ret_reg: 0,
        kind: FRAME_CALL,
        entry: false,
        argc: 0,
        saved_sp: 0,
        jit: false,
    };
}

/// The stack of active frames.
pub struct FrameStack {
    /// `MAX_FRAMES` frames (a `Box<[Frame]>` taken apart, rebuilt and freed on drop);
    /// `buf[..len]` are live. A raw pointer rather than a `Box`, so that pointers into the
    /// array (the interpreter's [`FrameStack::pc_slot`], the JIT's [`FrameStack::base`]) stay
    /// valid while Rust code uses the stack through short-lived slices.
    buf: NonNull<Frame>,
    len: usize,
}

impl Default for FrameStack {
    fn default() -> FrameStack {
        let b = vec![Frame::UNUSED; MAX_FRAMES].into_boxed_slice();
        FrameStack {
            buf: NonNull::new(Box::into_raw(b) as *mut Frame).expect("a boxed slice"),
            len: 0,
        }
    }
}

impl Drop for FrameStack {
    fn drop(&mut self) {
        // SAFETY: buf came from `Box::into_raw` of a `MAX_FRAMES`-frame boxed slice (Default)
        // and is freed only here.
        drop(unsafe {
            Box::from_raw(std::ptr::slice_from_raw_parts_mut(
                self.buf.as_ptr(),
                MAX_FRAMES,
            ))
        });
    }
}

impl FrameStack {
    /// Offset of the live-frame count within a `FrameStack` (a `usize`).
    pub const LEN_OFFSET: usize = offset_of!(FrameStack, len);

    /// Address of frame 0 (stable for the stack's life).
    pub fn base(&self) -> *const Frame {
        self.buf.as_ptr()
    }
    /// Pushes `f`; callers keep the depth below [`MAX_FRAMES`] (a deeper call is a
    /// `RangeError` before it gets here).
    #[inline(always)]
    pub fn push(&mut self, f: Frame) {
        assert!(self.len < MAX_FRAMES, "frame stack overflow");
        // SAFETY: len < MAX_FRAMES, the array's length.
        unsafe { self.buf.as_ptr().add(self.len).write(f) };
        self.len += 1;
    }
    #[inline]
    pub fn pop(&mut self) -> Option<Frame> {
        self.len = self.len.checked_sub(1)?;
        // SAFETY: the old len - 1 < MAX_FRAMES.
        Some(unsafe { self.buf.as_ptr().add(self.len).read() })
    }
    pub fn truncate(&mut self, len: usize) {
        self.len = self.len.min(len);
    }
    /// Where the pc of live frame `i` is stored: the interpreter keeps it for its current
    /// frame and stores through it before every op. The pointer stays in bounds for the
    /// stack's life (even after the frame is popped, when stores through it are harmless).
    #[inline]
    pub fn pc_slot(&mut self, i: usize) -> *mut usize {
        assert!(i < self.len, "pc_slot of a dead frame");
        // SAFETY: i < len <= MAX_FRAMES: inside the array.
        unsafe { &raw mut (*self.buf.as_ptr().add(i)).pc }
    }
}

impl Deref for FrameStack {
    type Target = [Frame];
    #[inline]
    fn deref(&self) -> &[Frame] {
        // SAFETY: buf[..len] are initialised frames (all MAX_FRAMES are, from Default).
        unsafe { std::slice::from_raw_parts(self.buf.as_ptr(), self.len) }
    }
}

impl DerefMut for FrameStack {
    #[inline]
    fn deref_mut(&mut self) -> &mut [Frame] {
        // SAFETY: as in `deref`; `&mut self` makes the slice the only live view.
        unsafe { std::slice::from_raw_parts_mut(self.buf.as_ptr(), self.len) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn push_pop_and_slice_view() {
        let mut s = FrameStack::default();
        assert_eq!(s.len(), 0);
        for i in 0..3 {
            s.push(Frame {
                pc: i,
                ..Frame::UNUSED
            });
        }
        assert_eq!(s.iter().map(|f| f.pc).collect::<Vec<_>>(), vec![0, 1, 2]);
        s.last_mut().unwrap().pc = 7;
        assert_eq!(s.pop().map(|f| f.pc), Some(7));
        s.truncate(1);
        assert_eq!(s.len(), 1);
        assert_eq!(s.pop().map(|f| f.pc), Some(0));
        assert!(s.pop().is_none());
    }
}
