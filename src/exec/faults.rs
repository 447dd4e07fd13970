//! Faults in compiled code that its compiler expects: a load or store that touches a guard
//! page (WebAssembly's out-of-bounds accesses without explicit checks) becomes a jump to a
//! landing point the compiler chose, instead of a crash.
//!
//! A compiler registers each code range with a resolver: given the faulting pc, the faulting
//! address and the value of the pinned VM register, it records what happened (in the VM's
//! own structures) and returns where execution continues, or `None` when the fault is not
//! one it expects. Natively a process-wide `SIGSEGV`/`SIGBUS` handler asks the resolvers and
//! rewrites the interrupted context's pc (faults nobody claims go to the handler that was
//! installed before, or end the process as they would have); the emulator reports faults as
//! [`crate::exec::ExecError`]s, and its callers ask [`resolve`] themselves.

use std::sync::{Arc, Once, RwLock};

/// Decides what a fault at `(pc, addr)` with VM register `vm` means: the pc to continue
/// at, or `None`. Called from a signal handler: it must not allocate, lock or panic.
pub type Resolver = Arc<dyn Fn(usize, usize, u64) -> Option<usize> + Send + Sync>;

struct Range {
    start: usize,
    end: usize,
    resolver: Resolver,
}

static RANGES: RwLock<Vec<Range>> = RwLock::new(Vec::new());

/// Registers code `start..end` with its resolver (and installs the native handler once).
pub fn register(start: usize, end: usize, resolver: Resolver) {
    install();
    let mut ranges = RANGES.write().unwrap_or_else(|e| e.into_inner());
    ranges.push(Range {
        start,
        end,
        resolver,
    });
}

/// Forgets every range inside `start..end` (the code is being released).
pub fn unregister(start: usize, end: usize) {
    let mut ranges = RANGES.write().unwrap_or_else(|e| e.into_inner());
    ranges.retain(|r| r.start < start || r.end > end);
}

/// Asks the resolver of the range holding `pc`. Takes the registry without blocking in the
/// kernel: while another thread changes it (a push or a removal, never a fault), it spins.
pub fn resolve(pc: usize, addr: usize, vm: u64) -> Option<usize> {
    let ranges = loop {
        match RANGES.try_read() {
            Ok(r) => break r,
            Err(std::sync::TryLockError::Poisoned(p)) => break p.into_inner(),
            Err(std::sync::TryLockError::WouldBlock) => std::hint::spin_loop(),
        }
    };
    let r = ranges.iter().find(|r| (r.start..r.end).contains(&pc))?;
    (r.resolver)(pc, addr, vm)
}

#[cfg(all(
    target_os = "linux",
    any(target_arch = "x86_64", target_arch = "aarch64")
))]
mod native {
    use std::sync::atomic::{AtomicPtr, Ordering};

    /// The handlers installed before ours, for faults that are not ours.
    static PREVIOUS: [AtomicPtr<libc::sigaction>; 2] = [
        AtomicPtr::new(std::ptr::null_mut()),
        AtomicPtr::new(std::ptr::null_mut()),
    ];

    const SIGNALS: [libc::c_int; 2] = [libc::SIGSEGV, libc::SIGBUS];

    /// (pc, VM register) of an interrupted context; sets its pc.
    #[cfg(target_arch = "x86_64")]
    unsafe fn context(uc: *mut libc::c_void) -> (*mut u64, u64) {
        // SAFETY: the kernel passes a valid ucontext_t to an SA_SIGINFO handler.
        unsafe {
            let uc = &mut *(uc as *mut libc::ucontext_t);
            let pc = &mut uc.uc_mcontext.gregs[libc::REG_RIP as usize] as *mut i64 as *mut u64;
            // r15: the pinned VM register of x86-64 code (`exec::x86_64::entry::VM`).
            let vm = uc.uc_mcontext.gregs[libc::REG_R15 as usize] as u64;
            (pc, vm)
        }
    }

    #[cfg(target_arch = "aarch64")]
    unsafe fn context(uc: *mut libc::c_void) -> (*mut u64, u64) {
        // SAFETY: the kernel passes a valid ucontext_t to an SA_SIGINFO handler.
        unsafe {
            let uc = &mut *(uc as *mut libc::ucontext_t);
            // x20: the pinned VM register of AArch64 code (`exec::aarch64::entry::VM`).
            let vm = uc.uc_mcontext.regs[20];
            (&mut uc.uc_mcontext.pc as *mut u64, vm)
        }
    }

    extern "C" fn handler(sig: libc::c_int, info: *mut libc::siginfo_t, uc: *mut libc::c_void) {
        // SAFETY: called by the kernel for SIGSEGV/SIGBUS with SA_SIGINFO: `info` and `uc`
        // are valid for the duration of the handler.
        unsafe {
            let (pc, vm) = context(uc);
            let addr = (*info).si_addr() as usize;
            if let Some(target) = super::resolve(*pc as usize, addr, vm) {
                *pc = target as u64;
                return;
            }
            let i = if sig == libc::SIGSEGV { 0 } else { 1 };
            let prev = PREVIOUS[i].load(Ordering::Acquire);
            if !prev.is_null() {
                let p = &*prev;
                if p.sa_sigaction == libc::SIG_DFL || p.sa_sigaction == libc::SIG_IGN {
                    // Restore the default action; returning re-runs the instruction, which
                    // faults again and ends the process as it would have without us.
                    libc::sigaction(sig, prev, std::ptr::null_mut());
                    return;
                }
                if p.sa_flags & libc::SA_SIGINFO != 0 {
                    let f: extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void) =
                        std::mem::transmute(p.sa_sigaction);
                    f(sig, info, uc);
                } else {
                    let f: extern "C" fn(libc::c_int) = std::mem::transmute(p.sa_sigaction);
                    f(sig);
                }
                return;
            }
            libc::signal(sig, libc::SIG_DFL);
        }
    }

    pub fn install() {
        for (i, &sig) in SIGNALS.iter().enumerate() {
            // SAFETY: installs an SA_SIGINFO handler; the previous action is kept (leaked, it
            // lives for the process) for faults that are not compiled code's.
            unsafe {
                let mut new: libc::sigaction = std::mem::zeroed();
                new.sa_sigaction = handler as *const () as usize;
                new.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK | libc::SA_NODEFER;
                libc::sigemptyset(&mut new.sa_mask);
                let old = Box::into_raw(Box::new(std::mem::zeroed::<libc::sigaction>()));
                if libc::sigaction(sig, &new, old) == 0 {
                    PREVIOUS[i].store(old, Ordering::Release);
                }
            }
        }
    }
}

fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        #[cfg(all(
            target_os = "linux",
            any(target_arch = "x86_64", target_arch = "aarch64")
        ))]
        native::install();
    });
}
