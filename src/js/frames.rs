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
    /// `MAX_FRAMES` frames; `buf[..len]` are live.
    buf: Box<[Frame]>,
    len: usize,
}

impl Default for FrameStack {
    fn default() -> FrameStack {
        FrameStack {
            buf: vec![Frame::UNUSED; MAX_FRAMES].into_boxed_slice(),
            len: 0,
        }
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
        self.buf[self.len] = f;
        self.len += 1;
    }
    #[inline]
    pub fn pop(&mut self) -> Option<Frame> {
        self.len = self.len.checked_sub(1)?;
        Some(self.buf[self.len])
    }
    /// Sets the pc of frame `i` (the interpreter's store before every op).
    ///
    /// # Safety
    /// `i` must be below the live-frame count.
    #[inline(always)]
    pub unsafe fn set_pc_unchecked(&mut self, i: usize, pc: usize) {
        debug_assert!(i < self.len);
        // SAFETY: the caller guarantees i < len <= MAX_FRAMES = buf.len().
        unsafe { self.buf.get_unchecked_mut(i).pc = pc };
    }
    pub fn truncate(&mut self, len: usize) {
        self.len = self.len.min(len);
    }
}

impl Deref for FrameStack {
    type Target = [Frame];
    #[inline]
    fn deref(&self) -> &[Frame] {
        &self.buf[..self.len]
    }
}

impl DerefMut for FrameStack {
    #[inline]
    fn deref_mut(&mut self) -> &mut [Frame] {
        &mut self.buf[..self.len]
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
