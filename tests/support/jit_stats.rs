//! Reading the JIT's `--stats` lines (`jit: NAME: N` on stderr), shared by the JIT test
//! binaries.

/// The number on the `--stats` line `jit: NAME: N`, if there is one.
pub fn try_stat(err: &str, name: &str) -> Option<u64> {
    let prefix = format!("jit: {name}: ");
    err.lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .and_then(|n| n.trim().parse().ok())
}

/// The number on the `--stats` line `jit: NAME: N`; panics (showing `err`) without one.
#[allow(dead_code)]
pub fn stat(err: &str, name: &str) -> u64 {
    try_stat(err, name).unwrap_or_else(|| panic!("no numeric stats line `jit: {name}` in {err}"))
}

/// How many `opcode` ops the step helper ran, from the `--stats` line
/// `jit: step-helper ops by opcode: Op N, Op N, …` (0 when not listed).
#[allow(dead_code)]
pub fn step_ops(err: &str, opcode: &str) -> u64 {
    let prefix = format!("{opcode} ");
    err.lines()
        .find_map(|l| l.strip_prefix("jit: step-helper ops by opcode: "))
        .unwrap_or_default()
        .split(", ")
        .find_map(|e| e.strip_prefix(&prefix))
        .map_or(0, |n| n.trim().parse().unwrap_or(u64::MAX))
}
