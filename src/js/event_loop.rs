//! The event loop after the main program: the microtask queue is drained, then timers run
//! in node's order until no (referenced) timer is left.
//!
//! Timers follow node's order as node shows it on an unloaded machine, made independent of
//! how fast kiln runs (the corpus runs under emulators too): time is logical. A macrotask
//! (the main program, or a timer callback) starts at a logical instant — the program's
//! start, or the callback's deadline — and a timer it arms is due at that instant plus its
//! delay (delays below 1 ms, or not numbers, are 1 ms, as in node). The loop runs the timer
//! with the earliest deadline (ties in arming order) once the real clock has reached it,
//! sleeping until then, and drains the microtasks after each callback; an interval is
//! re-armed from its own deadline unless its callback cleared it. The catch: a callback that
//! runs late (or busy-waits) does not push back the deadlines of the timers it arms.
//! `Vm::timers` is a GC root (callbacks, their arguments and the `Timeout` objects).

use std::time::{Duration, Instant};

use crate::js::heap::gc::Marker;
use crate::js::value::Value;
use crate::js::vm::{JsResult, Vm};

/// One armed timer.
pub struct Timer {
    pub id: u32,
    pub deadline: Instant,
    /// Creation (or re-arming) order: breaks deadline ties.
    pub seq: u64,
    pub callback: Value,
    /// The extra arguments (an internal array) or undefined.
    pub args: Value,
    /// The delay in ms (re-armed after each run when `repeat`).
    pub delay: f64,
    pub repeat: bool,
    /// The `Timeout` object returned to JavaScript.
    pub handle: Value,
    /// False after `unref()`: the loop does not wait for it.
    pub refed: bool,
}

/// The timer queue.
#[derive(Default)]
pub struct Timers {
    pub list: Vec<Timer>,
    next_id: u32,
    seq: u64,
    /// The logical start of the current macrotask (None until first asked for: the main
    /// program's start).
    now: Option<Instant>,
    /// The timer whose callback is running, and whether it was cleared meanwhile.
    running: Option<(u32, Value)>,
    running_cleared: bool,
}

impl Timers {
    pub fn mark(&self, m: &mut Marker) {
        for t in &self.list {
            m.mark(t.callback);
            m.mark(t.args);
            m.mark(t.handle);
        }
        if let Some((_, h)) = self.running {
            m.mark(h);
        }
    }

    /// The logical start of the current macrotask.
    pub fn now(&mut self) -> Instant {
        *self.now.get_or_insert_with(Instant::now)
    }

    /// A fresh timer id.
    pub fn new_id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id
    }

    /// Arms `t` (its deadline from the cached time and its delay).
    pub fn arm(&mut self, mut t: Timer) {
        let now = self.now();
        t.deadline = now + Duration::from_secs_f64(t.delay / 1000.0);
        self.seq += 1;
        t.seq = self.seq;
        self.list.push(t);
    }

    /// The index of the timer to run next.
    fn next_index(&self) -> Option<usize> {
        (0..self.list.len()).min_by_key(|&i| (self.list[i].deadline, self.list[i].seq))
    }

    /// Disarms the timer whose `Timeout` object is `handle` or whose id is `id`.
    pub fn clear(&mut self, handle: Value, id: Option<u32>) {
        let hit = |tid: u32, h: Value| h == handle || Some(tid) == id;
        if let Some((rid, rh)) = self.running
            && hit(rid, rh)
        {
            self.running_cleared = true;
        }
        self.list.retain(|t| !hit(t.id, t.handle));
    }

    /// The armed timer with this `Timeout` object.
    pub fn find(&mut self, handle: Value) -> Option<&mut Timer> {
        self.list.iter_mut().find(|t| t.handle == handle)
    }
}

/// Node's delay coercion: a number in [1, 2^31 - 1] ms, else 1.
pub fn coerce_delay(ms: f64) -> f64 {
    if (1.0..=2_147_483_647.0).contains(&ms) {
        ms
    } else {
        1.0
    }
}

impl Vm {
    /// Runs the event loop after the main program: microtasks, then timers until none is
    /// left. `Err`: an uncaught exception or unhandled rejection (pending in `exception`), or
    /// `process.exit` (see `exiting`).
    pub fn run_event_loop(&mut self) -> JsResult<()> {
        self.drain_microtasks()?;
        while self.exiting.is_none() {
            // FinalizationRegistry cleanups queued by the last macrotask run as tasks of
            // their own before the next timer (node's order depends on real time: they run
            // after the timers due when its loop wakes up).
            self.run_cleanups()?;
            if !self.timers.list.iter().any(|t| t.refed) {
                break;
            }
            let Some(i) = self.timers.next_index() else {
                break;
            };
            let deadline = self.timers.list[i].deadline;
            let now = Instant::now();
            if deadline > now {
                self.flush_out();
                std::thread::sleep(deadline - now);
            }
            let t = self.timers.list.remove(i);
            self.timers.now = Some(t.deadline);
            self.run_timer(t)?;
        }
        Ok(())
    }

    /// The deadline of the next armed timer, if any (the REPL waits for input until then).
    pub fn next_timer_deadline(&self) -> Option<Instant> {
        self.timers
            .next_index()
            .map(|i| self.timers.list[i].deadline)
    }

    /// Runs the timers due by the real clock now, earliest first, each followed by a
    /// microtask drain (the REPL between inputs). `Err` as for [`Vm::run_event_loop`].
    pub fn run_due_timers(&mut self) -> JsResult<()> {
        while self.exiting.is_none() {
            let Some(i) = self.timers.next_index() else {
                break;
            };
            if self.timers.list[i].deadline > Instant::now() {
                break;
            }
            let t = self.timers.list.remove(i);
            self.timers.now = Some(t.deadline);
            self.run_timer(t)?;
        }
        Ok(())
    }

    /// Starts a macrotask at the real time now (a REPL input): the timers it arms are due
    /// from now, not from the session's start.
    pub fn start_macrotask_now(&mut self) {
        self.timers.now = Some(Instant::now());
    }

    fn run_timer(&mut self, t: Timer) -> JsResult<()> {
        let base = self.roots.len();
        self.roots
            .extend_from_slice(&[t.callback, t.args, t.handle]);
        let args = if t.args.is_object() {
            self.elems(t.args).to_vec()
        } else {
            Vec::new()
        };
        self.timers.running = Some((t.id, t.handle));
        self.timers.running_cleared = false;
        let r = self.call_function(t.callback, t.handle, &args);
        self.timers.running = None;
        if t.repeat && !self.timers.running_cleared && r.is_ok() {
            self.timers.arm(t);
        }
        let r = r.and_then(|_| self.drain_microtasks());
        self.roots.truncate(base);
        r
    }
}
