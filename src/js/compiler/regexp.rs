//! Regular expression literals: the pattern is checked here, so a bad one is an early
//! SyntaxError at the literal; each evaluation then creates a new RegExp object
//! (ES2025 13.2.7.3) with `CreateRegExp`.

use oxc_ast::ast::RegExpLiteral;

use super::{CResult, Compiler};
use crate::js::bytecode::Op;

impl<'a, 'v> Compiler<'a, 'v> {
    pub(crate) fn regexp_literal(&mut self, r: &'a RegExpLiteral<'a>, dst: i64) -> CResult<()> {
        let pattern = r.regex.pattern.text.as_str();
        // The flags as written: the text after the closing slash of the raw literal.
        let flags = match &r.raw {
            Some(raw) => {
                let raw = raw.as_str();
                raw[raw.rfind('/').map_or(raw.len(), |i| i + 1)..].to_string()
            }
            None => r.regex.flags.to_string(),
        };
        if let Err(msg) = self.vm.regexp_check(pattern, &flags) {
            return self.err(r.span, &msg);
        }
        let p = self.const_str(pattern);
        let f = self.const_str(&flags);
        self.emit(Op::CreateRegExp, &[dst, p, f]);
        Ok(())
    }
}
