//! The single-pass baseline compiler: validated function bodies to machine code through the
//! ISA-only macro-assembler, in the style of Winch and Liftoff.
//!
//! One pass over the operators with a compile-time value stack ([`stack`]): an entry is a
//! constant, a local not yet read, a register, a pending compare, or a value in its home
//! slot. Registers are allocated on the fly and spilled (oldest first) when they run out;
//! every control-flow merge and every call spills the whole stack, so at each label all
//! values sit in their home slots ([`control`]). A compare followed by `br_if`, `if` or
//! `select` becomes one compare-and-branch; constants become immediates.
//!
//! Frames: a function's window (its [`crate::jit::masm::Reg::FRAME`]) holds parameters,
//! locals, then one home slot per value-stack position, 8 bytes each. A call spills its
//! arguments to their home slots and passes the address of the first as the callee's window,
//! so parameters need no copying; results come back in the same slots. Traps store their
//! code and the Wasm byte offset in the instance context and leave with status 1; callers
//! pass that status up.

mod calls;
mod control;
mod locals;
mod memory;
mod numeric;
mod stack;
mod variables;

use std::collections::HashMap;

use wasmparser::{BlockType, Operator};

use crate::jit::abi::RuntimeAbi;
use crate::jit::masm::{FReg, FSize, MasmError, MasmResult, Reg, Size, imm};
use crate::wasm::ctx::{TrapCode, field};
use crate::wasm::module::Module;
use crate::wasm::types::ValType;

use control::Frame;
use stack::Entry;

/// What compiled code needs from the runtime: helper addresses (as the executor gives them)
/// and the memory mode.
#[derive(Debug, Clone, Copy)]
pub struct Config {
    /// `stack_overflow(vm)`: records the call-stack-exhausted trap.
    pub stack_overflow: u64,
    /// `call_import(vm, args)`: calls imported function `scratch` → status.
    pub call_import: u64,
    /// `call_ref(vm, args)`: calls the function whose record is `scratch` → status.
    pub call_ref: u64,
    /// `runtime(vm, args)`: the operation in `scratch` ([`crate::wasm::ctx::RtOp`]) → status.
    pub runtime: u64,
    /// Check every memory access against the memory's size instead of relying on guard
    /// pages.
    pub bounds_checks: bool,
}

/// One compiled function.
#[derive(Debug, Clone)]
pub struct Output {
    pub code: Vec<u8>,
    /// Offset of the entry compiled callers call (opens the frame, checks the stack).
    pub call_entry: u32,
    /// Offset the entry stub jumps to (the frame already open). The code is entered at
    /// offset 0 with this address as the stub's argument.
    pub body: u32,
    /// Offset of the code that leaves with status 1 (a trap already recorded in the
    /// context): where a memory access that faulted on a guard page continues.
    pub propagate: u32,
    /// Without explicit bounds checks: the memory accesses that may fault, as code offset
    /// ranges of their instructions with the Wasm byte offset of their operator (in code
    /// order).
    pub mem_sites: Vec<MemSite>,
    /// Direct calls to functions of the same module: the code offset of each call, and the
    /// callee's function index (see [`RuntimeAbi::patch_near_call`]).
    pub near_calls: Vec<(u32, u32)>,
    /// Operators compiled.
    pub ops: usize,
    /// Bytes of Wasm code compiled.
    pub wasm_bytes: usize,
}

/// A memory access that may fault: code offsets `start..end`, Wasm byte offset `wasm`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemSite {
    pub start: u32,
    pub end: u32,
    pub wasm: u32,
}

/// Compiles defined function `index` of `module`.
pub fn compile<M: RuntimeAbi>(
    m: M,
    module: &Module,
    index: u32,
    cfg: &Config,
) -> MasmResult<Output> {
    let ty = module.func_type(index);
    let body = module.function_body(index);
    let decl = &module.bodies[index as usize - module.imported_funcs];
    let mut locals = ty.params.clone();
    locals.extend_from_slice(&decl.locals);
    let (local_regs, mem_base) =
        locals::choose::<M>(&locals, body.get_operators_reader().map_err(bytecode)?);
    let mut cg = Codegen::new(m, module, cfg, locals);
    cg.local_regs = local_regs;
    cg.mem_base = mem_base;
    cg.pool_int = cg.scratch_mask();
    cg.free_int = cg.pool_int;
    let exhausted = cg.trap_label(TrapCode::StackExhausted);
    let start = cg.m.new_label();
    // Offset 0: where the exec layer's entry stub calls in, jumping to its argument (the
    // body entry below).
    cg.m.stub_entry(false, 0)?;
    let call_entry = cg.m.offset() as u32;
    cg.m.call_entry(field::STACK_LIMIT, cfg.stack_overflow, start)?;
    let body_label = cg.m.new_label();
    cg.m.bind(body_label)?;
    cg.ctrl.push(Frame::function(cg.ret, ty.results.clone()));
    let mut reader = body.get_operators_reader().map_err(bytecode)?;
    let mut ops = 0;
    while !reader.eof() {
        let offset = reader.original_position();
        let op = reader.read().map_err(bytecode)?;
        cg.offset = offset as usize;
        ops += 1;
        let mut ahead = reader.clone();
        let next = ahead.read().ok();
        cg.set_next = match next {
            Some(Operator::LocalSet { local_index }) => Some((local_index, false)),
            Some(Operator::LocalTee { local_index }) => Some((local_index, true)),
            _ => None,
        };
        cg.next_ops = [
            next.as_ref().map_or(Peek::Other, Peek::of),
            ahead.read().ok().as_ref().map_or(Peek::Other, Peek::of),
        ];
        cg.op(op)?;
        cg.set_next = None;
        for _ in 0..std::mem::take(&mut cg.skip) {
            reader.read().map_err(bytecode)?;
            ops += 1;
        }
        cg.m.island_point();
    }
    let nparams = ty.params.len();
    cg.m.bind(cg.ret)?;
    cg.m.exit(0, 0)?;
    let propagate = cg.m.offset() as u32;
    cg.out_of_line()?;
    // The prologue, out of line because the frame size is known only now: the entry stub
    // jumps here, and the call entry branches here after its stack check.
    cg.m.bind(start)?;
    let body = cg.m.offset() as u32;
    cg.prologue(nparams, body_label, exhausted)?;
    let wasm_bytes = decl.range.len();
    let code = cg.m.finish()?;
    if code.len() > u32::MAX as usize {
        return Err(MasmError::CodeTooLarge);
    }
    Ok(Output {
        code,
        call_entry,
        body,
        propagate,
        mem_sites: cg.mem_sites,
        near_calls: cg.near_calls,
        ops,
        wasm_bytes,
    })
}

fn bytecode(_: wasmparser::BinaryReaderError) -> MasmError {
    MasmError::Unsupported("unreadable function body (validated modules only)")
}

/// An operator after the current one, as operator fusion sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Peek {
    LocalGet(u32),
    /// `local.set` (false) or `local.tee` (true).
    LocalSet(u32, bool),
    Add(ValType),
    Other,
}

impl Peek {
    fn of(op: &Operator<'_>) -> Peek {
        match *op {
            Operator::LocalGet { local_index } => Peek::LocalGet(local_index),
            Operator::LocalSet { local_index } => Peek::LocalSet(local_index, false),
            Operator::LocalTee { local_index } => Peek::LocalSet(local_index, true),
            Operator::I32Add => Peek::Add(ValType::I32),
            Operator::I64Add => Peek::Add(ValType::I64),
            _ => Peek::Other,
        }
    }
}

/// The value a store writes.
#[derive(Clone, Copy)]
pub(super) enum StoreValue {
    Int(Reg),
    Float(FReg, FSize),
}

/// A trap site's out-of-line code.
enum OutOfLine<L> {
    /// A store whose address is not aligned to its width, with guard pages: it might
    /// straddle the end of memory, so it is checked here, then code continues at `back`.
    Store {
        label: L,
        back: L,
        value: StoreValue,
        addr: Reg,
        offset: u64,
        width: crate::jit::masm::Width,
        wasm: usize,
    },
    /// Stores the trap code and leaves.
    Trap(L, u64),
    /// A failed trapping float-to-int conversion: NaN is an invalid conversion, anything
    /// else an overflow.
    Trunc {
        label: L,
        src: FReg,
        size: FSize,
        offset: usize,
    },
}

/// The compiler's state for one function.
pub(super) struct Codegen<'a, M: RuntimeAbi> {
    m: M,
    module: &'a Module,
    cfg: &'a Config,
    /// Parameters then declared locals.
    locals: Vec<ValType>,
    stack: Vec<Entry>,
    /// Highest stack depth reached (sizes the frame).
    max_depth: usize,
    /// Free scratch registers (bit `i` = `Reg(i)` / `FReg(i)`).
    free_int: u16,
    free_fp: u16,
    /// The scratch registers the value stack may use at all.
    pool_int: u16,
    ctrl: Vec<Frame<M::Label>>,
    /// Nesting of blocks inside code that cannot be reached (skipped).
    dead: u32,
    ool: Vec<OutOfLine<M::Label>>,
    traps: HashMap<u64, M::Label>,
    /// Leaves with status 1 (a trap already recorded).
    propagate: M::Label,
    /// Returns (results already in slots `0..`).
    ret: M::Label,
    /// Byte offset of the operator being compiled.
    offset: usize,
    /// Accesses that may fault on a guard page.
    mem_sites: Vec<MemSite>,
    /// The register of each local kept in one.
    local_regs: Vec<Option<locals::LocalReg>>,
    /// The register holding memory 0's base for the whole function, if one does.
    mem_base: Option<Reg>,
    /// The register local the next operator (`local.set`/`local.tee`, and whether a tee)
    /// writes, offered to an arithmetic operator so that it computes straight into the
    /// local's register.
    pub(super) set_next: Option<(u32, bool)>,
    /// The next two operators, as far as an operator fused with them cares.
    pub(super) next_ops: [Peek; 2],
    /// How many of the next operators the current one compiled (fused) with itself.
    pub(super) skip: usize,
    /// Direct calls emitted so far (see [`Output::near_calls`]).
    pub(super) near_calls: Vec<(u32, u32)>,
}

impl<'a, M: RuntimeAbi> Codegen<'a, M> {
    fn new(mut m: M, module: &'a Module, cfg: &'a Config, locals: Vec<ValType>) -> Self {
        let propagate = m.new_label();
        let ret = m.new_label();
        Codegen {
            m,
            module,
            cfg,
            locals,
            stack: Vec::new(),
            max_depth: 0,
            free_int: (1 << crate::jit::masm::SCRATCH_REGS) - 1,
            free_fp: (1 << crate::jit::masm::FP_SCRATCH_REGS) - 1,
            pool_int: (1 << crate::jit::masm::SCRATCH_REGS) - 1,
            ctrl: Vec::new(),
            dead: 0,
            ool: Vec::new(),
            traps: HashMap::new(),
            propagate,
            ret,
            offset: 0,
            mem_sites: Vec::new(),
            local_regs: Vec::new(),
            mem_base: None,
            set_next: None,
            next_ops: [Peek::Other; 2],
            skip: 0,
            near_calls: Vec::new(),
        }
    }

    /// Window slot index of value-stack position `k`.
    pub(super) fn home(&self, k: usize) -> usize {
        self.locals.len() + k
    }

    /// The label of a trap of `code` at the current operator (one stub per site).
    pub(super) fn trap_label(&mut self, code: TrapCode) -> M::Label {
        let value = code.encode(self.offset);
        if let Some(&l) = self.traps.get(&value) {
            return l;
        }
        let l = self.m.new_label();
        self.traps.insert(value, l);
        self.ool.push(OutOfLine::Trap(l, value));
        l
    }

    /// Out-of-line code for an unaligned store (see [`OutOfLine::Store`]): entered at the
    /// returned label, continues at `back`.
    pub(super) fn unaligned_store_label(
        &mut self,
        back: M::Label,
        value: StoreValue,
        addr: Reg,
        offset: u64,
        width: crate::jit::masm::Width,
    ) -> M::Label {
        let label = self.m.new_label();
        self.ool.push(OutOfLine::Store {
            label,
            back,
            value,
            addr,
            offset,
            width,
            wasm: self.offset,
        });
        label
    }

    /// The label a failed trapping conversion of `src` branches to.
    pub(super) fn trunc_label(&mut self, src: FReg, size: FSize) -> M::Label {
        let label = self.m.new_label();
        self.ool.push(OutOfLine::Trunc {
            label,
            src,
            size,
            offset: self.offset,
        });
        label
    }

    /// Emits the propagation exit (first, at the offset `compile` records) and the trap
    /// stubs.
    fn out_of_line(&mut self) -> MasmResult {
        self.m.bind(self.propagate)?;
        self.m.exit(1, 0)?;
        let mut i = 0;
        while i < self.ool.len() {
            match self.ool[i] {
                OutOfLine::Store {
                    label,
                    back,
                    value,
                    addr,
                    offset,
                    width,
                    wasm,
                } => {
                    self.m.bind(label)?;
                    let saved = self.offset;
                    self.offset = wasm;
                    self.checked_store(value, addr, offset, width)?;
                    self.offset = saved;
                    self.m.jump(back);
                }
                OutOfLine::Trap(label, value) => {
                    self.m.bind(label)?;
                    self.m.mov(Reg::T0, imm(value), Size::S64);
                    self.m.store(
                        Reg::T0,
                        crate::jit::masm::Address::at(Reg::VM, field::TRAP),
                        crate::jit::masm::Width::W64,
                    )?;
                    self.m.jump(self.propagate);
                }
                OutOfLine::Trunc {
                    label,
                    src,
                    size,
                    offset,
                } => {
                    self.m.bind(label)?;
                    let saved = self.offset;
                    self.offset = offset;
                    let invalid = self.trap_label(TrapCode::InvalidConversion);
                    let overflow = self.trap_label(TrapCode::IntegerOverflow);
                    self.offset = saved;
                    self.m
                        .fbranch(crate::jit::masm::FpCond::Ne, src, src, invalid, size);
                    self.m.jump(overflow);
                }
            }
            self.m.island_point();
            i += 1;
        }
        Ok(())
    }

    /// Checks the window, zeroes the declared locals and enters the body.
    fn prologue(&mut self, nparams: usize, body: M::Label, exhausted: M::Label) -> MasmResult {
        use crate::jit::masm::{Address, IntCond, IntOp, Width};
        let frame_bytes = 8 * (self.locals.len() + self.max_depth).max(1) as i64;
        self.m.int_op(
            IntOp::Add,
            Reg::T0,
            Reg::FRAME,
            imm(frame_bytes as u64),
            Size::S64,
        )?;
        self.m.load(
            Reg::T1,
            Address::at(Reg::VM, field::WINDOW_LIMIT),
            Width::W64,
            false,
            Size::S64,
        )?;
        self.m
            .branch(IntCond::GtU, Reg::T0, Reg::T1.into(), exhausted, Size::S64);
        let n = self.locals.len();
        let zero = Reg(0);
        self.m.mov(zero, imm(0), Size::S64);
        if n - nparams <= 16 {
            for i in nparams..n {
                self.m
                    .store(zero, Address::at(Reg::FRAME, 8 * i as i32), Width::W64)?;
            }
        } else {
            let top = self.m.new_label();
            self.m.int_op(
                IntOp::Add,
                Reg::T0,
                Reg::FRAME,
                imm(8 * nparams as u64),
                Size::S64,
            )?;
            self.m.int_op(
                IntOp::Add,
                Reg::T1,
                Reg::FRAME,
                imm(8 * n as u64),
                Size::S64,
            )?;
            self.m.bind(top)?;
            self.m.store(zero, Address::at(Reg::T0, 0), Width::W64)?;
            self.m
                .int_op(IntOp::Add, Reg::T0, Reg::T0, imm(8), Size::S64)?;
            self.m
                .branch(IntCond::LtU, Reg::T0, Reg::T1.into(), top, Size::S64);
        }
        self.reload_locals()?;
        self.m.jump(body);
        Ok(())
    }

    /// Compiles one operator.
    fn op(&mut self, op: Operator<'_>) -> MasmResult {
        if self.dead > 0 || self.ctrl.last().is_some_and(|f| f.unreachable) {
            return self.op_unreachable(op);
        }
        self.settle_compare(&op)?;
        if self.control_op(&op)? || self.numeric_op(&op)? || self.memory_op(&op)? {
            return Ok(());
        }
        self.call_op(op)
    }

    /// The parameter and result types of a block type.
    pub(super) fn block_type(&self, bt: BlockType) -> (Vec<ValType>, Vec<ValType>) {
        match bt {
            BlockType::Empty => (vec![], vec![]),
            BlockType::Type(t) => (
                vec![],
                vec![ValType::from_wasmparser(t).expect("validated")],
            ),
            BlockType::FuncType(i) => {
                let t = &self.module.types[i as usize];
                (t.params.clone(), t.results.clone())
            }
        }
    }
}
