//! Shared helpers: assemble a snippet, publish it, call it; and a runner for tables of
//! (snippet, inputs, expected output) cases that reports every mismatch at once.

use kiln::asm::aarch64::{AsmResult, Assembler};
use kiln::codemem::{CodePtr, JitBuffer};
use kiln::exec::{self, ExecError};
use pretty_assertions::assert_eq;

/// Assembles `body` into a fresh buffer and publishes it. The buffer must outlive calls.
pub fn publish(body: impl FnOnce(&mut Assembler) -> AsmResult) -> (JitBuffer, CodePtr) {
    let mut a = Assembler::new();
    body(&mut a).expect("assembling the test snippet");
    let code = a.finalize().expect("finalizing the test snippet");
    let mut buf = JitBuffer::new(64 * 1024).expect("reserving code memory");
    let ptr = buf.publish(&code).expect("publishing the test snippet");
    (buf, ptr)
}

/// Assembles `body` (which must end in `ret`), calls it with `args`, returns x0 or the error.
pub fn try_run(
    body: impl FnOnce(&mut Assembler) -> AsmResult,
    args: &[u64],
) -> Result<u64, ExecError> {
    let (_buf, ptr) = publish(body);
    // SAFETY: test snippets only touch memory the test passes them.
    unsafe { exec::call(ptr, args) }
}

/// Like [`try_run`], failing the test on an execution error.
pub fn run(body: impl FnOnce(&mut Assembler) -> AsmResult, args: &[u64]) -> u64 {
    try_run(body, args).unwrap_or_else(|e| panic!("execution failed: {e}"))
}

/// One table entry: a snippet taking x0–x3 and returning x0, its inputs and expected x0.
pub struct Case {
    pub name: &'static str,
    pub code: fn(&mut Assembler) -> AsmResult,
    pub args: Vec<u64>,
    pub want: u64,
}

/// Shorthand for a [`Case`].
pub fn case(
    name: &'static str,
    code: fn(&mut Assembler) -> AsmResult,
    args: &[u64],
    want: u64,
) -> Case {
    Case {
        name,
        code,
        args: args.to_vec(),
        want,
    }
}

/// Runs every case (each body followed by `ret`) and compares all results at once.
pub fn check(cases: &[Case]) {
    let mut got = Vec::new();
    let mut want = Vec::new();
    for c in cases {
        let result = try_run(
            |a| {
                (c.code)(a)?;
                a.ret();
                Ok(())
            },
            &c.args,
        );
        got.push(match result {
            Ok(v) => format!("{}: {v:#x}", c.name),
            Err(e) => format!("{}: error {e}", c.name),
        });
        want.push(format!("{}: {:#x}", c.name, c.want));
    }
    assert_eq!(got.join("\n"), want.join("\n"));
}
