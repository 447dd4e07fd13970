//! Generator and async function bodies: the prologue that creates the generator object and
//! suspends before the first statement, `yield`, `yield*`, the dispatch on how a suspended
//! generator was resumed, and an async function's state, `await` and settlement (see
//! `js::interp::generator` and `js::interp::async_fn` for the frame side).

use oxc_ast::ast::*;

use super::{CResult, Compiler, TryCtx};
use crate::js::bytecode::*;
use crate::js::interp::generator::{
    MODE_THROW, SUSPEND_AWAIT, SUSPEND_RAW, SUSPEND_START, SUSPEND_YIELD,
};

impl<'a, 'v> Compiler<'a, 'v> {
    /// After the parameters are bound (their defaults run at the call, ES2025 15.5.2
    /// EvaluateGeneratorBody): create the generator object and return it to the caller,
    /// suspended before the body.
    pub(crate) fn generator_start(&mut self) -> CResult<()> {
        let g = self.temp()?;
        self.f().gen_reg = Some(g);
        self.emit(Op::GeneratorCreate, &[g as i64]);
        let m = self.reg_mark();
        let sent = self.sent_pair()?;
        self.emit(
            Op::Suspend,
            &[g as i64, g as i64, sent as i64, SUSPEND_START as i64],
        );
        self.reg_release(m);
        Ok(())
    }

    /// Two consecutive registers: the value sent by the resumer and the resumption mode.
    fn sent_pair(&mut self) -> CResult<u16> {
        let sent = self.temp()?;
        self.temp()?;
        Ok(sent)
    }

    pub(crate) fn yield_expr(&mut self, y: &'a YieldExpression<'a>, dst: u16) -> CResult<()> {
        let Some(g) = self.f().gen_reg else {
            return self.err(y.span, "Yield expression not allowed in formal parameter");
        };
        let m = self.reg_mark();
        let v = self.temp()?;
        match &y.argument {
            Some(e) => self.expr(e, v)?,
            None => {
                self.emit(Op::LoadUndefined, &[v as i64]);
            }
        }
        let is_async = self.f().flags & F_ASYNC != 0;
        if y.delegate && is_async {
            self.async_yield_star(g, v, dst)?;
        } else if y.delegate {
            self.yield_star(g, v, dst)?;
        } else {
            if is_async {
                // An async generator awaits what it yields (ES2025 15.5.5 Yield).
                self.emit_await(v, v)?;
            }
            let sent = self.sent_pair()?;
            self.emit(
                Op::Suspend,
                &[g as i64, v as i64, sent as i64, SUSPEND_YIELD as i64],
            );
            self.resume_dispatch(sent)?;
            self.emit(Op::Move, &[dst as i64, sent as i64]);
        }
        self.reg_release(m);
        Ok(())
    }

    /// `yield* v` (ES2025 15.5.5): one `YieldDelegate` step per resumption, yielding the
    /// inner iterator's results as they are, until it is done.
    fn yield_star(&mut self, g: u16, v: u16, dst: u16) -> CResult<()> {
        let it = self.temp()?;
        self.emit(Op::GetIterator, &[it as i64, v as i64]);
        let sent = self.sent_pair()?;
        self.emit(Op::LoadUndefined, &[sent as i64]);
        self.emit(Op::LoadInt8, &[sent as i64 + 1, 0]);
        let top = self.pc();
        let step = self.emit(Op::YieldDelegate, &[v as i64, it as i64, sent as i64, 0]);
        self.emit(
            Op::Suspend,
            &[g as i64, v as i64, sent as i64, SUSPEND_RAW as i64],
        );
        self.jump_to(top);
        self.patch_here(step);
        // Done: after a return resumption the generator returns the value.
        let t = self.temp()?;
        self.emit(Op::LoadInt8, &[t as i64, 2]);
        self.emit(Op::StrictEq, &[t as i64, sent as i64 + 1, t as i64]);
        let j = self.emit(Op::JumpIfFalse, &[t as i64, 0]);
        self.emit_return(v)?;
        self.patch_here(j);
        self.emit(Op::Move, &[dst as i64, v as i64]);
        Ok(())
    }

    /// `yield* v` in an async generator (ES2025 15.5.5 with generatorKind async): the inner
    /// iterator is async, each of its results is awaited and its values are yielded as they
    /// are (not awaited again).
    fn async_yield_star(&mut self, g: u16, v: u16, dst: u16) -> CResult<()> {
        let it = self.temp()?;
        self.emit(Op::GetAsyncIterator, &[it as i64, v as i64]);
        let sent = self.sent_pair()?;
        self.emit(Op::LoadUndefined, &[sent as i64]);
        self.emit(Op::LoadInt8, &[sent as i64 + 1, 0]);
        let top = self.pc();
        let no_return = self.emit(
            Op::YieldDelegateCall,
            &[v as i64, it as i64, sent as i64, 0],
        );
        self.emit_await(v, v)?;
        let done = self.emit(Op::IterResultValue, &[v as i64, v as i64, 0]);
        self.emit(
            Op::Suspend,
            &[g as i64, v as i64, sent as i64, SUSPEND_YIELD as i64],
        );
        self.jump_to(top);
        self.patch_here(no_return);
        self.patch_here(done);
        // Done: after a return resumption the generator returns the value.
        let t = self.temp()?;
        self.emit(Op::LoadInt8, &[t as i64, 2]);
        self.emit(Op::StrictEq, &[t as i64, sent as i64 + 1, t as i64]);
        let j = self.emit(Op::JumpIfFalse, &[t as i64, 0]);
        self.emit_return(v)?;
        self.patch_here(j);
        self.emit(Op::Move, &[dst as i64, v as i64]);
        Ok(())
    }

    /// After a `Suspend`: a next resumption goes on; throw throws the sent value where the
    /// generator stopped; return returns it through the enclosing `finally` blocks.
    fn resume_dispatch(&mut self, sent: u16) -> CResult<()> {
        let mode = sent as i64 + 1;
        let next = self.emit(Op::JumpIfFalse, &[mode, 0]);
        let m = self.reg_mark();
        let t = self.temp()?;
        self.emit(Op::LoadInt8, &[t as i64, MODE_THROW as i64]);
        self.emit(Op::StrictEq, &[t as i64, mode, t as i64]);
        let ret = self.emit(Op::JumpIfFalse, &[t as i64, 0]);
        self.emit(Op::Throw, &[sent as i64]);
        self.patch_here(ret);
        self.reg_release(m);
        self.emit_return(sent)?;
        self.patch_here(next);
        Ok(())
    }

    /// `return r` from inside any number of `try` statements: their `finally` blocks run
    /// first. An async function settles its promise with `r` and returns the promise; an
    /// async generator awaits `r` first (ES2025 15.6.2, ReturnStatement evaluation).
    pub(crate) fn emit_return(&mut self, r: u16) -> CResult<()> {
        if self.f().flags & (F_ASYNC | F_GENERATOR) == F_ASYNC | F_GENERATOR {
            let m = self.reg_mark();
            let t = self.temp()?;
            self.emit_await(r, t)?;
            self.emit_final_return(t)?;
            self.reg_release(m);
            return Ok(());
        }
        self.emit_final_return(r)
    }

    /// [`Self::emit_return`] without an async generator's await (the end of the body).
    pub(crate) fn emit_final_return(&mut self, r: u16) -> CResult<()> {
        let n = self.f().scopes.len();
        let is_async_fn = self.f().flags & (F_ASYNC | F_GENERATOR) == F_ASYNC;
        // An async function's own handler (`async_start`, the first try) stays in force
        // while `finally` blocks run: one that throws rejects the promise instead of the
        // pending return value (ES2025 14.15.3: the finally's abrupt completion wins).
        let keep = usize::from(is_async_fn && self.f().gen_reg.is_some());
        let u = self.unwind_to(n, keep)?;
        match self.f().gen_reg {
            Some(g) if is_async_fn => {
                let m = self.reg_mark();
                let p = self.temp()?;
                self.emit(Op::AsyncSettle, &[p as i64, g as i64, r as i64, 0]);
                self.emit(Op::Return, &[p as i64]);
                self.reg_release(m);
            }
            _ => {
                self.emit(Op::Return, &[r as i64]);
            }
        }
        self.rewind(u);
        Ok(())
    }

    /// An async function's first op: its state and promise, and the implicit handler
    /// (everything after it up to [`Self::async_end`]) that rejects the promise.
    pub(crate) fn async_start(&mut self) -> CResult<u16> {
        let g = self.temp()?;
        self.f().gen_reg = Some(g);
        self.emit(Op::AsyncCreate, &[g as i64]);
        let (open, scope_len) = (self.pc() as u32, self.f().scopes.len());
        self.f().tries.push(TryCtx {
            regions: vec![],
            open,
            finally: None,
            close_iter: None,
            close_async: false,
            scope_len,
        });
        Ok(g)
    }

    /// Ends an async function: an exception escaping its body rejects its promise, which
    /// the frame returns.
    pub(crate) fn async_end(&mut self, g: u16) -> CResult<()> {
        let mut c = self.f().tries.pop().expect("async body");
        let pc = self.pc() as u32;
        if c.open < pc {
            c.regions.push((c.open, pc));
        }
        let exc = self.temp()?;
        let target = self.pc() as u32;
        for (start, end) in c.regions {
            self.f().handlers.push(Handler {
                start,
                end,
                target,
                reg: exc,
            });
        }
        self.emit(Op::AsyncSettle, &[exc as i64, g as i64, exc as i64, 1]);
        self.emit(Op::Return, &[exc as i64]);
        Ok(())
    }

    /// `await v` (ES2025 27.7.5.3): suspends until the promise for `v` settles; a rejection
    /// is thrown here.
    pub(crate) fn await_expr(&mut self, a: &'a AwaitExpression<'a>, dst: u16) -> CResult<()> {
        let is_async = self.f().flags & F_ASYNC != 0;
        let Some(g) = self.f().gen_reg.filter(|_| is_async) else {
            return self.err(
                a.span,
                "await is only valid in async functions and the top level bodies of modules",
            );
        };
        let _ = g;
        let m = self.reg_mark();
        let v = self.temp()?;
        self.expr(&a.argument, v)?;
        self.emit_await(v, dst)?;
        self.reg_release(m);
        Ok(())
    }

    /// `for await`'s step: `v = (await it.next()).value`, or a jump (returned, to patch)
    /// when the result is done.
    pub(crate) fn async_iterator_next(&mut self, it: u16, v: u16) -> CResult<usize> {
        let m = self.reg_mark();
        let f = self.temp()?;
        let this = self.temp()?;
        let a = self.atom("next");
        let ic = self.ic();
        self.emit(Op::GetPropertyByName, &[f as i64, it as i64, a, ic]);
        self.emit(Op::Move, &[this as i64, it as i64]);
        let ic = self.ic();
        self.emit(Op::CallMethod, &[v as i64, f as i64, this as i64, 0, ic]);
        self.emit_await(v, v)?;
        let j = self.emit(Op::AsyncIterStep, &[v as i64, v as i64, 0]);
        self.reg_release(m);
        Ok(j)
    }

    /// AsyncIteratorClose on a normal exit (`break`, `return`): awaits `it.return()` and
    /// requires an object.
    pub(crate) fn async_iterator_close(&mut self, it: u16) -> CResult<()> {
        let m = self.reg_mark();
        let f = self.temp()?;
        let this = self.temp()?;
        let a = self.atom("return");
        let ic = self.ic();
        self.emit(Op::GetPropertyByName, &[f as i64, it as i64, a, ic]);
        let none = self.emit(Op::JumpIfNullish, &[f as i64, 0]);
        self.emit(Op::Move, &[this as i64, it as i64]);
        let ic = self.ic();
        self.emit(Op::CallMethod, &[f as i64, f as i64, this as i64, 0, ic]);
        self.emit_await(f, f)?;
        self.emit(Op::RequireObject, &[f as i64]);
        self.patch_here(none);
        self.reg_release(m);
        Ok(())
    }

    /// Awaits the value in `v` into `dst` (in an async function or async generator).
    fn emit_await(&mut self, v: u16, dst: u16) -> CResult<()> {
        self.f().awaits = true;
        let g = self
            .f()
            .gen_reg
            .expect("an async body has its state register");
        let m = self.reg_mark();
        let sent = self.sent_pair()?;
        self.emit(
            Op::Suspend,
            &[g as i64, v as i64, sent as i64, SUSPEND_AWAIT as i64],
        );
        let next = self.emit(Op::JumpIfFalse, &[sent as i64 + 1, 0]);
        self.emit(Op::Throw, &[sent as i64]);
        self.patch_here(next);
        self.emit(Op::Move, &[dst as i64, sent as i64]);
        self.reg_release(m);
        Ok(())
    }
}
