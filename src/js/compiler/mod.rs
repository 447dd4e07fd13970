//! oxc AST → register bytecode.
//!
//! Each function is compiled with a [`FnState`] (registers, scopes, code buffer). Variables
//! live in registers unless a nested function captures them; captured variables live in
//! context (environment) cells. Capture is discovered by resolution: when an inner function
//! resolves a name to a register binding of an outer function, that binding's key is recorded
//! and the whole program is compiled again with it placed in a context (at most a few passes).
//! Bindings are keyed by the source offset of their declaring identifier.

mod annex_b;
mod class;
pub(crate) mod direct_eval;
mod early_errors;
mod expr;
mod function;
mod generator;
pub(crate) mod module_code;
mod pattern;
mod private;
mod regexp;
mod scope;
mod script;
mod stmt;
mod tagged_template;
mod with;

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use oxc_ast::ast::*;

use crate::js::bytecode::op::{Kind, operand_offset};
use crate::js::bytecode::{F_STRICT, FunctionCode, Handler, Op};
use crate::js::ic::IcSlot;
use crate::js::value::Value;
use crate::js::vm::Vm;
pub use module_code::{DEFAULT_BINDING, ImportEntry, ImportTarget, ModuleCode, compile_es_module};
pub use scope::*;
pub use script::{ScriptDecls, compile_eval, compile_repl_input, compile_script};

/// Registers a function may use: register operands are u16, and the register file must
/// hold a few such frames. A function needing more (megabytes of generated code in one
/// function) is a SyntaxError at the function.
pub const MAX_REGS: u32 = 65_535;

fn too_many_registers(offset: u32) -> CompileError {
    CompileError {
        message: format!("function needs more than {MAX_REGS} registers"),
        offset,
    }
}

#[derive(Debug)]
pub struct CompileError {
    pub message: String,
    pub offset: u32,
}

pub type CResult<T> = Result<T, CompileError>;

#[derive(Hash, PartialEq, Eq)]
enum ConstKey {
    Num(u64),
    Str(String),
    /// A BigInt literal's decimal digits.
    BigInt(String),
    Code(usize),
    Import(usize),
}

/// A break/continue target.
pub(crate) struct JumpCtx<'a> {
    pub labels: Vec<&'a str>,
    pub is_loop: bool,
    /// Unlabelled `break` may target it (loops and switch).
    pub breakable: bool,
    pub scope_len: usize,
    pub try_len: usize,
    /// The try depth a `continue` unwinds to: above `try_len` in a for-of loop, whose
    /// iterator a `continue` must not close (a `break` does).
    pub cont_try_len: usize,
    pub breaks: Vec<usize>,
    pub continues: Vec<usize>,
}

/// An active try statement (for handler ranges and inlined `finally` blocks).
pub(crate) struct TryCtx<'a> {
    pub regions: Vec<(u32, u32)>,
    pub open: u32,
    pub finally: Option<&'a BlockStatement<'a>>,
    /// A for-of loop's iterator (register), closed on every exit that leaves the loop.
    pub close_iter: Option<u16>,
    /// The iterator is async (`for await`): closing awaits its `return`.
    pub close_async: bool,
    pub scope_len: usize,
}

pub(crate) struct FnState<'a> {
    pub code: Vec<u8>,
    pub consts: Vec<Value>,
    const_map: HashMap<ConstKey, u16>,
    pub nics: u16,
    pub handlers: Vec<Handler>,
    pub lines: Vec<(u32, u32, u32)>,
    pub call_names: Vec<(u32, String)>,
    pub scopes: Vec<Scope<'a>>,
    pub next_reg: u32,
    pub max_reg: u32,
    pub flags: u32,
    pub is_arrow: bool,
    pub span_start: u32,
    /// Source range shown by `Function.prototype.toString`.
    pub src_span: Option<(u32, u32)>,
    pub jumps: Vec<JumpCtx<'a>>,
    pub tries: Vec<TryCtx<'a>>,
    pub pending_labels: Vec<&'a str>,
    pub is_derived_ctor: bool,
    /// Atoms of the `this.NAME` members assigned or updated (`FunctionCode::this_fields`).
    pub this_names: Vec<i64>,
    /// A generator function's generator object (its register), once created.
    pub gen_reg: Option<u16>,
    /// Eval code: the register holding the completion value (the value of the last
    /// expression statement run), which the code returns.
    pub completion: Option<u16>,
    /// Compiling the parameters' defaults and patterns (a direct eval there may not declare
    /// `var arguments`).
    pub in_params: bool,
    /// The function awaits in its own body (for a module body: top-level await).
    pub awaits: bool,
    /// A class field initializer or static block, where `arguments` is an early error
    /// (ES2025 15.7.1, ContainsArguments).
    pub no_arguments: bool,
    /// Its variable environment is the global one: a Script's (or indirect eval's) top
    /// level, or sloppy direct eval code called there (`direct_eval::EVAL_GLOBAL`).
    pub global_code: bool,
}

impl<'a> FnState<'a> {
    fn new(span_start: u32, is_arrow: bool) -> FnState<'a> {
        FnState {
            code: Vec::new(),
            consts: Vec::new(),
            const_map: HashMap::new(),
            nics: 0,
            handlers: Vec::new(),
            lines: Vec::new(),
            call_names: Vec::new(),
            scopes: Vec::new(),
            next_reg: 0,
            max_reg: 0,
            flags: 0,
            is_arrow,
            span_start,
            src_span: None,
            jumps: Vec::new(),
            tries: Vec::new(),
            pending_labels: Vec::new(),
            is_derived_ctor: false,
            this_names: Vec::new(),
            gen_reg: None,
            completion: None,
            in_params: false,
            awaits: false,
            no_arguments: false,
            global_code: false,
        }
    }
}

pub struct Compiler<'a, 'v> {
    pub(crate) vm: &'v mut Vm,
    pub(crate) src: &'a str,
    pub(crate) file: Rc<str>,
    line_starts: Vec<u32>,
    pub(crate) fns: Vec<FnState<'a>>,
    pub(crate) captured: HashSet<u64>,
    pub(crate) new_captured: HashSet<u64>,
    /// Chain-expression short-circuit jumps being collected.
    pub(crate) chain_exits: Option<Vec<usize>>,
    /// Nesting depth of class bodies (class code is strict).
    pub(crate) in_class: u32,
    /// Module code: the binding cells of its imports (`module_code`).
    pub(crate) import_cells: Vec<Value>,
    /// Module code: its `import.meta.url`, and the `import.meta` object once made.
    pub(crate) import_meta_url: Option<String>,
    pub(crate) import_meta: Option<Value>,
    /// Offsets of the block-level function declarations that Annex B also binds as vars
    /// (`annex_b`).
    pub(crate) annex_b: HashSet<u32>,
}

/// Compiles a CommonJS module body (statements) as a function with parameters
/// `(exports, require, module, __filename, __dirname)`. Returns the FunctionCode index.
pub fn compile_module<'a>(
    vm: &mut Vm,
    program: &'a Program<'a>,
    src: &'a str,
    file: &str,
) -> CResult<usize> {
    compile_program(vm, src, file, |c| c.module_function(program))
}

/// Compiles a whole program with `top` (which compiles the top-level function), repeating
/// until the captured-variable set converges.
pub(crate) fn compile_program<'a>(
    vm: &mut Vm,
    src: &'a str,
    file: &str,
    mut top: impl FnMut(&mut Compiler<'a, '_>) -> CResult<usize>,
) -> CResult<usize> {
    let mut captured = HashSet::new();
    for _pass in 0..4 {
        let codes_before = vm.codes.len();
        let mut c = Compiler {
            vm: &mut *vm,
            src,
            file: Rc::from(file),
            line_starts: line_starts(src),
            fns: Vec::new(),
            captured: captured.clone(),
            new_captured: HashSet::new(),
            chain_exits: None,
            in_class: 0,
            import_cells: Vec::new(),
            import_meta_url: None,
            import_meta: None,
            annex_b: HashSet::new(),
        };
        let idx = top(&mut c)?;
        let newc: Vec<u64> = c
            .new_captured
            .iter()
            .copied()
            .filter(|k| !captured.contains(k))
            .collect();
        if newc.is_empty() {
            if vm.opts.print_bytecode {
                for i in codes_before..vm.codes.len() {
                    let s = vm.disassemble(&vm.codes[i]);
                    vm.write_out(s.as_bytes());
                }
            }
            return Ok(idx);
        }
        captured.extend(newc);
        vm.codes.truncate(codes_before);
    }
    Err(CompileError {
        message: "closure analysis did not converge".into(),
        offset: 0,
    })
}

fn line_starts(src: &str) -> Vec<u32> {
    let mut v = vec![0];
    for (i, b) in src.bytes().enumerate() {
        if b == b'\n' {
            v.push(i as u32 + 1);
        }
    }
    v
}

/// (line, column), both 1-based, of a byte offset (column counted in characters).
pub fn line_col(src: &str, offset: u32) -> (u32, u32) {
    let off = (offset as usize).min(src.len());
    let before = &src[..off];
    let line = before.bytes().filter(|&b| b == b'\n').count() as u32 + 1;
    let ls = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let col = src[ls..off].chars().count() as u32 + 1;
    (line, col)
}

impl<'a, 'v> Compiler<'a, 'v> {
    pub(crate) fn f(&mut self) -> &mut FnState<'a> {
        self.fns.last_mut().expect("function state")
    }
    pub(crate) fn err<T>(&self, span: oxc_span::Span, msg: &str) -> CResult<T> {
        Err(CompileError {
            message: msg.to_string(),
            offset: span.start,
        })
    }

    // ---- emission ----

    /// Emits an instruction; operands are given as integers in table order.
    pub(crate) fn emit(&mut self, op: Op, args: &[i64]) -> usize {
        let kinds = op.operands();
        debug_assert_eq!(kinds.len(), args.len(), "{op:?}");
        let f = self.f();
        let pc = f.code.len();
        f.code.push(op as u8);
        for (k, &a) in kinds.iter().zip(args) {
            match k {
                Kind::U => f.code.push(a as u8),
                Kind::I => f.code.push(a as i8 as u8),
                Kind::R | Kind::K | Kind::C | Kind::W => {
                    f.code.extend_from_slice(&(a as u16).to_le_bytes())
                }
                Kind::A => f.code.extend_from_slice(&(a as u32).to_le_bytes()),
                Kind::J => f
                    .code
                    .extend_from_slice(&((a - pc as i64) as i32).to_le_bytes()),
            }
        }
        pc
    }
    pub(crate) fn pc(&mut self) -> usize {
        self.f().code.len()
    }
    /// Points the jump operand of the instruction at `at` to `target`.
    pub(crate) fn patch(&mut self, at: usize, target: usize) {
        let f = self.f();
        let op = Op::from_u8(f.code[at]).expect("opcode");
        let i = op
            .operands()
            .iter()
            .position(|k| *k == Kind::J)
            .expect("jump operand");
        let o = at + operand_offset(op, i);
        let rel = (target as i64 - at as i64) as i32;
        f.code[o..o + 4].copy_from_slice(&rel.to_le_bytes());
    }
    pub(crate) fn patch_here(&mut self, at: usize) {
        let t = self.pc();
        self.patch(at, t);
    }
    pub(crate) fn patch_all_here(&mut self, ats: Vec<usize>) {
        for a in ats {
            self.patch_here(a);
        }
    }
    pub(crate) fn jump(&mut self) -> usize {
        self.emit(Op::Jump, &[0])
    }
    pub(crate) fn jump_to(&mut self, target: usize) {
        self.emit(Op::Jump, &[target as i64]);
    }
    pub(crate) fn ic(&mut self) -> i64 {
        let f = self.f();
        f.nics += 1;
        (f.nics - 1) as i64
    }
    pub(crate) fn mark_line(&mut self, offset: u32) {
        let (line, col) = self.line_col(offset);
        let pc = self.pc() as u32;
        let f = self.f();
        if let Some(l) = f.lines.last_mut()
            && l.0 == pc
        {
            *l = (pc, line, col);
            return;
        }
        f.lines.push((pc, line, col));
    }
    fn line_col(&self, offset: u32) -> (u32, u32) {
        let i = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let ls = self.line_starts[i] as usize;
        let col = self.src[ls..(offset as usize).min(self.src.len())]
            .chars()
            .count() as u32
            + 1;
        (i as u32 + 1, col)
    }
    pub(crate) fn text(&self, span: oxc_span::Span) -> &'a str {
        &self.src[span.start as usize..span.end as usize]
    }

    // ---- constants ----

    fn add_const(&mut self, key: ConstKey, v: Value) -> i64 {
        let f = self.f();
        if let Some(&i) = f.const_map.get(&key) {
            return i as i64;
        }
        let i = f.consts.len() as u16;
        f.consts.push(v);
        f.const_map.insert(key, i);
        i as i64
    }
    pub(crate) fn const_num(&mut self, n: f64) -> i64 {
        let v = Value::number(n);
        self.add_const(ConstKey::Num(v.0), v)
    }
    pub(crate) fn const_str(&mut self, s: &str) -> i64 {
        let v = self.vm.new_str(s);
        self.add_const(ConstKey::Str(s.to_string()), v)
    }
    /// A BigInt constant from a literal's base-10 digits (oxc gives them without separators).
    pub(crate) fn const_bigint(&mut self, digits: &str) -> i64 {
        let b = crate::js::bigint::convert::parse(digits).unwrap_or_default();
        let v = self.vm.new_bigint(b);
        self.add_const(ConstKey::BigInt(digits.to_string()), v)
    }
    /// A string constant from oxc's lossy encoding of lone surrogates (`\u{FFFD}` + 4 hex).
    pub(crate) fn const_str_lossy(&mut self, s: &str) -> i64 {
        let v = self.str_value(s, true);
        self.add_const(ConstKey::Str(format!("\u{0}lossy{s}")), v)
    }
    /// A string value (from oxc's lossy encoding of lone surrogates when `lossy`).
    pub(crate) fn str_value(&mut self, s: &str, lossy: bool) -> Value {
        if !lossy {
            return self.vm.new_str(s);
        }
        let mut units: Vec<u16> = Vec::with_capacity(s.len());
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\u{FFFD}' {
                let hex: String = chars.clone().take(4).collect();
                if let Ok(u) = u16::from_str_radix(&hex, 16) {
                    units.push(u);
                    for _ in 0..4 {
                        chars.next();
                    }
                    continue;
                }
            }
            let mut b = [0u16; 2];
            units.extend_from_slice(c.encode_utf16(&mut b));
        }
        self.vm.new_str_units(&units)
    }
    /// A constant of its own (never shared with an equal one): a tagged template's strings
    /// array, whose identity is observable.
    pub(crate) fn const_unique(&mut self, v: Value) -> i64 {
        let f = self.f();
        f.consts.push(v);
        (f.consts.len() - 1) as i64
    }
    pub(crate) fn const_code(&mut self, idx: usize) -> i64 {
        self.add_const(ConstKey::Code(idx), Value::int(idx as i32))
    }
    /// The binding cell of import `i` as a constant.
    pub(crate) fn const_import(&mut self, i: usize, cell: Value) -> i64 {
        self.add_const(ConstKey::Import(i), cell)
    }
    pub(crate) fn atom(&mut self, s: &str) -> i64 {
        self.vm.intern(s).0 as i64
    }

    // ---- registers ----

    pub(crate) fn temp(&mut self) -> CResult<u16> {
        let f = self.f();
        let r = f.next_reg;
        if r >= MAX_REGS {
            return Err(too_many_registers(f.span_start));
        }
        f.next_reg += 1;
        f.max_reg = f.max_reg.max(f.next_reg);
        Ok(r as u16)
    }
    /// Allocates `n` consecutive registers.
    pub(crate) fn temps(&mut self, n: usize) -> CResult<u16> {
        let first = self.f().next_reg;
        for _ in 0..n {
            self.temp()?;
        }
        if n == 0 {
            let f = self.f();
            f.max_reg = f.max_reg.max(first + 1);
            if first >= MAX_REGS {
                return Err(too_many_registers(f.span_start));
            }
        }
        Ok(first as u16)
    }
    pub(crate) fn reg_mark(&mut self) -> u32 {
        self.f().next_reg
    }
    pub(crate) fn reg_release(&mut self, m: u32) {
        self.f().next_reg = m;
    }

    /// Finishes the current function state into a FunctionCode registered with the VM.
    pub(crate) fn finish_fn(
        &mut self,
        name: String,
        nparams: u32,
        length: u32,
        extra_reg: u16,
    ) -> CResult<usize> {
        let f = self.fns.pop().expect("fn state");
        let saw_double = crate::js::bytecode::feedback::PcBits::new(f.code.len());
        let code = FunctionCode {
            name,
            file: self.file.clone(),
            nparams,
            length,
            nregs: f.max_reg.max(1),
            extra_reg,
            flags: f.flags,
            code: f.code,
            consts: f.consts,
            ics: (0..f.nics)
                .map(|_| std::cell::UnsafeCell::new(IcSlot::default()))
                .collect(),
            handlers: f.handlers,
            lines: f.lines,
            call_names: f.call_names,
            calls: Default::default(),
            saw_double,
            jit: Default::default(),
            back_edges: Default::default(),
            jit_call: Default::default(),
            jit_new: Default::default(),
            this_fields: f.this_names.len() as u32,
            span_start: f.span_start,
            source: f
                .src_span
                .map(|(a, b)| Rc::from(&self.src[a as usize..(b as usize).min(self.src.len())])),
        };
        if let Err(e) = code.verify() {
            return Err(CompileError {
                message: format!("internal compiler error: {e}"),
                offset: code.span_start.min(self.src.len() as u32),
            });
        }
        self.vm.codes.push(Box::new(code));
        Ok(self.vm.codes.len() - 1)
    }

    fn module_function(&mut self, program: &'a Program<'a>) -> CResult<usize> {
        let mut st = FnState::new(u32::MAX, false);
        if program
            .directives
            .iter()
            .any(|d| d.directive.as_str() == "use strict")
        {
            st.flags |= F_STRICT;
        }
        self.fns.push(st);
        let names = ["exports", "require", "module", "__filename", "__dirname"];
        self.push_scope(ScopeKind::Function);
        for (i, n) in names.iter().enumerate() {
            self.temp()?;
            // Parameter keys use offsets past the end of the source so they never collide.
            let key = (u32::MAX - 10 + i as u32) as u64;
            self.declare_param(n, key, i as u16);
        }
        self.declare_this_binding(u32::MAX);
        self.hoist_function_body(&program.body, true)?;
        self.hoist_functions(&program.body)?;
        self.statements(&program.body)?;
        let r = self.temp()?;
        self.emit(Op::LoadUndefined, &[r as i64]);
        self.emit(Op::Return, &[r as i64]);
        self.pop_scope_silent();
        self.finish_fn("".into(), 5, 5, 0)
    }
}
