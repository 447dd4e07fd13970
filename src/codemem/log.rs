//! A process-wide record of code memory: which address ranges are code regions (so an
//! emulator may map them executable), and a log of ranges written or released, numbered by
//! epoch. An emulator that caches translated code remembers the epoch it last saw and, before
//! running, asks for everything newer (dropping stale translations for those ranges). The log
//! keeps the last [`LOG_CAPACITY`] events; a consumer that fell further behind is told to
//! flush everything.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// How many events the log keeps before dropping the oldest.
pub const LOG_CAPACITY: usize = 4096;

/// What happened to a range of code memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    /// Bytes were written (published or patched); cached translations are stale.
    Written,
    /// The range was returned to the system; mappings of it must be dropped.
    Released,
}

/// One entry of the log: `start..end` (host addresses) and what happened to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeEvent {
    pub start: usize,
    pub end: usize,
    pub kind: EventKind,
}

/// The answer to [`events_since`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Since {
    /// The events after the given epoch, oldest first, and the epoch to ask from next time.
    Events(Vec<CodeEvent>, u64),
    /// Events were dropped before the consumer saw them: treat every range as written and
    /// released. Ask from the given epoch next time.
    Overflowed(u64),
}

struct Log {
    /// Epoch of `events[0]`.
    first: u64,
    events: VecDeque<CodeEvent>,
    /// Live code regions, `(start, end, committed_end)`: pages below `committed_end` hold
    /// published code (read-execute except while being written).
    regions: Vec<(usize, usize, usize)>,
}

impl Log {
    const fn new() -> Log {
        Log {
            first: 0,
            events: VecDeque::new(),
            regions: Vec::new(),
        }
    }

    /// Epoch after the newest event.
    fn next(&self) -> u64 {
        self.first + self.events.len() as u64
    }

    fn record(&mut self, event: CodeEvent) -> u64 {
        if self.events.len() == LOG_CAPACITY {
            self.events.pop_front();
            self.first += 1;
        }
        self.events.push_back(event);
        self.next()
    }

    fn since(&self, epoch: u64) -> Since {
        if epoch < self.first {
            return Since::Overflowed(self.next());
        }
        let skip = (epoch - self.first) as usize;
        Since::Events(
            self.events.iter().skip(skip).copied().collect(),
            self.next(),
        )
    }
}

static LOG: Mutex<Log> = Mutex::new(Log::new());
/// The epoch after the newest event: lets consumers skip the lock when nothing changed.
static EPOCH: AtomicU64 = AtomicU64::new(0);

fn lock() -> std::sync::MutexGuard<'static, Log> {
    LOG.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The current epoch: one past the newest event.
pub fn epoch() -> u64 {
    EPOCH.load(Ordering::Acquire)
}

/// Records an event.
pub(crate) fn record(start: usize, end: usize, kind: EventKind) {
    let mut log = lock();
    let next = log.record(CodeEvent { start, end, kind });
    EPOCH.store(next, Ordering::Release);
}

/// Everything recorded at or after `epoch`.
pub fn events_since(epoch: u64) -> Since {
    if EPOCH.load(Ordering::Acquire) == epoch {
        return Since::Events(Vec::new(), epoch);
    }
    lock().since(epoch)
}

/// Registers a live code region (nothing committed yet).
pub(crate) fn add_region(start: usize, end: usize) {
    lock().regions.push((start, end, start));
}

/// Records that the region starting at `start` has published code up to `committed_end`.
pub(crate) fn set_committed(start: usize, committed_end: usize) {
    if let Some(r) = lock().regions.iter_mut().find(|r| r.0 == start) {
        r.2 = committed_end;
    }
}

/// Unregisters a code region and records its release.
pub(crate) fn remove_region(start: usize, end: usize) {
    let mut log = lock();
    if let Some(i) = log
        .regions
        .iter()
        .position(|&(s, e, _)| (s, e) == (start, end))
    {
        log.regions.swap_remove(i);
    }
    drop(log);
    record(start, end, EventKind::Released);
}

/// What code memory holds at an address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeState {
    /// Not inside any code region.
    NotCode,
    /// Inside a code region, in a committed page of published code: read-execute (an
    /// executor maps it so, whatever transient protection a concurrent write gives it).
    Published,
    /// Inside a code region but not committed: inaccessible.
    Reserved,
}

/// What code memory holds at `addr`.
pub fn code_state(addr: usize) -> CodeState {
    match lock()
        .regions
        .iter()
        .find(|&&(s, e, _)| (s..e).contains(&addr))
    {
        None => CodeState::NotCode,
        Some(&(_, _, committed)) if addr < committed => CodeState::Published,
        Some(_) => CodeState::Reserved,
    }
}

/// Whether any live code region overlaps `start..end`.
pub fn overlaps_code(start: usize, end: usize) -> bool {
    lock().regions.iter().any(|&(s, e, _)| s < end && start < e)
}

/// Whether `addr` lies inside a live code region.
pub fn is_code(addr: usize) -> bool {
    code_state(addr) != CodeState::NotCode
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    fn ev(start: usize, kind: EventKind) -> CodeEvent {
        CodeEvent {
            start,
            end: start + 4,
            kind,
        }
    }

    #[test]
    fn events_after_an_epoch_are_returned_in_order() {
        let mut log = Log::new();
        log.record(ev(0x10, EventKind::Written));
        let after_first = log.next();
        log.record(ev(0x20, EventKind::Written));
        log.record(ev(0x30, EventKind::Released));
        assert_eq!(
            log.since(after_first),
            Since::Events(
                vec![ev(0x20, EventKind::Written), ev(0x30, EventKind::Released)],
                3
            )
        );
        assert_eq!(log.since(3), Since::Events(vec![], 3));
    }

    #[test]
    fn a_consumer_that_fell_behind_is_told_to_flush() {
        let mut log = Log::new();
        for i in 0..LOG_CAPACITY + 1 {
            log.record(ev(i, EventKind::Written));
        }
        let next = LOG_CAPACITY as u64 + 1;
        assert_eq!(log.since(0), Since::Overflowed(next));
        assert_eq!(
            log.since(1),
            Since::Events(log.events.iter().copied().collect(), next)
        );
    }

    #[test]
    fn the_global_log_advances_its_epoch() {
        let before = epoch();
        record(0x1000_0000_0000, 0x1000_0000_0010, EventKind::Written);
        assert!(epoch() > before);
    }

    #[test]
    fn regions_are_registered_and_removed() {
        add_region(0x3000_0000_0000, 0x3000_0000_2000);
        assert!(is_code(0x3000_0000_0800));
        assert!(!is_code(0x3000_0000_2000));
        assert_eq!(code_state(0x3000_0000_0800), CodeState::Reserved);
        set_committed(0x3000_0000_0000, 0x3000_0000_1000);
        assert_eq!(code_state(0x3000_0000_0800), CodeState::Published);
        assert_eq!(code_state(0x3000_0000_1800), CodeState::Reserved);
        remove_region(0x3000_0000_0000, 0x3000_0000_2000);
        assert_eq!(code_state(0x3000_0000_0800), CodeState::NotCode);
    }
}
