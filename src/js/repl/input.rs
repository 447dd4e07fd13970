//! Reading REPL input: whether the text typed so far is a whole Script, needs more lines
//! (it ends inside a brace, parenthesis, template, comment…), or has a real syntax error,
//! which is shown as node shows it (the line, a caret under the column, the message).

use oxc_allocator::Allocator;
use oxc_span::SourceType;

use crate::js::compiler::line_col;
use crate::js::parse::{Checks, parse};

/// What parsing an input found.
#[derive(Debug, PartialEq, Eq)]
pub enum Parsed {
    /// A whole Script.
    Complete,
    /// The input ends too early: read another line.
    Incomplete,
    /// A syntax error, rendered as node's REPL prints it (before `Uncaught SyntaxError`).
    Error { shown: String },
}

/// Parses `src` as a Script (grammar and early errors) and classifies the outcome.
pub fn classify(src: &str) -> Parsed {
    let alloc = Allocator::default();
    match parse(&alloc, src, SourceType::script(), Checks::All) {
        Ok(_) => Parsed::Complete,
        Err(e) if ends_early(src, e.offset as usize, &e.message) => Parsed::Incomplete,
        Err(e) => Parsed::Error {
            shown: render_syntax_error(src, e.offset, &e.message),
        },
    }
}

/// Whether an error at byte `offset` with `message` means the input stopped too early: it
/// is at the end of the text, or it is a template literal or block comment that never ends
/// (those may span lines; a string literal may not, so an unterminated one is an error).
fn ends_early(src: &str, offset: usize, message: &str) -> bool {
    if offset >= src.trim_end().len() {
        return true;
    }
    let rest = src.get(offset..).unwrap_or("");
    message.starts_with("Unterminated") && (rest.starts_with('`') || rest.starts_with("/*"))
}

/// node's rendering of a syntax error in REPL input: the source line, a caret under the
/// error's column, an empty line, then `Uncaught SyntaxError: message`.
pub fn render_syntax_error(src: &str, offset: u32, message: &str) -> String {
    let (l, c) = line_col(src, offset);
    let line = src.lines().nth(l.saturating_sub(1) as usize).unwrap_or("");
    let pad = " ".repeat(c.saturating_sub(1) as usize);
    format!(
        "{line}\n{pad}^\n\nUncaught SyntaxError: {}\n",
        v8_message(src, offset as usize, message)
    )
}

/// The message as V8 (node) words it: oxc's bare "Unexpected token" names what it found
/// the way V8 does ("Unexpected token '}'", "Unexpected identifier 'x'", "Unexpected
/// number", "Unexpected end of input"…); names are quoted in single quotes, not backticks.
fn v8_message(src: &str, offset: usize, m: &str) -> String {
    if m == "Unexpected token" {
        return unexpected(src.get(offset..).unwrap_or("").trim_end());
    }
    m.replace('`', "'")
}

/// V8's punctuators of more than one character, longest first.
const PUNCTUATORS: [&str; 33] = [
    ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=", "=>", "==",
    "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=",
    "|=", "^=", "<<", ">>", "**",
];

/// Reserved words V8 reports as tokens rather than identifiers.
const KEYWORDS: [&str; 36] = [
    "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default",
    "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for",
    "function", "if", "import", "in", "instanceof", "new", "null", "return", "super",
    "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while",
];

/// V8's "Unexpected …" for the token at the start of `rest`.
fn unexpected(rest: &str) -> String {
    let Some(c) = rest.chars().next() else {
        return "Unexpected end of input".into();
    };
    if c.is_ascii_digit() {
        return "Unexpected number".into();
    }
    if c == '"' || c == '\'' {
        return "Unexpected string".into();
    }
    if c == '`' {
        return "Unexpected template string".into();
    }
    if c.is_alphabetic() || c == '_' || c == '$' {
        let word: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
            .collect();
        return if KEYWORDS.contains(&word.as_str()) {
            format!("Unexpected token '{word}'")
        } else {
            format!("Unexpected identifier '{word}'")
        };
    }
    let p = PUNCTUATORS
        .iter()
        .find(|p| rest.starts_with(**p))
        .map(|p| p.to_string())
        .unwrap_or_else(|| c.to_string());
    format!("Unexpected token '{p}'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn incomplete_and_errors() {
        let incomplete = [
            "function f() {",
            "let o = {",
            "`abc",
            "`a ${1} b",
            "(1 +",
            "foo(",
            "/* x",
            "[1,",
            "if (1)",
            "class A {",
        ];
        for s in incomplete {
            assert_eq!(classify(s), Parsed::Incomplete, "{s}");
        }
        for s in ["let }", "1 +* 2", "\"a", "`a` }", "/* a */ }"] {
            assert!(matches!(classify(s), Parsed::Error { .. }), "{s}");
        }
        for s in ["1 + 2", "let x = 1", "`a\nb`", "", "// c"] {
            assert_eq!(classify(s), Parsed::Complete, "{s}");
        }
    }

    #[test]
    fn caret_under_the_column() {
        assert_eq!(
            render_syntax_error("let }", 4, "Unexpected token"),
            "let }\n    ^\n\nUncaught SyntaxError: Unexpected token '}'\n"
        );
        for (src, at, want) in [
            ("1 +* 2", 3, "Unexpected token '*'"),
            ("a b", 2, "Unexpected identifier 'b'"),
            ("a 1", 2, "Unexpected number"),
            ("a 'x'", 2, "Unexpected string"),
            ("a if", 2, "Unexpected token 'if'"),
            ("a ...b", 2, "Unexpected token '...'"),
            ("(", 1, "Unexpected end of input"),
        ] {
            assert_eq!(v8_message(src, at, "Unexpected token"), want, "{src}");
        }
        assert_eq!(
            v8_message("", 0, "Identifier `x` has already been declared"),
            "Identifier 'x' has already been declared"
        );
    }
}
