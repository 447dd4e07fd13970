//! Top-level `await` in REPL input, as node's REPL allows it: input that is not a Script
//! but is the body of an async function runs as `(async () => { … })()`, its last
//! expression statement returned (the completion value), and the REPL waits for the
//! promise. Top-level `var`/`let`/`const` declarations with plain names become assignments
//! to names declared first (`var` as `var`, the others as `let`, as node does), so later
//! inputs see them; other declarations stay inside the function.

use oxc_allocator::Allocator;
use oxc_ast::ast::*;
use oxc_span::{GetSpan, SourceType};

use crate::js::parse::{Checks, parse};

/// An input rewritten for top-level `await`.
#[derive(Debug, PartialEq, Eq)]
pub struct Wrapped {
    /// The async function call to evaluate (its value: a promise).
    pub code: String,
    /// A Script declaring the names the code assigns (empty if none).
    pub declare: String,
}

const HEAD: &str = "(async () => {\n";
const TAIL: &str = "\n})()";

/// `src` rewritten to run as an async function, if it mentions `await` and parses as an
/// async function body (the REPL asks only about input that is not a Script).
pub fn wrap_await(src: &str) -> Option<Wrapped> {
    if !src.contains("await") {
        return None;
    }
    let code = format!("{HEAD}{src}{TAIL}");
    let alloc = Allocator::default();
    let program = parse(&alloc, &code, SourceType::script(), Checks::All).ok()?;
    let body = arrow_body(program, code.len())?;
    // (start, end, replacement) in `code`, in order.
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let (mut vars, mut lets) = (Vec::new(), Vec::new());
    for (i, s) in body.iter().enumerate() {
        match s {
            Statement::VariableDeclaration(d) if plain_names(d) => {
                let mut parts = Vec::new();
                for decl in &d.declarations {
                    let name = decl.id.get_binding_identifier()?.name.as_str();
                    let value = decl
                        .init
                        .as_ref()
                        .map(|e| slice(&code, e.span()))
                        .unwrap_or("undefined");
                    parts.push(format!("{name} = {value}"));
                    if d.kind == VariableDeclarationKind::Var {
                        vars.push(name);
                    } else {
                        lets.push(name);
                    }
                }
                let span = d.span;
                edits.push((
                    span.start as usize,
                    span.end as usize,
                    format!("void ({});", parts.join(", ")),
                ));
            }
            Statement::ExpressionStatement(e) if i == body.len() - 1 => {
                let text = slice(&code, e.expression.span());
                edits.push((
                    e.span.start as usize,
                    e.span.end as usize,
                    format!("return ({text});"),
                ));
            }
            _ => {}
        }
    }
    let mut out = String::with_capacity(code.len() + 32);
    let mut at = 0;
    for (start, end, text) in edits {
        out.push_str(&code[at..start]);
        out.push_str(&text);
        at = end;
    }
    out.push_str(&code[at..]);
    let mut declare = String::new();
    if !vars.is_empty() {
        declare.push_str(&format!("var {};", vars.join(", ")));
    }
    if !lets.is_empty() {
        declare.push_str(&format!("let {};", lets.join(", ")));
    }
    Some(Wrapped { code: out, declare })
}

/// Whether every declarator of `d` binds a plain name.
fn plain_names(d: &VariableDeclaration) -> bool {
    d.declarations
        .iter()
        .all(|x| x.id.get_binding_identifier().is_some())
}

fn slice(code: &str, span: oxc_span::Span) -> &str {
    code.get(span.start as usize..span.end as usize)
        .unwrap_or("")
}

/// The statements of the arrow function in `(async () => { … })()` (`len` bytes).
fn arrow_body<'a>(program: &'a Program<'a>, len: usize) -> Option<&'a [Statement<'a>]> {
    let [Statement::ExpressionStatement(s)] = &program.body[..] else {
        return None;
    };
    let Expression::CallExpression(call) = &s.expression else {
        return None;
    };
    let Expression::ArrowFunctionExpression(f) = call.callee.without_parentheses() else {
        return None;
    };
    let ArrowFunctionBody::FunctionBody(body) = &f.body else {
        return None;
    };
    // The input must not close the function early: its body ends at the `}` of TAIL.
    if body.span.end as usize != len - TAIL.len() + 2 {
        return None;
    }
    Some(&body.statements)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites() {
        assert_eq!(wrap_await("1 + 1"), None);
        assert_eq!(wrap_await("}); (async () => { await 1"), None);
        let w = wrap_await("await p").expect("wrapped");
        assert_eq!(w.code, "(async () => {\nreturn (await p);\n})()");
        assert_eq!(w.declare, "");
        let w = wrap_await("let v = await p, u\nvar k = 1; k").expect("wrapped");
        assert_eq!(
            w.code,
            "(async () => {\nvoid (v = await p, u = undefined);\nvoid (k = 1); return (k);\n})()"
        );
        assert_eq!(w.declare, "var k;let v, u;");
    }
}
