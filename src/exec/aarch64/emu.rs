//! The emulated executor (hosts that are not aarch64): the same AArch64 bytes run in Unicorn.
//!
//! - One Unicorn instance per thread, created on first use.
//! - Host memory is visible at the same addresses: an unmapped-memory hook maps the faulting
//!   host page (only if the host really has it, with the permissions it really has; code
//!   memory executable only when published). Data mappings are dropped when the outermost call
//!   returns and on [`forget`]; code-memory mappings persist across calls and are kept in
//!   step with [`crate::codemem::log`] (stale translations dropped, released regions unmapped).
//! - The guest runs on its own stack (host memory mapped at the same address, with an
//!   inaccessible guard page below it).
//! - Helper trampolines ([`super::helpers`]) are intercepted by a code hook that runs the Rust
//!   function on the host. Helpers may call back in: a nested call saves the CPU context, runs
//!   on the guest stack below the current `sp`, and restores the context afterwards.
//! - Faults, traps and illegal instructions end the call with an [`ExecError`].

use std::cell::RefCell;

use unicorn_engine::{Arch, HookType, MemType, Mode, Prot, RegisterARM64 as R, Unicorn, uc_error};

use super::{helpers, hostmaps};
use crate::codemem::log::{self as codelog, CodeState, EventKind, Since};
use crate::exec::{Access, ExecError, Limits, StackRange};

/// Size of each thread's guest stack.
pub const STACK_SIZE: usize = 1 << 20;
/// Unicorn (and host) page size used for mappings.
const PAGE: u64 = 4096;
/// Largest data mapping made on one fault.
const DATA_WINDOW: u64 = 16 * PAGE;
/// Deepest nesting of calls (Unicorn's own limit, `UC_MAX_NESTED_LEVEL`, is 64 nested
/// `emu_start`s; well before it, deep nesting has been seen to crash it).
pub const MAX_NESTED: u32 = 32;
/// Room a nested call must find on the guest stack.
const NESTED_MIN_STACK: u64 = 4096;
/// QEMU's exception numbers (target/arm/cpu.h).
const EXCP_UDEF: u32 = 1;
const EXCP_BKPT: u32 = 7;

/// The guest stack: host memory with a guard page below, mapped into the guest at the same
/// address.
struct GuestStack {
    /// Start of the host mapping (the guard page).
    map: *mut u8,
    map_len: usize,
    low: u64,
    high: u64,
}

impl GuestStack {
    fn new() -> Result<GuestStack, ExecError> {
        let map_len = STACK_SIZE + PAGE as usize;
        // SAFETY: an anonymous private mapping at an address of the kernel's choosing aliases
        // no Rust object.
        let map = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                map_len,
                libc::PROT_NONE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                -1,
                0,
            )
        };
        if map == libc::MAP_FAILED {
            return Err(ExecError::Emulator(
                "cannot allocate the guest stack".into(),
            ));
        }
        let low = map as u64 + PAGE;
        // SAFETY: `low..low+STACK_SIZE` lies inside the mapping just made and nothing else
        // refers to it.
        let rc = unsafe {
            libc::mprotect(
                low as *mut libc::c_void,
                STACK_SIZE,
                libc::PROT_READ | libc::PROT_WRITE,
            )
        };
        if rc != 0 {
            // SAFETY: unmapping the mapping made above, which nothing refers to.
            unsafe { libc::munmap(map, map_len) };
            return Err(ExecError::Emulator("cannot protect the guest stack".into()));
        }
        Ok(GuestStack {
            map: map.cast(),
            map_len,
            low,
            high: low + STACK_SIZE as u64,
        })
    }
}

impl Drop for GuestStack {
    fn drop(&mut self) {
        // SAFETY: the mapping was made in `new`; the Unicorn instance that mapped it into the
        // guest is closed before its data (this) is dropped.
        unsafe { libc::munmap(self.map.cast(), self.map_len) };
    }
}

/// A guest mapping of host memory made on demand: `start..end`.
#[derive(Debug, Clone, Copy)]
struct Mapping {
    start: u64,
    end: u64,
}

impl Mapping {
    fn overlaps(&self, start: u64, end: u64) -> bool {
        self.start < end && start < self.end
    }
}

/// Per-thread emulator state, kept in the Unicorn instance's user data. Borrowed only
/// briefly (never across `emu_start` or a helper call).
struct State {
    stack: GuestStack,
    /// Host data pages mapped on demand; dropped when the outermost call returns.
    data_maps: Vec<Mapping>,
    /// Code-memory pages mapped on demand; kept, and synchronised with the code log.
    code_maps: Vec<Mapping>,
    /// Nesting depth of calls in progress.
    depth: u32,
    /// Code-log epoch already applied.
    epoch: u64,
    /// Last refused memory access: kind and address.
    fault: Option<(MemType, u64)>,
    /// Last exception: QEMU's number and the pc.
    trap: Option<(u32, u64)>,
    limits: Limits,
}

type Emu = Unicorn<'static, RefCell<State>>;
/// The instance as hooks see it.
type Uc<'a> = Unicorn<'a, RefCell<State>>;

thread_local! {
    static EMU: RefCell<Option<Emu>> = const { RefCell::new(None) };
}

fn uc_failure(what: &str, e: uc_error) -> ExecError {
    ExecError::Emulator(format!("{what}: {e:?}"))
}

/// This thread's emulator (a cheap handle clone), created on first use.
fn emu() -> Result<Emu, ExecError> {
    EMU.with(|cell| {
        if let Some(uc) = cell.borrow().as_ref() {
            return Ok(uc.clone());
        }
        let uc = create()?;
        *cell.borrow_mut() = Some(uc.clone());
        Ok(uc)
    })
}

fn create() -> Result<Emu, ExecError> {
    let stack = GuestStack::new()?;
    let (low, high) = (stack.low, stack.high);
    let state = State {
        stack,
        data_maps: Vec::new(),
        code_maps: Vec::new(),
        depth: 0,
        epoch: codelog::epoch(),
        fault: None,
        trap: None,
        limits: Limits::default(),
    };
    let mut uc = Unicorn::new_with_data(Arch::ARM64, Mode::ARM, RefCell::new(state))
        .map_err(|e| uc_failure("creating Unicorn", e))?;
    // SAFETY: the stack's host memory is owned by the state inside `uc` and outlives the
    // mapping (Unicorn closes before its user data is dropped).
    unsafe { uc.mem_map_ptr(low, high - low, Prot::READ | Prot::WRITE, low as *mut _) }
        .map_err(|e| uc_failure("mapping the guest stack", e))?;
    uc.add_mem_hook(HookType::MEM_UNMAPPED, 1, 0, on_unmapped)
        .map_err(|e| uc_failure("adding the unmapped-memory hook", e))?;
    uc.add_mem_hook(HookType::MEM_PROT, 1, 0, on_protected)
        .map_err(|e| uc_failure("adding the protection hook", e))?;
    uc.add_intr_hook(on_interrupt)
        .map_err(|e| uc_failure("adding the interrupt hook", e))?;
    uc.add_insn_invalid_hook(on_invalid)
        .map_err(|e| uc_failure("adding the invalid-instruction hook", e))?;
    let (start, end) = helpers::range();
    uc.add_code_hook(start as u64, end as u64 - 1, on_trampoline)
        .map_err(|e| uc_failure("adding the helper hook", e))?;
    Ok(uc)
}

fn access_of(ty: MemType) -> Access {
    match ty {
        MemType::WRITE | MemType::WRITE_UNMAPPED | MemType::WRITE_PROT => Access::Write,
        MemType::FETCH | MemType::FETCH_UNMAPPED | MemType::FETCH_PROT => Access::Fetch,
        _ => Access::Read,
    }
}

/// Maps the host page holding `addr` into the guest, if the host has it.
///
/// Code memory is mapped read-execute, one page at a time, when its page holds published
/// code (from the code registry, not from the host's current protection, which a concurrent
/// write on another thread may have flipped to read-write for a moment). Other memory is
/// mapped with the host's permissions (never executable), a window of pages at a time.
fn map_host_page(uc: &mut Uc<'_>, addr: u64) -> bool {
    let page = addr & !(PAGE - 1);
    let (perms, mut end, code) = match codelog::code_state(page as usize) {
        CodeState::Published => (Prot::READ | Prot::EXEC, page + PAGE, true),
        CodeState::Reserved => return false,
        CodeState::NotCode => {
            let Some(region) = hostmaps::region_of(page, false) else {
                return false;
            };
            if !region.read {
                return false;
            }
            let perms = if region.write {
                Prot::READ | Prot::WRITE
            } else {
                Prot::READ
            };
            let mut end = region.end.min(page + DATA_WINDOW);
            // The region may come from a cached parse: map beyond the page only if the rest is
            // still mapped and is not code memory (which must be mapped as code).
            if end - page > PAGE
                && (!hostmaps::is_mapped(page, end - page)
                    || codelog::overlaps_code(page as usize, end as usize))
            {
                end = page + PAGE;
            }
            (perms, end, false)
        }
    };
    loop {
        // SAFETY: `page..end` lies inside a host mapping that is readable (and writable if
        // mapped so) — published code memory or a region the host maps; it stays mapped until
        // the guest mapping is dropped: data mappings at the end of the outermost call or on
        // `forget`, code mappings when the code log reports the region released.
        let mapped = unsafe { uc.mem_map_ptr(page, end - page, perms, page as *mut _) };
        match mapped {
            Ok(()) => break,
            // Part of the window is already mapped: fall back to the one page needed.
            Err(_) if end - page > PAGE => end = page + PAGE,
            Err(_) => return false,
        }
    }
    let mapping = Mapping { start: page, end };
    let mut state = uc.get_data().borrow_mut();
    if code {
        state.code_maps.push(mapping)
    } else {
        state.data_maps.push(mapping)
    }
    true
}

fn on_unmapped(uc: &mut Uc<'_>, ty: MemType, addr: u64, _size: usize, _value: i64) -> bool {
    let mapped = map_host_page(uc, addr);
    if !mapped {
        uc.get_data().borrow_mut().fault = Some((ty, addr));
    }
    mapped
}

fn on_protected(uc: &mut Uc<'_>, ty: MemType, addr: u64, _size: usize, _value: i64) -> bool {
    uc.get_data().borrow_mut().fault = Some((ty, addr));
    false
}

fn on_interrupt(uc: &mut Uc<'_>, intno: u32) {
    let pc = uc.pc_read().unwrap_or(0);
    uc.get_data().borrow_mut().trap = Some((intno, pc));
    let _ = uc.emu_stop();
}

fn on_invalid(uc: &mut Uc<'_>) -> bool {
    let pc = uc.pc_read().unwrap_or(0);
    uc.get_data().borrow_mut().trap = Some((EXCP_UDEF, pc));
    false
}

const ARG_REGS: [R; 8] = [R::X0, R::X1, R::X2, R::X3, R::X4, R::X5, R::X6, R::X7];

/// Registers AAPCS64 makes callee-saved (x19–x29, d8–d15), with their names; the emulator seeds them with
/// canaries and checks them after every call, so ABI mistakes in JIT code are reported on
/// emulated hosts instead of only corrupting the caller natively.
const CALLEE_SAVED: [(R, &str); 19] = [
    (R::X19, "x19"),
    (R::X20, "x20"),
    (R::X21, "x21"),
    (R::X22, "x22"),
    (R::X23, "x23"),
    (R::X24, "x24"),
    (R::X25, "x25"),
    (R::X26, "x26"),
    (R::X27, "x27"),
    (R::X28, "x28"),
    (R::X29, "x29"),
    (R::D8, "d8"),
    (R::D9, "d9"),
    (R::D10, "d10"),
    (R::D11, "d11"),
    (R::D12, "d12"),
    (R::D13, "d13"),
    (R::D14, "d14"),
    (R::D15, "d15"),
];

/// The canary for callee-saved register `i` (distinct per register and per nesting depth).
fn canary(i: usize, depth: u32) -> u64 {
    0xca4a_0000_0000_0000 | ((depth as u64) << 32) | (i as u64 * 0x0101)
}

/// The first callee-saved register (or sp) that does not hold what it held at the call.
fn clobbered(uc: &Emu, depth: u32, sp: u64) -> Option<&'static str> {
    if uc.reg_read(R::SP).ok() != Some(sp) {
        return Some("sp");
    }
    CALLEE_SAVED
        .iter()
        .enumerate()
        .find(|(i, (reg, _))| uc.reg_read(*reg).ok() != Some(canary(*i, depth)))
        .map(|(_, (_, name))| *name)
}

fn on_trampoline(uc: &mut Uc<'_>, addr: u64, _size: u32) {
    let Some(helper) = helpers::lookup(addr as usize) else {
        return;
    };
    let mut a = [0u64; 8];
    for (slot, reg) in a.iter_mut().zip(ARG_REGS) {
        *slot = uc.reg_read(reg).unwrap_or(0);
    }
    let result = helper(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
    let _ = uc.reg_write(R::X0, result);
    // The helper may have published or patched code that the caller runs next.
    sync_code(uc);
}

/// Unmaps every mapping in `maps` that overlaps `start..end`, keeping the rest.
fn unmap_overlapping(uc: &mut Uc<'_>, maps: &mut Vec<Mapping>, start: u64, end: u64) {
    maps.retain(|m| {
        if m.overlaps(start, end) {
            let _ = uc.mem_unmap(m.start, m.end - m.start);
            false
        } else {
            true
        }
    });
}

/// Applies code-log events this instance has not seen: drops translations of rewritten code
/// and unmaps released code regions.
///
/// Between calls (depth 0) stale translations are dropped with a full translation-cache flush:
/// Unicorn 2.1.5's `ctl_remove_cache` silently does nothing when no emulation is running
/// (checked: a patched function kept running its old code). While a call is running (inside a
/// helper, before a nested call) the range is removed precisely — that works, and a full
/// flush there would free the translated block the suspended caller is executing.
fn sync_code(uc: &mut Uc<'_>) {
    let (epoch, depth) = {
        let s = uc.get_data().borrow();
        (s.epoch, s.depth)
    };
    let since = codelog::events_since(epoch);
    let mut code_maps = std::mem::take(&mut uc.get_data().borrow_mut().code_maps);
    let mut stale = Vec::new();
    let mut released = false;
    let next = match since {
        Since::Events(events, next) => {
            for e in events {
                let (start, end) = (e.start as u64, e.end as u64);
                match e.kind {
                    EventKind::Written => stale.extend(
                        code_maps
                            .iter()
                            .filter(|m| m.overlaps(start, end))
                            .map(|m| (start.max(m.start), end.min(m.end))),
                    ),
                    EventKind::Released => {
                        // Unmapping drops the range's translations; between calls a full
                        // flush follows too, in case a new buffer reuses the address.
                        let before = code_maps.len();
                        unmap_overlapping(uc, &mut code_maps, start, end);
                        released |= code_maps.len() != before;
                    }
                }
            }
            next
        }
        Since::Overflowed(next) => {
            // Releases may have been missed too. Between calls drop every code mapping (they
            // come back on demand); during a call only the translations.
            if depth == 0 {
                unmap_overlapping(uc, &mut code_maps, 0, u64::MAX);
                released = true;
            }
            stale.extend(code_maps.iter().map(|m| (m.start, m.end)));
            next
        }
    };
    if depth == 0 {
        if released || !stale.is_empty() {
            let _ = uc.ctl_flush_tb();
        }
    } else {
        // Only still-mapped ranges: invalidating an unmapped one would run the
        // unmapped-memory hook.
        stale.retain(|&(s, e)| code_maps.iter().any(|m| m.overlaps(s, e)));
        for (start, end) in stale {
            let _ = uc.ctl_remove_cache(start, end);
        }
    }
    let mut state = uc.get_data().borrow_mut();
    state.code_maps.extend(code_maps);
    state.epoch = next;
}

/// Reads the `brk` immediate at `pc` (or just before it: QEMU may report the next pc).
fn brk_imm(uc: &Emu, pc: u64) -> Option<(u64, u16)> {
    for at in [pc, pc.wrapping_sub(4)] {
        let mut word = [0u8; 4];
        if uc.mem_read(at, &mut word).is_ok() {
            let w = u32::from_le_bytes(word);
            if w & 0xffe0_001f == 0xd420_0000 {
                return Some((at, ((w >> 5) & 0xffff) as u16));
            }
        }
    }
    None
}

fn trap_error(uc: &Emu, intno: u32, pc: u64) -> ExecError {
    match intno {
        EXCP_BKPT => match brk_imm(uc, pc) {
            Some((pc, imm)) => ExecError::Breakpoint { pc, imm },
            None => ExecError::Exception { pc, intno },
        },
        EXCP_UDEF => ExecError::IllegalInstruction { pc },
        _ => ExecError::Exception { pc, intno },
    }
}

fn error_of(
    uc: &Emu,
    e: uc_error,
    fault: Option<(MemType, u64)>,
    trap: Option<(u32, u64)>,
    pc: u64,
) -> ExecError {
    let (access, addr) = match fault {
        Some((ty, addr)) => (access_of(ty), addr),
        None => (Access::Read, pc),
    };
    match e {
        uc_error::READ_UNMAPPED => ExecError::Unmapped {
            access: Access::Read,
            addr,
            pc,
        },
        uc_error::WRITE_UNMAPPED => ExecError::Unmapped {
            access: Access::Write,
            addr,
            pc,
        },
        uc_error::FETCH_UNMAPPED => ExecError::Unmapped {
            access: Access::Fetch,
            addr,
            pc,
        },
        uc_error::READ_PROT | uc_error::WRITE_PROT | uc_error::FETCH_PROT => {
            ExecError::Protected { access, addr, pc }
        }
        uc_error::INSN_INVALID => ExecError::IllegalInstruction { pc },
        uc_error::EXCEPTION => match trap {
            Some((intno, at)) => trap_error(uc, intno, at),
            None => trap_error(uc, EXCP_BKPT, pc),
        },
        other => uc_failure("emulation", other),
    }
}

/// Calls `addr` with x0–x7 = `args` in this thread's emulator; returns x0 and x1.
pub fn call(addr: u64, args: [u64; 8]) -> Result<(u64, u64), ExecError> {
    let mut uc = emu()?;
    let (depth, limits, low, high) = {
        let s = uc.get_data().borrow();
        (s.depth, s.limits, s.stack.low, s.stack.high)
    };
    let sp = if depth == 0 {
        high
    } else {
        let sp = uc
            .reg_read(R::SP)
            .map_err(|e| uc_failure("reading sp", e))?;
        sp.saturating_sub(16) & !15
    };
    if sp < low + NESTED_MIN_STACK {
        return Err(ExecError::StackOverflow { sp });
    }
    if depth >= MAX_NESTED {
        return Err(ExecError::NestedTooDeep { depth });
    }
    let saved = if depth > 0 {
        Some(
            uc.context_init()
                .map_err(|e| uc_failure("saving the CPU context", e))?,
        )
    } else {
        None
    };
    sync_code(&mut uc);
    let exit = helpers::exit_addr() as u64;
    let mut setup = Ok(());
    for (value, reg) in args.iter().zip(ARG_REGS) {
        setup = setup.and(uc.reg_write(reg, *value));
    }
    setup = setup
        .and(uc.reg_write(R::SP, sp))
        .and(uc.reg_write(R::X30, exit));
    if depth == 0 {
        setup = setup.and(uc.reg_write(R::FPCR, 0));
    }
    for (i, (reg, _)) in CALLEE_SAVED.iter().enumerate() {
        setup = setup.and(uc.reg_write(*reg, canary(i, depth)));
    }
    setup.map_err(|e| uc_failure("setting up registers", e))?;
    {
        let mut s = uc.get_data().borrow_mut();
        s.depth += 1;
        s.fault = None;
        s.trap = None;
    }
    let timeout = limits.timeout.map_or(0, |t| t.as_micros().max(1) as u64);
    let count = limits.max_instructions.map_or(0, |n| n as usize);
    let ran = uc.emu_start(addr, exit, timeout, count);
    let (fault, trap) = {
        let mut s = uc.get_data().borrow_mut();
        s.depth -= 1;
        (s.fault.take(), s.trap.take())
    };
    let pc = uc.pc_read().unwrap_or(0);
    let result = match ran {
        Ok(()) => match trap {
            Some((intno, at)) => Err(trap_error(&uc, intno, at)),
            None if pc == exit => match clobbered(&uc, depth, sp) {
                Some(reg) => Err(ExecError::CalleeSavedClobbered { reg }),
                None => uc
                    .reg_read(R::X0)
                    .and_then(|x0| Ok((x0, uc.reg_read(R::X1)?)))
                    .map_err(|e| uc_failure("reading x0/x1", e)),
            },
            None => Err(ExecError::LimitReached { pc }),
        },
        Err(e) => Err(error_of(&uc, e, fault, trap, pc)),
    };
    if let Some(ctx) = saved {
        uc.context_restore(&ctx)
            .map_err(|e| uc_failure("restoring the CPU context", e))?;
    }
    if depth == 0 {
        let mut maps = std::mem::take(&mut uc.get_data().borrow_mut().data_maps);
        unmap_overlapping(&mut uc, &mut maps, 0, u64::MAX);
    }
    result
}

/// This thread's guest stack.
pub fn stack_range() -> StackRange {
    let uc = emu().expect("creating this thread's emulator");
    let s = uc.get_data().borrow();
    StackRange {
        low: s.stack.low as usize,
        high: s.stack.high as usize,
    }
}

/// Whether this thread's emulator can take one more nested call.
pub fn can_nest() -> bool {
    EMU.with(|cell| {
        cell.borrow()
            .as_ref()
            .is_none_or(|uc| uc.get_data().borrow().depth < MAX_NESTED)
    })
}

/// Sets limits for this thread's calls.
pub fn set_limits(limits: Limits) {
    let uc = emu().expect("creating this thread's emulator");
    uc.get_data().borrow_mut().limits = limits;
}

/// Drops this thread's on-demand data mappings overlapping `start..start+len`.
pub fn forget(start: u64, len: u64) {
    hostmaps::forget();
    let Some(mut uc) = EMU.with(|cell| cell.borrow().clone()) else {
        return;
    };
    let end = start.saturating_add(len);
    let mut maps = std::mem::take(&mut uc.get_data().borrow_mut().data_maps);
    unmap_overlapping(&mut uc, &mut maps, start, end);
    uc.get_data().borrow_mut().data_maps.extend(maps);
}

/// How many host ranges this thread's emulator has mapped on demand: (data, code).
pub fn mapping_counts() -> (usize, usize) {
    let Some(uc) = EMU.with(|cell| cell.borrow().clone()) else {
        return (0, 0);
    };
    let s = uc.get_data().borrow();
    (s.data_maps.len(), s.code_maps.len())
}
