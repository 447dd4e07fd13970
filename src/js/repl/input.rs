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
    /// A whole Script (or an async function body: top-level `await`).
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
        Err(_) if super::await_input::wrap_await(src).is_some() => Parsed::Complete,
        Err(e) => Parsed::Error {
            shown: render_syntax_error(src, e.offset, &e.message),
        },
    }
}

/// Whether an error at byte `offset` with `message` means the input stopped too early: it
/// is at the end of the text, or it is a template literal (its start, or the `}` of a
/// substitution before its tail) or a block comment that never ends; those may span lines,
/// a string literal may not, so an unterminated one is an error.
fn ends_early(src: &str, offset: usize, message: &str) -> bool {
    if offset >= src.trim_end().len() {
        return true;
    }
    let rest = src.get(offset..).unwrap_or("");
    message.starts_with("Unterminated")
        && (rest.starts_with('`') || rest.starts_with('}') || rest.starts_with("/*"))
}

/// node's rendering of a syntax error in REPL input: the source line, carets under the
/// offending token, an empty line, then `Uncaught SyntaxError: message`.
pub fn render_syntax_error(src: &str, offset: u32, message: &str) -> String {
    let (offset, message, width) = v8_error(src, offset as usize, message);
    let (l, c) = line_col(src, offset as u32);
    let line = src.lines().nth(l.saturating_sub(1) as usize).unwrap_or("");
    let pad = " ".repeat(c.saturating_sub(1) as usize);
    let carets = "^".repeat(width.max(1));
    format!("{line}\n{pad}{carets}\n\nUncaught SyntaxError: {message}\n")
}

/// The error as V8 (node) reports it: where, what and how many characters it underlines.
/// oxc's bare "Unexpected token" (and its missing-semicolon error, at the end of the
/// statement before the token) name what was found the way V8 does ("Unexpected token
/// '}'", "Unexpected identifier 'x'", "Unexpected number", "Unexpected end of input"…);
/// names are quoted in single quotes, not backticks.
fn v8_error(src: &str, offset: usize, m: &str) -> (usize, String, usize) {
    let rest = src.get(offset..).unwrap_or("");
    let (offset, rest) = if m.starts_with("Expected a semicolon or an implicit semicolon") {
        let t = rest.trim_start();
        (offset + rest.len() - t.len(), t)
    } else if m == "Unexpected token" {
        (offset, rest)
    } else {
        return (offset, m.replace('`', "'"), 1);
    };
    let (msg, width) = unexpected(rest.trim_end());
    (offset, msg, width)
}

/// V8's punctuators of more than one character, longest first.
const PUNCTUATORS: [&str; 33] = [
    ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=", "=>", "==", "!=",
    "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
    "<<", ">>", "**",
];

/// Reserved words V8 reports as tokens rather than identifiers.
const KEYWORDS: [&str; 36] = [
    "await",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "function",
    "if",
    "import",
    "in",
    "instanceof",
    "new",
    "null",
    "return",
    "super",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "var",
    "void",
    "while",
];

/// V8's "Unexpected …" for the token at the start of `rest`, and the token's length.
fn unexpected(rest: &str) -> (String, usize) {
    let Some(c) = rest.chars().next() else {
        return ("Unexpected end of input".into(), 1);
    };
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$' || *c == '.')
        .collect();
    if c.is_ascii_digit() {
        return ("Unexpected number".into(), word.chars().count());
    }
    if c == '"' || c == '\'' {
        let len = rest[1..]
            .find([c, '\n'])
            .map(|i| i + 2)
            .unwrap_or(rest.len());
        return ("Unexpected string".into(), rest[..len].chars().count());
    }
    if c == '`' {
        return ("Unexpected template string".into(), 1);
    }
    if c.is_alphabetic() || c == '_' || c == '$' {
        let word = word.split('.').next().unwrap_or("");
        let n = word.chars().count();
        return if KEYWORDS.contains(&word) {
            (format!("Unexpected token '{word}'"), n)
        } else {
            (format!("Unexpected identifier '{word}'"), n)
        };
    }
    let p = PUNCTUATORS
        .iter()
        .find(|p| rest.starts_with(**p))
        .map(|p| p.to_string())
        .unwrap_or_else(|| c.to_string());
    let n = p.chars().count();
    (format!("Unexpected token '{p}'"), n)
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
        for (src, at, msg, want) in [
            ("1 +* 2", 3, "Unexpected token", "Unexpected token '*'"),
            ("a b", 2, "Unexpected token", "Unexpected identifier 'b'"),
            ("a 12", 2, "Unexpected token", "Unexpected number"),
            ("a 'x'", 2, "Unexpected token", "Unexpected string"),
            ("a if", 2, "Unexpected token", "Unexpected token 'if'"),
            ("a ...b", 2, "Unexpected token", "Unexpected token '...'"),
            ("(", 1, "Unexpected token", "Unexpected end of input"),
            (
                "a b",
                1,
                "Expected a semicolon or an implicit semicolon after a statement, but found none",
                "Unexpected identifier 'b'",
            ),
            (
                "",
                0,
                "Identifier `x` has already been declared",
                "Identifier 'x' has already been declared",
            ),
        ] {
            assert_eq!(v8_error(src, at, msg).1, want, "{src}");
        }
        assert_eq!(
            v8_error("a 12;", 2, "Unexpected token"),
            (2, "Unexpected number".into(), 2)
        );
        assert_eq!(v8_error("a 'x'", 2, "Unexpected token").2, 3);
    }
}
