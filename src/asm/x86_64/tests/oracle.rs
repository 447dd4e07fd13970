//! Checks every vector of the table against the golden `llvm-mc` bytes.

use std::collections::BTreeMap;

use pretty_assertions::assert_eq;

use super::vectors::{Vector, table};
use crate::asm::x86_64::Assembler;

/// One golden vector: `llvm-mc`'s bytes and its own rendering of the text.
pub struct Golden {
    pub hex: String,
    pub llvm_text: String,
}

/// The committed golden vectors, by input text.
pub fn golden() -> BTreeMap<String, Golden> {
    let data = include_str!("../testdata/vectors.txt");
    let mut map = BTreeMap::new();
    for line in data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let mut parts = line.split('\t');
        let (Some(text), Some(hex), Some(llvm_text)) = (parts.next(), parts.next(), parts.next())
        else {
            panic!("malformed vector line: {line:?}");
        };
        map.insert(
            text.to_string(),
            Golden {
                hex: hex.to_string(),
                llvm_text: llvm_text.to_string(),
            },
        );
    }
    map
}

pub fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Emits the vector and finalizes the code.
pub fn emit(v: &Vector) -> Result<Vec<u8>, String> {
    let mut a = Assembler::new();
    (v.emit)(&mut a).map_err(|e| format!("emit failed: {e}"))?;
    a.finalize().map_err(|e| format!("finalize failed: {e}"))
}

#[test]
fn every_vector_matches_llvm_mc() {
    let golden = golden();
    let mut expected = String::new();
    let mut actual = String::new();
    for v in table() {
        let want = match golden.get(&v.text) {
            Some(g) => g.hex.clone(),
            None => "<missing from testdata/vectors.txt: run ci/gen-asm-vectors.sh x86_64>".into(),
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
    let texts: std::collections::BTreeSet<String> = table().into_iter().map(|v| v.text).collect();
    let stale: Vec<String> = golden()
        .into_keys()
        .filter(|t| !texts.contains(t))
        .collect();
    assert_eq!(stale, Vec::<String>::new());
    assert!(
        texts.len() > 1000,
        "vector table unexpectedly small: {}",
        texts.len()
    );
}
