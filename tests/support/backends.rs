//! Running a test once per JIT back end this build can run (on x86-64 hosts: x86-64
//! natively, then AArch64 in Unicorn with the `emulator` feature; on aarch64 hosts AArch64
//! natively): [`each_backend`] runs a test body per back end with [`opts`] selecting it, so
//! every `Options` a body builds from [`opts`] runs on that back end.

#![allow(dead_code)]

use std::cell::Cell;

use kiln::exec::Backend;
use kiln::jit::backend::{self, BackEnd};
use kiln::js::Options;

thread_local! {
    static CURRENT: Cell<Option<&'static BackEnd>> = const { Cell::new(None) };
}

/// Runs `body` once per back end this build can run (once with none if there is none),
/// naming the back end on stderr first (shown with a failure).
pub fn each_backend(body: impl Fn()) {
    let all = backend::available();
    if all.is_empty() {
        CURRENT.with(|c| c.set(None));
        body();
        return;
    }
    for b in all {
        eprintln!("[back end: {} ({})]", b.name, backend::executor_name(b));
        CURRENT.with(|c| c.set(Some(b)));
        body();
    }
    CURRENT.with(|c| c.set(None));
}

/// The back end of the running body, if any.
pub fn current() -> Option<&'static BackEnd> {
    CURRENT.with(|c| c.get())
}

/// Default options on the current back end.
pub fn opts() -> Options {
    Options {
        jit_isa: current().map(|b| b.isa),
        ..Options::default()
    }
}

/// Whether the current back end's code can run here.
pub fn jit_available() -> bool {
    current().is_some_and(|b| b.executor != Backend::Unavailable)
}

/// How the current back end's code runs.
pub fn executor() -> Backend {
    current().map_or(Backend::Unavailable, |b| b.executor)
}
