//! AArch64 disassembly for `--print-code`, with `yaxpeax-arm`.

use yaxpeax_arch::{Arch, Decoder, U8Reader};
use yaxpeax_arm::armv8::a64::ARMv8;

/// The instructions of `bytes[from..to]` as (offset, text), one per 4-byte word (a word that
/// does not decode is shown as `.word`).
pub fn disassemble(bytes: &[u8], from: usize, to: usize) -> Vec<(usize, String)> {
    let decoder = <ARMv8 as Arch>::Decoder::default();
    let mut out = Vec::new();
    let mut at = from;
    while at + 4 <= to.min(bytes.len()) {
        let word = &bytes[at..at + 4];
        let mut reader = U8Reader::new(word);
        let text = match decoder.decode(&mut reader) {
            Ok(inst) => inst.to_string(),
            Err(_) => format!(
                ".word {:#010x}",
                u32::from_le_bytes(word.try_into().unwrap_or([0; 4]))
            ),
        };
        out.push((at, text));
        at += 4;
    }
    out
}
