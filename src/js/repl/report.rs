//! How node's REPL shows an uncaught exception: `Uncaught ` and the value inspected, an
//! error without the stack frames of the REPL's own top-level code (node drops the frame
//! of the input's Script and everything below it; kiln's stacks record only the site where
//! the error was created, so an error made directly by the input shows no frames).

use crate::js::atoms;
use crate::js::object::{CLASS_ERROR, PropKey};
use crate::js::value::Value;
use crate::js::vm::Vm;

/// Whether a stack line is a frame of REPL input top-level code, `    at REPL<n>:<l>:<c>`,
/// or of no code (`    at <anonymous>`: an error the REPL itself raised).
fn is_repl_frame(line: &str) -> bool {
    let line = line.trim_start();
    if line == "at <anonymous>" {
        return true;
    }
    let Some(rest) = line.strip_prefix("at REPL") else {
        return false;
    };
    let parts: Vec<&str> = rest.split(':').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

impl Vm {
    /// The text node's REPL prints for the uncaught exception `e` (with a final newline).
    /// An error's `stack` loses its REPL top-level frames, as in node (`_error` shows it so).
    pub(super) fn repl_uncaught(&mut self, e: Value) -> String {
        if e.is_object() && self.class_of(e) == CLASS_ERROR {
            let key = PropKey::Atom(atoms::STACK);
            if let Some((st, flags)) = self.get_own_raw(e, key)
                && st.is_string()
            {
                let text = self.str_to_string(st);
                let kept: Vec<&str> = text.lines().filter(|l| !is_repl_frame(l)).collect();
                let stripped = kept.join("\n");
                if stripped != text {
                    let s = self.new_str(&stripped);
                    self.define_own(e, key, s, flags);
                }
            }
        }
        self.roots.push(e);
        let mut shown = self.inspect(e);
        self.roots.pop();
        // node removes the brackets of a one-line error.
        if shown.starts_with('[') && shown.ends_with(']') && !shown.contains('\n') {
            shown = shown[1..shown.len() - 1].to_string();
        }
        format!("Uncaught {shown}\n")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn repl_frames() {
        for (line, want) in [
            ("    at REPL3:1:7", true),
            ("    at REPL12:10:1", true),
            ("    at f (REPL3:1:7)", false),
            ("    at /x/a.js:1:1", false),
            ("    at REPL3:1", false),
            ("    at <anonymous>", true),
        ] {
            assert_eq!(super::is_repl_frame(line), want, "{line}");
        }
    }
}
