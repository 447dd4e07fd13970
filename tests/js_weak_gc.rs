//! Programs that need node's `--expose-gc` (a global `gc()`): `tests/js_gc/NAME.js`, whose
//! `NAME.expected` is `node --expose-gc tests/js_gc/NAME.js`'s stdout. The corpus runner
//! cannot pass that flag (nor can `ci/gen-js-expected.sh` to node), so these run the built
//! binary, in the interpreter, with the JIT compiling everything, and under `--gc-stress`.

use pretty_assertions::assert_eq;

#[path = "support/kiln_bin.rs"]
mod kiln_bin;
use kiln_bin::kiln_command;

const MODES: &[&[&str]] = &[
    &["--no-jit"],
    &["--jit-threshold", "0"],
    &["--no-jit", "--gc-stress"],
];

#[test]
fn expose_gc_programs() {
    let dir = std::path::Path::new("tests/js_gc");
    let mut programs: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/js_gc")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "js"))
        .collect();
    programs.sort();
    assert!(!programs.is_empty());
    for p in programs {
        let expected = std::fs::read_to_string(p.with_extension("expected")).expect("expected");
        for mode in MODES {
            let out = kiln_command()
                .arg("--expose-gc")
                .args(*mode)
                .arg(&p)
                .output()
                .expect("run kiln");
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert_eq!(
                (stdout.as_ref(), out.status.code()),
                (expected.as_str(), Some(0)),
                "{} {mode:?}: stderr {}",
                p.display(),
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}
