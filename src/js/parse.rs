//! Parsing JavaScript source with oxc, and its early errors.
//!
//! oxc's parser reports what the grammar rejects; the static semantics it leaves to
//! `oxc_semantic`'s syntax checker (strict-mode names like `eval`/`arguments`/`yield`,
//! duplicate parameters, legacy octal literals in strict code, declarations where only
//! statements may go, labels, `new.target`/`super` outside functions and methods, …), which
//! this runs too, so every early error of ECMA-262 is reported before any code runs. Direct
//! eval code skips that second pass: whether `new.target`, `super` or `arguments` may appear
//! there depends on the calling function, which the bytecode compiler checks.

use oxc_allocator::Allocator;
use oxc_ast::ast::Program;
use oxc_parser::Parser;
use oxc_semantic::SemanticBuilder;
use oxc_span::SourceType;

/// Which checks a parse runs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Checks {
    /// Grammar and static semantics: a whole file, global eval code, `Function` bodies.
    All,
    /// Grammar only: direct eval code (the compiler checks the caller-dependent rest).
    Grammar,
}

/// A parse failure: source offset and message.
pub struct ParseError {
    pub offset: u32,
    pub message: String,
}

/// Parses `src` as `source_type`, returning the program or its first early error.
pub fn parse<'a>(
    alloc: &'a Allocator,
    src: &'a str,
    source_type: SourceType,
    checks: Checks,
) -> Result<&'a Program<'a>, ParseError> {
    let ret = Parser::new(alloc, src, source_type).parse();
    if let Some(d) = ret.diagnostics.errors().next() {
        return Err(ParseError {
            offset: d.labels.first().map(|l| l.offset()).unwrap_or(0),
            message: d.message.to_string(),
        });
    }
    if ret.panicked {
        return Err(ParseError {
            offset: 0,
            message: "could not parse".into(),
        });
    }
    let program: &'a Program<'a> = alloc.alloc(ret.program);
    if checks == Checks::All {
        let sem = SemanticBuilder::new()
            .with_check_syntax_error(true)
            .build(program);
        if let Some(d) = sem.diagnostics.errors().next() {
            // A redeclaration's labels are the first declaration, then the second: the
            // error is at the second (where V8 reports it).
            let label = if d.message.ends_with("has already been declared") {
                d.labels.last()
            } else {
                d.labels.first()
            };
            return Err(ParseError {
                offset: label.map(|l| l.offset()).unwrap_or(0),
                message: d.message.to_string(),
            });
        }
    }
    Ok(program)
}
