//! Calls from JIT code into Rust: the helper ABI and the addresses JIT code branches to.
//!
//! A helper is an `extern "C" fn` of eight `u64` arguments (x0–x7) returning a `u64` (x0).
//! [`helper_addr`] gives the address JIT code must `blr` to: natively the function itself;
//! in the emulator a trampoline — a lone `ret` in a process-wide code buffer — on which each
//! emulator instance has a code hook that runs the Rust function on the host, writes x0, and
//! lets the `ret` return to x30. Addresses are stable for the life of the process and valid in
//! every executor instance (emulators are per thread).

/// The helper ABI: arguments in x0–x7, result in x0.
pub type HelperFn = extern "C" fn(u64, u64, u64, u64, u64, u64, u64, u64) -> u64;

/// The address JIT code must branch-with-link to in order to call `f`.
pub fn helper_addr(f: HelperFn) -> usize {
    #[cfg(all(feature = "emulator", not(target_arch = "aarch64")))]
    {
        trampolines::addr_of(f)
    }
    #[cfg(not(all(feature = "emulator", not(target_arch = "aarch64"))))]
    {
        f as usize
    }
}

#[cfg(all(feature = "emulator", not(target_arch = "aarch64")))]
pub(crate) use trampolines::{exit_addr, lookup, range};

#[cfg(all(feature = "emulator", not(target_arch = "aarch64")))]
mod trampolines {
    use std::collections::HashMap;
    use std::sync::{Mutex, MutexGuard, OnceLock};

    use super::HelperFn;
    use crate::codemem::JitBuffer;
    use crate::codemem::buffer::CODE_ALIGN;

    /// Room for 4095 helpers (each trampoline takes one [`CODE_ALIGN`] slot; slot 0 is the
    /// exit address).
    const CAPACITY: usize = 4096 * CODE_ALIGN;
    /// `ret` (x30).
    const RET: u32 = 0xd65f_03c0;
    /// `brk #0xe817` — never executed: the emulator stops when it reaches the exit address.
    const EXIT_BRK: u32 = 0xd420_0000 | (0xe817 << 5);

    struct Table {
        buf: JitBuffer,
        fns: Vec<HelperFn>,
        by_fn: HashMap<usize, usize>,
    }

    static TABLE: OnceLock<Mutex<Table>> = OnceLock::new();
    /// `(base, end)` of the trampoline buffer, readable without the lock.
    static RANGE: OnceLock<(usize, usize)> = OnceLock::new();

    fn table() -> MutexGuard<'static, Table> {
        TABLE
            .get_or_init(|| {
                let mut buf = JitBuffer::new(CAPACITY).expect("reserving the trampoline buffer");
                buf.publish(&EXIT_BRK.to_le_bytes())
                    .expect("publishing the exit address");
                let _ = RANGE.set((buf.base(), buf.base() + buf.capacity()));
                Mutex::new(Table {
                    buf,
                    fns: Vec::new(),
                    by_fn: HashMap::new(),
                })
            })
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The trampoline for `f`, made on first request.
    pub fn addr_of(f: HelperFn) -> usize {
        let mut table = table();
        if let Some(&addr) = table.by_fn.get(&(f as usize)) {
            return addr;
        }
        let addr = table
            .buf
            .publish(&RET.to_le_bytes())
            .expect("helper trampoline table full (4095 distinct helpers)")
            .addr();
        debug_assert_eq!((addr - table.buf.base()) / CODE_ALIGN, table.fns.len() + 1);
        table.fns.push(f);
        table.by_fn.insert(f as usize, addr);
        addr
    }

    /// The helper whose trampoline is at `addr`.
    pub fn lookup(addr: usize) -> Option<HelperFn> {
        let table = table();
        let offset = addr.checked_sub(table.buf.base())?;
        if offset % CODE_ALIGN != 0 || offset == 0 {
            return None;
        }
        table.fns.get(offset / CODE_ALIGN - 1).copied()
    }

    /// `(start, end)` of all trampolines (and the exit address), for a code hook.
    pub fn range() -> (usize, usize) {
        if let Some(&r) = RANGE.get() {
            return r;
        }
        drop(table());
        *RANGE.get().expect("initialised by table()")
    }

    /// The address emulated calls return to: reaching it ends the call.
    pub fn exit_addr() -> usize {
        range().0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    extern "C" fn one(_: u64, _: u64, _: u64, _: u64, _: u64, _: u64, _: u64, _: u64) -> u64 {
        1
    }

    extern "C" fn two(_: u64, _: u64, _: u64, _: u64, _: u64, _: u64, _: u64, _: u64) -> u64 {
        2
    }

    #[test]
    fn each_helper_gets_one_stable_address() {
        let (a, b) = (helper_addr(one), helper_addr(two));
        assert_ne!(a, b);
        assert_eq!((helper_addr(one), helper_addr(two)), (a, b));
        #[cfg(all(feature = "emulator", not(target_arch = "aarch64")))]
        {
            assert_eq!(
                lookup(a).map(|f| f as usize),
                Some(one as HelperFn as usize)
            );
            assert_eq!(
                lookup(b).map(|f| f as usize),
                Some(two as HelperFn as usize)
            );
            assert!(lookup(exit_addr()).is_none());
            let (start, end) = range();
            assert!(start < a && a < end);
        }
        #[cfg(not(all(feature = "emulator", not(target_arch = "aarch64"))))]
        assert_eq!(a, one as HelperFn as usize);
    }
}
