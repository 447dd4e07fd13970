//! Instruction-cache maintenance: after writing code and before executing it, aarch64 needs
//! the data cache cleaned to the point of unification and the instruction cache invalidated
//! for the written lines (`dc cvau` / `dsb ish` / `ic ivau` / `dsb ish` / `isb`), with line
//! sizes read from `CTR_EL0`. Other hosts run the code in an emulator, which learns about
//! written ranges from [`super::log`] instead, so this is a no-op there.

/// Makes `len` bytes of freshly written code at `addr` visible to instruction fetch.
#[cfg(all(target_arch = "aarch64", not(target_os = "macos")))]
pub fn flush(addr: *const u8, len: usize) {
    if len == 0 {
        return;
    }
    let ctr: u64;
    // SAFETY: Linux lets EL0 read CTR_EL0 (or traps and emulates it); reading it has no side
    // effects.
    unsafe { std::arch::asm!("mrs {}, ctr_el0", out(reg) ctr, options(nomem, nostack)) };
    let start = addr as usize;
    let end = start + len;
    // IDC (bit 28): no data-cache clean needed for instruction/data coherence.
    if ctr & (1 << 28) == 0 {
        let dline = 4usize << ((ctr >> 16) & 0xf);
        let mut line = start & !(dline - 1);
        while line < end {
            // SAFETY: `dc cvau` on an address inside a mapped page of the caller's code
            // region only cleans cache lines; it does not change memory contents.
            unsafe { std::arch::asm!("dc cvau, {}", in(reg) line, options(nostack)) };
            line += dline;
        }
    }
    // SAFETY: barriers have no memory-safety preconditions.
    unsafe { std::arch::asm!("dsb ish", options(nostack)) };
    // DIC (bit 29): no instruction-cache invalidation needed.
    if ctr & (1 << 29) == 0 {
        let iline = 4usize << (ctr & 0xf);
        let mut line = start & !(iline - 1);
        while line < end {
            // SAFETY: `ic ivau` on an address inside a mapped page only invalidates
            // instruction-cache lines.
            unsafe { std::arch::asm!("ic ivau, {}", in(reg) line, options(nostack)) };
            line += iline;
        }
        // SAFETY: barriers have no memory-safety preconditions.
        unsafe { std::arch::asm!("dsb ish", options(nostack)) };
    }
    // SAFETY: barriers have no memory-safety preconditions.
    unsafe { std::arch::asm!("isb", options(nostack)) };
}

/// Makes `len` bytes of freshly written code at `addr` visible to instruction fetch.
#[cfg(all(target_arch = "aarch64", target_os = "macos"))]
pub fn flush(addr: *const u8, len: usize) {
    super::macos::flush_icache(addr, len);
}

/// Hosts that are not aarch64 never execute this code natively; the emulator consumes
/// [`super::log`] instead.
#[cfg(not(target_arch = "aarch64"))]
pub fn flush(_addr: *const u8, _len: usize) {}
