//! Structured control flow: blocks, loops, `if`/`else`, branches, `br_table`, `return`,
//! `unreachable`, plus `drop` and `select`.
//!
//! Every label is a merge point where all values sit in their home slots: a block's entry
//! spills the stack, a branch spills it and moves the branch's values down to the target's
//! slots (the stack above the target's height is dropped), and code after an unconditional
//! branch is skipped until the `else` or `end` that makes it reachable again.

use wasmparser::Operator;

use crate::jit::abi::RuntimeAbi;
use crate::jit::masm::{IntCond, MasmResult, Reg, RegImm, Size, Width};
use crate::wasm::ctx::TrapCode;
use crate::wasm::types::ValType;

use super::Codegen;
use super::stack::{Loc, fsize, slot};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Function,
    Block,
    Loop,
    If,
    Else,
}

/// One open control construct.
pub(super) struct Frame<L> {
    pub kind: Kind,
    /// Where a branch to this frame goes: the end, or a loop's start.
    pub label: L,
    /// An `if`'s else part, until `else` binds it.
    pub else_label: Option<L>,
    /// Stack height below the construct's parameters.
    pub height: usize,
    pub params: Vec<ValType>,
    pub results: Vec<ValType>,
    /// The rest of the construct cannot be reached.
    pub unreachable: bool,
}

impl<L: Copy> Frame<L> {
    pub fn function(ret: L, results: Vec<ValType>) -> Frame<L> {
        Frame {
            kind: Kind::Function,
            label: ret,
            else_label: None,
            height: 0,
            params: vec![],
            results,
            unreachable: false,
        }
    }

    /// Values a branch to this frame carries.
    fn arity(&self) -> usize {
        if self.kind == Kind::Loop {
            self.params.len()
        } else {
            self.results.len()
        }
    }
}

impl<M: RuntimeAbi> Codegen<'_, M> {
    /// Window slot where a branch to frame `f` leaves its first value.
    fn target_base(&self, f: &Frame<M::Label>) -> usize {
        if f.kind == Kind::Function {
            0
        } else {
            self.home(f.height)
        }
    }

    /// With the stack spilled: copies the top `n` values to slots `base..` (forward, the
    /// source never below the destination).
    fn move_top(&mut self, n: usize, base: usize) -> MasmResult {
        let src = self.home(self.stack.len() - n);
        if src == base {
            return Ok(());
        }
        for j in 0..n {
            self.m
                .load(Reg::T0, slot(src + j), Width::W64, false, Size::S64)?;
            self.m.store(Reg::T0, slot(base + j), Width::W64)?;
        }
        Ok(())
    }

    /// With the stack spilled: whether a branch to `depth` must move values first.
    fn branch_moves(&self, depth: u32) -> bool {
        let f = &self.ctrl[self.ctrl.len() - 1 - depth as usize];
        let n = f.arity();
        n > 0 && self.home(self.stack.len() - n) != self.target_base(f)
    }

    /// With the stack spilled: moves the branch's values and jumps to frame `depth`.
    fn branch_to(&mut self, depth: u32) -> MasmResult {
        let f = &self.ctrl[self.ctrl.len() - 1 - depth as usize];
        let (n, base, label) = (f.arity(), self.target_base(f), f.label);
        self.move_top(n, base)?;
        self.m.jump(label);
        Ok(())
    }

    /// The rest of the current construct cannot be reached.
    fn mark_unreachable(&mut self) {
        let f = self.ctrl.last_mut().expect("inside a function");
        f.unreachable = true;
        let height = f.height;
        while self.stack.len() > height {
            let e = self.pop();
            self.release(e);
        }
    }

    /// Opens a construct whose parameters are the top of the (spilled) stack.
    fn open(&mut self, kind: Kind, bt: wasmparser::BlockType) -> MasmResult<M::Label> {
        let (params, results) = self.block_type(bt);
        let label = self.m.new_label();
        let height = self.stack.len() - params.len();
        self.ctrl.push(Frame {
            kind,
            label,
            else_label: None,
            height,
            params,
            results,
            unreachable: false,
        });
        Ok(label)
    }

    /// Resets the stack to the frame's height plus `types` in their home slots.
    fn reset_stack(&mut self, height: usize, types: &[ValType]) {
        while self.stack.len() > height {
            let e = self.pop();
            self.release(e);
        }
        for &t in types {
            self.push(t, Loc::Slot);
        }
    }

    /// Compiles control operators; false for any other operator.
    pub(super) fn control_op(&mut self, op: &Operator<'_>) -> MasmResult<bool> {
        match *op {
            Operator::Nop => {}
            Operator::Unreachable => {
                let l = self.trap_label(TrapCode::Unreachable);
                self.m.jump(l);
                self.mark_unreachable();
            }
            Operator::Block { blockty } => {
                self.spill_all()?;
                self.open(Kind::Block, blockty)?;
            }
            Operator::Loop { blockty } => {
                self.spill_all()?;
                let l = self.open(Kind::Loop, blockty)?;
                self.m.bind(l)?;
            }
            Operator::If { blockty } => {
                let c = self.pop_cond()?;
                self.spill_all()?;
                let else_label = self.m.new_label();
                self.branch_cmp(c.negate(), else_label);
                self.release_cmp(c);
                self.open(Kind::If, blockty)?;
                self.ctrl.last_mut().expect("just opened").else_label = Some(else_label);
            }
            Operator::Else => self.else_()?,
            Operator::End => self.end()?,
            Operator::Br { relative_depth } => {
                self.spill_all()?;
                self.branch_to(relative_depth)?;
                self.mark_unreachable();
            }
            Operator::BrIf { relative_depth } => {
                let c = self.pop_cond()?;
                self.spill_all()?;
                if self.branch_moves(relative_depth) {
                    let skip = self.m.new_label();
                    self.branch_cmp(c.negate(), skip);
                    self.release_cmp(c);
                    self.branch_to(relative_depth)?;
                    self.m.bind(skip)?;
                } else {
                    let f = &self.ctrl[self.ctrl.len() - 1 - relative_depth as usize];
                    let label = f.label;
                    self.branch_cmp(c, label);
                    self.release_cmp(c);
                }
            }
            Operator::BrTable { ref targets } => {
                let targets: Vec<u32> = targets
                    .targets()
                    .collect::<Result<_, _>>()
                    .map_err(super::bytecode)?;
                let default = match op {
                    Operator::BrTable { targets } => targets.default(),
                    _ => unreachable!(),
                };
                self.br_table(&targets, default)?;
            }
            Operator::Return => {
                self.spill_all()?;
                self.branch_to(self.ctrl.len() as u32 - 1)?;
                self.mark_unreachable();
            }
            Operator::Drop => {
                let e = self.pop();
                self.release(e);
            }
            Operator::Select | Operator::TypedSelect { .. } => self.select()?,
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn br_table(&mut self, targets: &[u32], default: u32) -> MasmResult {
        let index = self.pop_reg()?;
        self.spill_all()?;
        // Runs of equal targets become one unsigned range test each.
        let mut stubs: Vec<(u32, M::Label)> = Vec::new();
        let mut label_of = |cg: &mut Self, depth: u32| -> M::Label {
            if let Some(&(_, l)) = stubs.iter().find(|(d, _)| *d == depth) {
                return l;
            }
            let l = if cg.branch_moves(depth) {
                cg.m.new_label()
            } else {
                cg.ctrl[cg.ctrl.len() - 1 - depth as usize].label
            };
            stubs.push((depth, l));
            l
        };
        let mut i = 0;
        while i < targets.len() {
            let mut j = i;
            while j + 1 < targets.len() && targets[j + 1] == targets[i] {
                j += 1;
            }
            if targets[i] != default || j + 1 < targets.len() {
                let l = label_of(self, targets[i]);
                self.m
                    .branch(IntCond::LeU, index, RegImm::Imm(j as i64), l, Size::S32);
            } else {
                break;
            }
            i = j + 1;
        }
        self.free_reg(index);
        let l = label_of(self, default);
        self.m.jump(l);
        let moves: Vec<(u32, M::Label)> = stubs
            .into_iter()
            .filter(|&(d, _)| self.branch_moves(d))
            .collect();
        for (depth, l) in moves {
            self.m.bind(l)?;
            self.branch_to(depth)?;
        }
        self.mark_unreachable();
        Ok(())
    }

    fn else_(&mut self) -> MasmResult {
        let f = self.ctrl.last().expect("inside if");
        if !f.unreachable {
            self.spill_all()?;
            self.branch_to(0)?;
        }
        let f = self.ctrl.last_mut().expect("inside if");
        let else_label = f.else_label.take().expect("an if's else");
        f.kind = Kind::Else;
        f.unreachable = false;
        let (height, params) = (f.height, f.params.clone());
        self.m.bind(else_label)?;
        self.reset_stack(height, &params);
        Ok(())
    }

    fn end(&mut self) -> MasmResult {
        let f = self.ctrl.last().expect("inside a construct");
        if !f.unreachable {
            self.spill_all()?;
            let f = self.ctrl.last().expect("inside a construct");
            if f.kind != Kind::Loop {
                let (n, base) = (f.results.len(), self.target_base(f));
                self.move_top(n, base)?;
            }
        }
        let f = self.ctrl.pop().expect("inside a construct");
        if let Some(else_label) = f.else_label {
            // An if without else: its parameters pass through as its results.
            if !f.unreachable {
                self.m.jump(f.label);
            }
            self.m.bind(else_label)?;
        }
        match f.kind {
            Kind::Function => {
                // Falls through to the return sequence bound right after the body.
                self.reset_stack(0, &[]);
            }
            Kind::Loop => {
                if f.unreachable {
                    self.reset_stack(f.height, &f.results);
                } else {
                    let base = self.stack.len() - f.results.len();
                    debug_assert_eq!(base, f.height);
                }
            }
            _ => {
                self.m.bind(f.label)?;
                self.reset_stack(f.height, &f.results);
            }
        }
        Ok(())
    }

    /// `select`: the first operand if the condition holds, else the second.
    fn select(&mut self) -> MasmResult {
        let c = self.pop_cond()?;
        let ty = self.stack.last().expect("validated").ty;
        let skip = self.m.new_label();
        if ty.is_float() {
            let b = self.pop_freg()?;
            let a = self.pop_freg()?;
            self.branch_cmp(c, skip);
            self.m.fmov(a, b, fsize(ty));
            self.m.bind(skip)?;
            self.free_freg(b);
            self.release_cmp(c);
            self.push_freg(ty, a);
        } else {
            let b = self.pop_reg()?;
            let a = self.pop_reg()?;
            self.branch_cmp(c, skip);
            self.m.mov(a, b.into(), Size::S64);
            self.m.bind(skip)?;
            self.free_reg(b);
            self.release_cmp(c);
            self.push_reg(ty, a);
        }
        Ok(())
    }

    /// Skips an operator of unreachable code, tracking nesting to find where code becomes
    /// reachable again.
    pub(super) fn op_unreachable(&mut self, op: Operator<'_>) -> MasmResult {
        match op {
            Operator::Block { .. } | Operator::Loop { .. } | Operator::If { .. } => {
                self.dead += 1;
            }
            Operator::Else if self.dead == 0 => self.else_()?,
            Operator::End if self.dead > 0 => self.dead -= 1,
            Operator::End => self.end()?,
            _ => {}
        }
        Ok(())
    }
}
