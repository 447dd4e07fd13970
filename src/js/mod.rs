//! The JavaScript engine: values, heap, objects, bytecode compiler, interpreter, builtins.
//!
//! [`run_file`] / [`run_source`] run a program in-process with captured output; the `kiln`
//! command is a thin wrapper over them.

pub mod atoms;
pub mod builtins;
pub mod bytecode;
pub mod compiler;
pub mod format;
pub mod heap;
pub mod ic;
pub mod interp;
pub mod module;
pub mod object;
pub mod shape;
pub mod string;
pub mod value;
pub mod vm;

pub use vm::Options;

/// The result of running a program.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub status: i32,
}

/// Runs the program in `path` with extra arguments `args` (visible in `process.argv`).
pub fn run_file(path: &str, args: &[String], opts: &Options) -> Outcome {
    match std::fs::read_to_string(path) {
        Ok(src) => run_source(&src, path, args, opts),
        Err(e) => Outcome {
            stdout: Vec::new(),
            stderr: format!("kiln: cannot read {path}: {e}\n").into_bytes(),
            status: 1,
        },
    }
}

/// Runs `src` as the main module named `path`.
pub fn run_source(src: &str, path: &str, args: &[String], opts: &Options) -> Outcome {
    let (src, path, args, opts) = (
        src.to_string(),
        path.to_string(),
        args.to_vec(),
        opts.clone(),
    );
    // A generous stack for native re-entrancy (sort comparators, getters...), independent of
    // the caller's thread (tests run on small threads).
    let h = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || module::run_main(&src, &path, &args, opts))
        .expect("spawn interpreter thread");
    h.join().unwrap_or_else(|_| Outcome {
        stdout: Vec::new(),
        stderr: b"kiln: internal error (panic)\n".to_vec(),
        status: 70,
    })
}
