//! The golden-vector file format both assemblers' tests read (`ISA/testdata/vectors.txt`,
//! written by `ci/gen-asm-vectors.sh`): one line per vector, `TEXT<tab>HEX<tab>LLVM-RENDERING`,
//! `#` comments.

use std::collections::BTreeMap;

use super::error::AsmResult;

/// One golden vector: `llvm-mc`'s bytes and its own rendering of the text.
pub struct Golden {
    pub hex: String,
    pub llvm_text: String,
}

/// The vectors of a golden file's contents, by input text.
pub fn parse(data: &str) -> BTreeMap<String, Golden> {
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

/// Bytes as the golden file writes them (`8b 02 00 20`).
pub fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a vector's emitting closure returns: `()` for infallible instructions, or a result.
pub trait IntoAsmResult {
    fn into_res(self) -> AsmResult;
}
impl IntoAsmResult for () {
    fn into_res(self) -> AsmResult {
        Ok(())
    }
}
impl IntoAsmResult for AsmResult {
    fn into_res(self) -> AsmResult {
        self
    }
}
