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

/// The host mapping containing `addr`, read fresh from `/proc/self/maps` (mappings change
/// while code runs: helpers allocate and free).
#[cfg(target_os = "linux")]
pub fn region_of(addr: u64) -> Option<HostRegion> {
    let maps = std::fs::read_to_string("/proc/self/maps").ok()?;
    maps.lines()
        .filter_map(parse_line)
        .find(|r| (r.start..r.end).contains(&addr))
}

/// Hosts without `/proc/self/maps` map nothing on demand (code faults cleanly instead).
#[cfg(not(target_os = "linux"))]
pub fn region_of(_addr: u64) -> Option<HostRegion> {
    None
}

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
    fn finds_a_heap_object_and_not_address_zero() {
        let v = Box::new([1u64; 16]);
        let r = region_of(v.as_ptr() as u64).expect("the heap is mapped");
        assert!(r.read && r.write);
        assert_eq!(region_of(0), None);
    }
}
