//! What the host has mapped at an address, and with which permissions — so the emulator maps
//! only memory that really exists into the guest, and with the permissions it really has.
//! (Unicorn dereferences the host pointer it is given; mapping a page the host does not have
//! would crash the host instead of faulting the guest.)

/// One host mapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HostRegion {
    pub start: u64,
    pub end: u64,
    pub read: bool,
    pub write: bool,
    pub exec: bool,
}

/// Parses one line of `/proc/self/maps`.
fn parse_line(line: &str) -> Option<HostRegion> {
    let mut fields = line.split_whitespace();
    let (lo, hi) = fields.next()?.split_once('-')?;
    let perms = fields.next()?.as_bytes();
    Some(HostRegion {
        start: u64::from_str_radix(lo, 16).ok()?,
        end: u64::from_str_radix(hi, 16).ok()?,
        read: perms.first() == Some(&b'r'),
        write: perms.get(1) == Some(&b'w'),
        exec: perms.get(2) == Some(&b'x'),
    })
}

/// The last parse of `/proc/self/maps`, shared by all threads.
#[cfg(target_os = "linux")]
static CACHE: std::sync::Mutex<Vec<HostRegion>> = std::sync::Mutex::new(Vec::new());

#[cfg(target_os = "linux")]
fn cache() -> std::sync::MutexGuard<'static, Vec<HostRegion>> {
    CACHE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Whether every page of `start..start+len` (page-aligned) is mapped on the host: `msync`
/// fails with `ENOMEM` for unmapped pages and has no effect on anonymous memory.
#[cfg(target_os = "linux")]
pub fn is_mapped(start: u64, len: u64) -> bool {
    // SAFETY: msync with MS_ASYNC only inspects (and for file mappings schedules writeback
    // of) the range; it never changes memory contents or mappings.
    unsafe { libc::msync(start as *mut libc::c_void, len as usize, libc::MS_ASYNC) == 0 }
}

/// The host mapping containing `addr`.
///
/// Parsing `/proc/self/maps` costs tens of microseconds, so the last parse is cached: unless
/// `fresh` is asked for, a cached readable and writable region is trusted if its page is
/// still mapped (`msync`); otherwise the maps are parsed again. A cached read-only region is
/// not trusted: the memory may have been unmapped and mapped again writable since (a heap
/// arena where another VM's released code memory was), and mapping it read-only into the
/// guest would fault the guest's first store there. The cache cannot see a region unmapped
/// and re-mapped at the same address with fewer permissions; [`forget`] drops it (a GC
/// freeing memory calls `exec::forget`).
#[cfg(target_os = "linux")]
pub fn region_of(addr: u64, fresh: bool) -> Option<HostRegion> {
    let page = addr & !0xfff;
    let cached = cache()
        .iter()
        .find(|r| (r.start..r.end).contains(&addr))
        .copied();
    if let Some(r) = cached
        && !fresh
        && r.read
        && r.write
        && is_mapped(page, 0x1000)
    {
        return Some(r);
    }
    let maps = std::fs::read_to_string("/proc/self/maps").ok()?;
    let regions: Vec<HostRegion> = maps.lines().filter_map(parse_line).collect();
    let found = regions
        .iter()
        .find(|r| (r.start..r.end).contains(&addr))
        .copied();
    *cache() = regions;
    found
}

/// Drops cached knowledge of host mappings (memory is being freed or re-mapped).
#[cfg(target_os = "linux")]
pub fn forget() {
    cache().clear();
}

/// Hosts without `/proc/self/maps` map nothing on demand (code faults cleanly instead).
#[cfg(not(target_os = "linux"))]
pub fn region_of(_addr: u64, _fresh: bool) -> Option<HostRegion> {
    None
}

/// See the Linux version.
#[cfg(not(target_os = "linux"))]
pub fn is_mapped(_start: u64, _len: u64) -> bool {
    false
}

/// See the Linux version.
#[cfg(not(target_os = "linux"))]
pub fn forget() {}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn parses_maps_lines() {
        assert_eq!(
            parse_line("7f12a000-7f12c000 r-xp 00000000 00:00 0   [vdso]"),
            Some(HostRegion {
                start: 0x7f12a000,
                end: 0x7f12c000,
                read: true,
                write: false,
                exec: true
            })
        );
        assert_eq!(parse_line("garbage"), None);
    }

    #[test]
    fn unmapped_pages_are_not_mapped() {
        assert!(!is_mapped(0, 0x1000));
        let v = Box::new([0u8; 64]);
        assert!(is_mapped(v.as_ptr() as u64 & !0xfff, 0x1000));
    }

    #[test]
    fn a_read_only_region_mapped_again_writable_is_seen_writable() {
        const LEN: usize = 0x4000;
        // SAFETY: a fresh anonymous private mapping, replaced in place (MAP_FIXED over the
        // range this test owns) and unmapped at the end; nothing else uses it.
        unsafe {
            let p = libc::mmap(
                std::ptr::null_mut(),
                LEN,
                libc::PROT_READ,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            );
            assert_ne!(p, libc::MAP_FAILED);
            let a = p as u64;
            let r = region_of(a, true).expect("mapped");
            assert!(r.read && !r.write);
            let q = libc::mmap(
                p,
                LEN,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_FIXED,
                -1,
                0,
            );
            assert_eq!(q, p);
            let again = region_of(a, false).expect("mapped");
            libc::munmap(p, LEN);
            assert!(again.read && again.write, "{again:?}");
        }
    }

    #[test]
    fn finds_a_heap_object_and_not_address_zero() {
        let v = Box::new([1u64; 16]);
        let r = region_of(v.as_ptr() as u64, true).expect("the heap is mapped");
        assert!(r.read && r.write);
        assert_eq!(region_of(0, false), None);
        assert_eq!(region_of(v.as_ptr() as u64, false), Some(r));
    }
}
