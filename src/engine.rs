//! The engine: the front ends wired to the tiers above them, and the code space their
//! compilers share.
//!
//! The JavaScript engine (`js`) knows no JIT; an [`Engine`] runs a program with the baseline
//! JIT installed as the interpreter's higher tier (`js::tiering`), publishing into the
//! engine's one [`CodeSpace`] (which the WebAssembly compiler will share). Whether the JIT
//! actually runs is the JIT's decision from the options: on by default where its code runs
//! natively, off where it would be emulated unless asked for (`--jit`).

use crate::codemem::CodeSpace;
use crate::js::{self, Options, Outcome, Tier};

/// Code memory reserved per engine.
pub const CODE_CAPACITY: usize = 32 << 20;

/// One engine: its code space.
pub struct Engine {
    code: CodeSpace,
}

impl Default for Engine {
    fn default() -> Engine {
        Engine::new()
    }
}

impl Engine {
    /// An engine with a fresh code space (reserved when code is first published).
    pub fn new() -> Engine {
        Engine {
            code: CodeSpace::new(CODE_CAPACITY),
        }
    }

    /// The code space every compiler of this engine publishes into.
    pub fn code_space(&self) -> &CodeSpace {
        &self.code
    }

    /// The baseline JIT as a tier of this engine.
    fn jit(&self) -> Tier {
        Tier {
            hooks: &crate::jit::TIER,
            code: self.code.clone(),
        }
    }

    /// Runs the JavaScript program in `path` (see [`js::run_file`]).
    pub fn run_file(&self, path: &str, args: &[String], opts: &Options) -> Outcome {
        js::run_file(path, args, opts, Some(self.jit()))
    }

    /// [`Engine::run_file`] on the calling thread (see [`js::run_file_on_this_thread`]).
    pub fn run_file_on_this_thread(&self, path: &str, args: &[String], opts: &Options) -> Outcome {
        js::run_file_on_this_thread(path, args, opts, Some(self.jit()))
    }

    /// A REPL session with the same tiers as a program run (see [`js::repl::Session`]).
    pub fn repl_session(&self, opts: Options) -> js::repl::Session {
        js::repl::Session::new(opts, Some(self.jit()))
    }

    /// Runs `src` as the main JavaScript module named `path` (see [`js::run_source`]).
    pub fn run_source(&self, src: &str, path: &str, args: &[String], opts: &Options) -> Outcome {
        js::run_source(src, path, args, opts, Some(self.jit()))
    }
}

/// Runs the JavaScript program in `path` on a new engine.
pub fn run_file(path: &str, args: &[String], opts: &Options) -> Outcome {
    Engine::new().run_file(path, args, opts)
}

/// Runs `src` as the main JavaScript module named `path` on a new engine.
pub fn run_source(src: &str, path: &str, args: &[String], opts: &Options) -> Outcome {
    Engine::new().run_source(src, path, args, opts)
}
