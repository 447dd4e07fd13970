//! Checks every vector of the table against the golden `llvm-mc` bytes.

use std::collections::BTreeMap;

use pretty_assertions::assert_eq;

use super::vectors::{Window, table};
use crate::asm::aarch64::Assembler;

pub use crate::asm::golden::{Golden, hex};

/// The committed golden vectors, by input text.
pub fn golden() -> BTreeMap<String, Golden> {
    crate::asm::golden::parse(include_str!("../testdata/vectors.txt"))
}

/// Emits the vector and returns the bytes it compares (per its [`Window`]).
pub fn emit(v: &super::vectors::Vector) -> Result<Vec<u8>, String> {
    let mut a = Assembler::new();
    (v.emit)(&mut a).map_err(|e| format!("emit failed: {e}"))?;
    let code = a.finalize().map_err(|e| format!("finalize failed: {e}"))?;
    Ok(match v.window {
        Window::All => code,
        Window::First => code[..4].to_vec(),
        Window::Last => code[code.len() - 4..].to_vec(),
    })
}

#[test]
fn every_vector_matches_llvm_mc() {
    let golden = golden();
    let mut expected = String::new();
    let mut actual = String::new();
    for v in table() {
        let want = match golden.get(&v.text) {
            Some(g) => g.hex.clone(),
            None => "<missing from testdata/vectors.txt: run ci/gen-asm-vectors.sh>".into(),
        };
        let got = match emit(&v) {
            Ok(bytes) => hex(&bytes),
            Err(e) => e,
        };
        expected.push_str(&format!("{}: {want}\n", v.text));
        actual.push_str(&format!("{}: {}\n", v.text, got));
    }
    assert_eq!(expected, actual);
}

#[test]
fn golden_file_has_no_stale_vectors() {
    let texts: Vec<String> = table().into_iter().map(|v| v.text).collect();
    let stale: Vec<String> = golden()
        .into_keys()
        .filter(|t| !texts.contains(t))
        .collect();
    assert_eq!(stale, Vec::<String>::new());
    assert!(
        texts.len() > 400,
        "vector table unexpectedly small: {}",
        texts.len()
    );
}
