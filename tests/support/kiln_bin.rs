//! The built `kiln` binary as a command, for tests that run it as a user would.

#![allow(dead_code)]

use std::process::Command;

/// The command running the built `kiln`. In the cross stage the test itself runs under
/// cargo's runner (`qemu-aarch64`) on a host of another ISA, which cannot exec the aarch64
/// binary directly: it goes through the same runner.
pub fn kiln_command() -> Command {
    let bin = env!("CARGO_BIN_EXE_kiln");
    let runner = std::env::var("CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_RUNNER").unwrap_or_default();
    let mut words = runner.split_whitespace();
    match words.next() {
        Some(program) if cfg!(target_arch = "aarch64") => {
            let mut c = Command::new(program);
            c.args(words).arg(bin);
            c
        }
        _ => Command::new(bin),
    }
}
