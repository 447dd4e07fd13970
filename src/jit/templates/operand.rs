//! Operands of the number templates, fetched according to what the compiler knows of them
//! ([`crate::jit::facts`]): a known constant is materialised instead of loaded, and a check
//! whose outcome is known is left out. Also the lazily created slow-path label (a template
//! whose operands are all known numbers has no slow path).

use crate::jit::compiler::{Ctx, EXIT_STEP};
use crate::jit::facts::Fact;
use crate::jit::masm::{FReg, MasmResult, Reg};
use crate::jit::values::ValueOps;

/// The generic slow path of the op at a pc, created on first use.
pub struct Slow<L> {
    pc: usize,
    label: Option<L>,
}

impl<L: Copy> Slow<L> {
    pub fn new(pc: usize) -> Slow<L> {
        Slow { pc, label: None }
    }
    pub fn get<M: ValueOps<Label = L>>(&mut self, cx: &mut Ctx<'_, M>) -> L {
        let pc = self.pc;
        *self
            .label
            .get_or_insert_with(|| cx.slow_exit(pc, EXIT_STEP))
    }
}

/// `v` = register `r`'s value (a known constant is materialised, not loaded).
pub fn load<M: ValueOps>(cx: &mut Ctx<'_, M>, r: usize, v: Reg) -> MasmResult {
    match cx.fact(r) {
        Fact::Const(w) => {
            cx.m.mov_imm(v, w);
            Ok(())
        }
        _ => cx.m.load_slot(v, r as i32),
    }
}

/// Low 32 bits of the returned register = ToInt32 of register `r`, whose value is in `v`
/// ([`load`]ed) unless it is a known int32 constant; `dst` receives a converted value.
/// A non-number (or a huge double) branches to the slow path.
pub fn int32<M: ValueOps>(
    cx: &mut Ctx<'_, M>,
    r: usize,
    v: Reg,
    dst: Reg,
    slow: &mut Slow<M::Label>,
    tmp: FReg,
) -> MasmResult<Reg> {
    let f = cx.fact(r);
    if let Some(k) = f.int_const() {
        cx.m.mov_int32(dst, k);
        return Ok(dst);
    }
    if f.is_int32() {
        return Ok(v);
    }
    let l = slow.get(cx);
    if f.is_number() {
        cx.m.number_to_int32_or(dst, v, l, tmp);
    } else {
        cx.m.unbox_int32_or(dst, v, l, tmp);
    }
    Ok(dst)
}

/// `f` = the number in register `r`, whose value is in `v` ([`load`]ed) unless it is a
/// known constant. A non-number branches to `not_number` (created by `slow` if `None`).
pub fn number<M: ValueOps>(
    cx: &mut Ctx<'_, M>,
    r: usize,
    v: Reg,
    f: FReg,
    not_number: Option<M::Label>,
    slow: &mut Slow<M::Label>,
) {
    let fact = cx.fact(r);
    if let Some(k) = fact.int_const() {
        cx.m.fp_mov_imm(f, k as f64);
    } else if let Some(x) = fact.double_const() {
        cx.m.fp_mov_imm(f, x);
    } else if fact.is_int32() {
        cx.m.int32_to_fp(f, v);
    } else if fact.is_number() {
        cx.m.unbox_number(f, v);
    } else {
        let l = not_number.unwrap_or_else(|| slow.get(cx));
        cx.m.unbox_number_or(f, v, l);
    }
}

/// Whether register `r` must be loaded for [`number`] (it is not a known number constant).
pub fn needs_load<M: ValueOps>(cx: &Ctx<'_, M>, r: usize) -> bool {
    !matches!(cx.fact(r), Fact::Const(_)) || !cx.fact(r).is_number()
}
