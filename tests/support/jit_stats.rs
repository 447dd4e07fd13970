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
