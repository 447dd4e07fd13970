//! x86-64 disassembly (for `--print-code` and tests), with `iced-x86`'s decoder and Intel
//! formatter.

use iced_x86::{Decoder, DecoderOptions, Formatter, IntelFormatter};

/// The instructions of `bytes[from..to]` as (offset, text). Bytes that do not decode are
/// shown one at a time as `.byte`.
pub fn disassemble(bytes: &[u8], from: usize, to: usize) -> Vec<(usize, String)> {
    let end = to.min(bytes.len());
    let mut out = Vec::new();
    if from >= end {
        return out;
    }
    let mut decoder = Decoder::with_ip(64, &bytes[from..end], from as u64, DecoderOptions::NONE);
    let mut formatter = IntelFormatter::new();
    formatter
        .options_mut()
        .set_space_after_operand_separator(true);
    while decoder.can_decode() {
        let at = decoder.position() + from;
        let inst = decoder.decode();
        let mut text = String::new();
        if inst.is_invalid() {
            text = format!(".byte {:#04x}", bytes[at]);
            decoder
                .set_position(at - from + 1)
                .expect("a position inside the slice");
        } else {
            formatter.format(&inst, &mut text);
        }
        out.push((at, text));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::disassemble;

    #[test]
    fn lists_instructions_with_offsets() {
        // mov rax, rdi; add rax, 8; (invalid 0x06 in 64-bit mode); ret
        let code = [0x48, 0x89, 0xf8, 0x48, 0x83, 0xc0, 0x08, 0x06, 0xc3];
        let got = disassemble(&code, 0, code.len());
        let want = [
            (0, "mov rax, rdi"),
            (3, "add rax, 8"),
            (7, ".byte 0x06"),
            (8, "ret"),
        ];
        let got: Vec<(usize, &str)> = got.iter().map(|(o, t)| (*o, t.as_str())).collect();
        assert_eq!(got, want);
        assert_eq!(
            disassemble(&code, 3, 7),
            vec![(3, "add rax, 8".to_string())]
        );
    }
}
