//! The microtask (job) queue: ES2025 9.5 HostEnqueuePromiseJob and the jobs it holds
//! (promise reactions, thenable resolution, `queueMicrotask` callbacks, native jobs), and
//! node's unhandled-rejection check after each drain.
//!
//! `Vm::jobs` is a GC root: a queued job's values stay alive until it has run.
//!
//! # API
//! - [`Vm::enqueue_job`] appends a [`Job`]; [`Vm::run_jobs`] runs jobs (including ones they
//!   enqueue) until the queue is empty. An abrupt job (a throwing `queueMicrotask` callback,
//!   a throwing reaction with no capability) stops the drain with `Err(Thrown)`: the caller
//!   reports it as an uncaught exception, as node does.
//! - [`Vm::drain_microtasks`] = `run_jobs` followed by the unhandled-rejection check: a
//!   promise rejected with no handler attached by then makes it fail with the reason as the
//!   pending exception and `Vm::uncaught_rejection` set (not under `--test262-host`).
//! - [`JobKind::Native`] runs a Rust function with the job's five values: what `await` can
//!   use to resume a frame without a JavaScript function.
//! - [`Vm::enqueue_tick`] appends to node's `process.nextTick` queue (`Vm::ticks`, a GC root
//!   too), which runs ahead of the microtasks: `run_jobs` runs every tick, then microtasks
//!   until none is left, and again while ticks were queued meanwhile (node's
//!   `processTicksAndRejections`).

use crate::js::value::Value;
use crate::js::vm::{JsResult, Vm};

/// What a job does with its values.
#[derive(Clone, Copy, Debug)]
pub enum JobKind {
    /// ES2025 27.2.2.1 NewPromiseReactionJob: `vals` = [handler (undefined: identity or
    /// thrower), argument, capability promise, capability resolve, capability reject]. A
    /// capability whose resolve is undefined and promise a Promise is the internal one
    /// (`Vm::resolve_promise`); promise undefined: no capability.
    Reaction { rejected: bool },
    /// ES2025 27.2.2.2 NewPromiseResolveThenableJob: `vals` = [promise, thenable, then].
    ResolveThenable,
    /// Calls `vals[0]` with no arguments and `this` undefined (`queueMicrotask`).
    Call,
    /// Runs a Rust function with the job's values.
    Native(fn(&mut Vm, [Value; 5]) -> JsResult<()>),
}

/// One queued job.
#[derive(Clone, Copy, Debug)]
pub struct Job {
    pub kind: JobKind,
    pub vals: [Value; 5],
}

impl Job {
    /// A job of `kind` whose first values are `vals` (the rest undefined).
    pub fn new(kind: JobKind, vals: &[Value]) -> Job {
        let mut v = [Value::UNDEFINED; 5];
        v[..vals.len()].copy_from_slice(vals);
        Job { kind, vals: v }
    }
}

impl Vm {
    /// HostEnqueuePromiseJob: appends `job` to the microtask queue.
    pub fn enqueue_job(&mut self, job: Job) {
        self.jobs.push_back(job);
    }

    /// Appends `job` to the `process.nextTick` queue.
    pub fn enqueue_tick(&mut self, job: Job) {
        self.ticks.push_back(job);
    }

    /// Runs queued ticks and jobs until both queues are empty (or one is abrupt): all ticks
    /// first, then microtasks until none is left; ticks queued by microtasks run after them.
    pub fn run_jobs(&mut self) -> JsResult<()> {
        loop {
            while let Some(tick) = self.ticks.pop_front() {
                if !self.run_queued(tick)? {
                    return Ok(());
                }
            }
            if self.jobs.is_empty() {
                return Ok(());
            }
            while let Some(job) = self.jobs.pop_front() {
                if !self.run_queued(job)? {
                    return Ok(());
                }
            }
        }
    }

    /// Runs one dequeued job with its values rooted; false (and both queues cleared) once
    /// the program is exiting.
    fn run_queued(&mut self, job: Job) -> JsResult<bool> {
        if self.exiting.is_some() {
            self.jobs.clear();
            self.ticks.clear();
            return Ok(false);
        }
        let base = self.roots.len();
        self.roots.extend_from_slice(&job.vals);
        let r = self.run_job(job);
        self.roots.truncate(base);
        r.map(|()| true)
    }

    fn run_job(&mut self, job: Job) -> JsResult<()> {
        let [a, b, c, d, e] = job.vals;
        match job.kind {
            JobKind::Reaction { rejected } => self.promise_reaction_job(rejected, a, b, [c, d, e]),
            JobKind::ResolveThenable => self.resolve_thenable_job(a, b, c),
            JobKind::Call => self.call_function(a, Value::UNDEFINED, &[]).map(|_| ()),
            JobKind::Native(f) => f(self, job.vals),
        }
    }

    /// Runs the microtask queue dry, then applies node's unhandled-rejection rule: a promise
    /// rejected while unhandled that still has no handler fails the run with its reason.
    pub fn drain_microtasks(&mut self) -> JsResult<()> {
        self.run_jobs()?;
        self.clear_kept_objects();
        let pending = std::mem::take(&mut self.pending_rejections);
        if self.opts.test262_host {
            // test262 has no notion of unhandled rejections (its tests leave some behind).
            return Ok(());
        }
        for p in pending {
            if !self.promise_is_handled(p) {
                self.exception = self.promise_result(p);
                self.uncaught_rejection = true;
                return Err(crate::js::vm::Thrown);
            }
        }
        Ok(())
    }
}
