//! The store: every function, table, memory, global and instance, owned here and addressed
//! by index; and instantiation (import matching, definitions, element and data segments,
//! the start function) as the spec orders it.

use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Instant;

use crate::codemem::{CodePtr, CodeSpace};
use crate::exec::faults;
use crate::jit::abi::RuntimeAbi;
use crate::jit::backend::{self, BackEnd};
use crate::js::JitIsa;
use crate::wasm::compiler::{self, Config, MemSite};
use crate::wasm::ctx::{FuncRecord, TableData, TrapCode, VmCtx};
use crate::wasm::module::{ConstExpr, ExternKind, ImportKind, Module, ModuleError, SegmentMode};
use crate::wasm::types::{FuncType, GlobalType, Limits, TableType, ValType};

use super::memory::LinearMemory;
use super::values::{extern_bits, extern_of};
use super::{Trap, Val};

pub type FuncId = usize;
pub type TableId = usize;
pub type MemoryId = usize;
pub type GlobalId = usize;
pub type InstanceId = usize;

/// Something an instance exports or imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extern {
    Func(FuncId),
    Table(TableId),
    Memory(MemoryId),
    Global(GlobalId),
}

/// A function written in Rust: gets the store and the arguments, returns the results.
pub type HostFunc = Rc<dyn Fn(&mut Store, &[Val]) -> Result<Vec<Val>, Trap>>;

pub(super) enum FuncKind {
    Wasm {
        instance: InstanceId,
        /// Where the entry stub calls in, and the body address it jumps to.
        entry: CodePtr,
        body: u64,
    },
    Host(HostFunc),
}

pub(super) struct FuncInst {
    pub rec: Box<FuncRecord>,
    pub ty: FuncType,
    pub kind: FuncKind,
}

pub(super) struct TableInst {
    pub elems: Vec<u64>,
    pub data: Box<TableData>,
    pub ty: TableType,
}

impl TableInst {
    /// Points compiled code at the elements again (after they moved).
    pub fn sync(&mut self) {
        self.data.elems = self.elems.as_mut_ptr() as u64;
        self.data.len = self.elems.len() as u64;
    }
}

pub(super) struct MemInst {
    pub mem: LinearMemory,
    pub max: Option<u64>,
    /// Instances whose context caches this memory's size.
    pub users: Vec<InstanceId>,
}

pub(super) struct GlobalInst {
    pub cell: Box<u64>,
    pub ty: GlobalType,
}

/// A module compiled for this store's back end.
pub(super) struct Compiled {
    /// The store that compiled it (its code lives in that store's code space).
    pub store: u64,
    pub module: Module,
    /// Per defined function: its code, and its call entry's address.
    pub code: Vec<(CodePtr, u64, u64)>,
}

pub(super) struct Instance {
    pub ctx: Box<VmCtx>,
    pub compiled: Rc<Compiled>,
    pub funcs: Vec<FuncId>,
    pub tables: Vec<TableId>,
    pub memories: Vec<MemoryId>,
    pub globals: Vec<GlobalId>,
    pub entries: Vec<u64>,
    pub refs: Vec<u64>,
    pub cells: Vec<u64>,
    pub table_ptrs: Vec<u64>,
    pub type_ids: Vec<u32>,
    /// Element segments' values (emptied by `elem.drop`).
    pub elems: Vec<Vec<u64>>,
    pub data_dropped: Vec<bool>,
    pub exports: HashMap<String, Extern>,
}

/// Options of a store.
#[derive(Debug, Clone, Copy, Default)]
pub struct StoreOptions {
    /// The ISA to compile to (`None`: the host's where it runs natively).
    pub isa: Option<JitIsa>,
    /// Check every memory access explicitly instead of relying on guard pages.
    pub bounds_checks: bool,
}

/// Compilation statistics (`--stats`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Stats {
    pub modules: u64,
    pub functions_compiled: u64,
    pub wasm_bytes: u64,
    pub ops: u64,
    pub code_bytes: u64,
    pub compile_nanos: u128,
}

/// Why instantiation failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InstantiateError {
    /// An import is missing or has the wrong type.
    Link(String),
    /// A segment or the start function trapped.
    Trap(Trap),
    /// The system refused memory.
    Resource(String),
}

impl fmt::Display for InstantiateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InstantiateError::Link(m) | InstantiateError::Resource(m) => f.write_str(m),
            InstantiateError::Trap(t) => write!(f, "{t}"),
        }
    }
}

/// Alignment of each function in a module's code image.
const FUNCTION_ALIGN: usize = 16;

/// Most elements a table may have (as V8; the spec allows 2^32 - 1): an 8-byte element each.
pub const MAX_TABLE_ELEMS: u64 = 10_000_000;

/// The machine stack kept free below the limit compiled prologues check.
const STACK_MARGIN: usize = 128 << 10;
/// Slots of the value stack frames' windows live on (8 MiB, touched only as used).
const VALUE_STACK_SLOTS: usize = 1 << 20;

/// Functions, tables, memories, globals and instances, and the code of loaded modules.
pub struct Store {
    pub(super) backend: &'static BackEnd,
    code: CodeSpace,
    pub(super) options: StoreOptions,
    pub(super) funcs: Vec<FuncInst>,
    pub(super) tables: Vec<TableInst>,
    pub(super) memories: Vec<MemInst>,
    pub(super) globals: Vec<GlobalInst>,
    pub(super) instances: Vec<Instance>,
    types: HashMap<FuncType, u32>,
    pub(super) stack: Vec<u64>,
    /// Where the next call from Rust places its window.
    pub(super) stack_top: usize,
    /// A trap raised under a helper (its full description), for the entry that sees status 1.
    pub(super) pending: Option<Trap>,
    pub stats: Stats,
    /// With `Some`: what compiling printed (`--print-code`, `--trace-tier`).
    listing: Option<Listing>,
    /// Code registered with the fault resolver.
    code_ranges: Vec<(usize, usize)>,
    /// This store's identity (modules are instantiated only in the store that compiled
    /// them).
    id: u64,
}

/// The next store's identity.
static NEXT_STORE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Drop for Store {
    fn drop(&mut self) {
        for &(start, end) in &self.code_ranges {
            faults::unregister(start, end);
        }
    }
}

/// What compiling a module printed: each function's machine code, and one line per
/// compiled function.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    pub code: String,
    pub trace: String,
}

/// Bytes of code space a store reserves for itself (reserved on first use, released with
/// the store).
const CODE_CAPACITY: usize = 256 << 20;

impl Store {
    /// A store with a code space of its own.
    pub fn new(options: StoreOptions) -> Store {
        Store::with_code(options, CodeSpace::new(CODE_CAPACITY))
    }

    /// A store compiling into `code` (an engine's code space, shared with JavaScript).
    pub fn with_code(options: StoreOptions, code: CodeSpace) -> Store {
        Store {
            backend: backend::select(options.isa),
            code,
            options,
            funcs: Vec::new(),
            tables: Vec::new(),
            memories: Vec::new(),
            globals: Vec::new(),
            instances: Vec::new(),
            types: HashMap::new(),
            stack: vec![0; VALUE_STACK_SLOTS],
            stack_top: 0,
            pending: None,
            stats: Stats::default(),
            listing: None,
            code_ranges: Vec::new(),
            id: NEXT_STORE.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// Lets a fault at one of the function's memory accesses (a guard page hit) become an
    /// out-of-bounds trap: the access's Wasm offset goes to the context, and the code
    /// continues at its exit with status 1.
    fn register_faults(&mut self, base: usize, out: &compiler::Output) {
        let end = base + out.code.len();
        let sites: Arc<[MemSite]> = out.mem_sites.clone().into();
        let propagate = base + out.propagate as usize;
        let resolver: faults::Resolver = Arc::new(move |pc, _addr, vm| {
            let off = pc.checked_sub(base)? as u32;
            let i = sites.partition_point(|s| s.end <= off);
            let site = sites.get(i).filter(|s| s.start <= off)?;
            let ctx = vm as *mut VmCtx;
            // SAFETY: `vm` is the pinned VM register of the code that faulted at one of its
            // memory accesses, which always holds its instance's live context.
            unsafe { (*ctx).trap = TrapCode::MemoryOutOfBounds.encode(site.wasm as usize) };
            Some(propagate)
        });
        faults::register(base, end, resolver);
        self.code_ranges.push((base, end));
    }

    /// Starts (or stops) recording code listings and compile traces.
    pub fn set_listing(&mut self, on: bool) {
        self.listing = on.then(Listing::default);
    }

    /// What was recorded since the last call.
    pub fn take_listing(&mut self) -> Listing {
        self.listing
            .as_mut()
            .map(std::mem::take)
            .unwrap_or_default()
    }

    fn record(&mut self, module: &Module, index: u32, out: &compiler::Output, nanos: u128) {
        use std::fmt::Write as _;
        let Some(listing) = self.listing.as_mut() else {
            return;
        };
        let name = module
            .func_name(index)
            .map_or(String::new(), |n| format!(" ({n})"));
        let _ = writeln!(
            listing.trace,
            "[tier] wasm function {index}{name}: {} bytes of Wasm, {} operators -> {} bytes of {} code in {} us",
            out.wasm_bytes,
            out.ops,
            out.code.len(),
            self.backend.name,
            nanos / 1000
        );
        let _ = writeln!(listing.code, "wasm function {index}{name}:");
        for (off, text) in (self.backend.disassemble)(&out.code, 0, out.code.len()) {
            let _ = writeln!(listing.code, "  {off:6x}  {text}");
        }
    }

    /// The back end compiling this store's code.
    pub fn backend(&self) -> &'static BackEnd {
        self.backend
    }

    fn type_id(&mut self, ty: &FuncType) -> u32 {
        let n = self.types.len() as u32;
        *self.types.entry(ty.clone()).or_insert(n)
    }

    fn config(&self) -> Config {
        let h = |f: crate::exec::HelperFn| (self.backend.helper_addr)(f) as u64;
        Config {
            stack_overflow: h(super::helpers::stack_overflow),
            call_import: h(super::helpers::call_import),
            call_ref: h(super::helpers::call_ref),
            runtime: h(super::helpers::runtime),
            bounds_checks: self.options.bounds_checks,
        }
    }

    /// Decodes, validates and compiles a module (binary or text).
    pub fn load(&mut self, bytes: &[u8]) -> Result<Rc<LoadedModule>, ModuleError> {
        let module = Module::from_any(bytes)?;
        self.compile(module)
    }

    /// Compiles every function of a decoded module.
    pub fn compile(&mut self, module: Module) -> Result<Rc<LoadedModule>, ModuleError> {
        let cfg = self.config();
        let started = Instant::now();
        // Every function is compiled into one image, published at once (one change of page
        // protection per module instead of one per function).
        let mut outs = Vec::with_capacity(module.bodies.len());
        let mut end = 0usize;
        for i in 0..module.bodies.len() {
            let index = (i + module.imported_funcs) as u32;
            let t0 = Instant::now();
            let out =
                compile_with(self.backend.isa, &module, index, &cfg).map_err(|e| ModuleError {
                    offset: Some(module.bodies[i].range.start),
                    message: format!("function {index}: {e}"),
                })?;
            let at = end.next_multiple_of(FUNCTION_ALIGN);
            end = at + out.code.len();
            outs.push((at, out, t0.elapsed().as_nanos()));
        }
        // Direct calls between the module's functions, now that each one's place is known
        // (a call's displacement is relative, so each function's own code is patched).
        let patch = patch_with(self.backend.isa);
        let imported = module.imported_funcs;
        for j in 0..outs.len() {
            let at = outs[j].0;
            for k in 0..outs[j].1.near_calls.len() {
                let (site, callee) = outs[j].1.near_calls[k];
                let (callee_at, callee_out, _) = &outs[callee as usize - imported];
                let target = (callee_at + callee_out.call_entry as usize) as i64 - at as i64;
                if !patch(&mut outs[j].1.code, site as usize, target) {
                    return Err(ModuleError {
                        offset: None,
                        message: format!(
                            "function {}: a call beyond the back end's direct reach",
                            j + imported
                        ),
                    });
                }
            }
        }
        let mut image = vec![0u8; end];
        for (at, out, _) in &outs {
            image[*at..*at + out.code.len()].copy_from_slice(&out.code);
        }
        for (j, (_, out, nanos)) in outs.iter().enumerate() {
            self.record(&module, (j + imported) as u32, out, *nanos);
        }
        let mut code = Vec::with_capacity(outs.len());
        if !image.is_empty() {
            let ptr = self.code.publish(&image).map_err(|e| ModuleError {
                offset: None,
                message: format!("code memory: {e}"),
            })?;
            for (at, out, _) in &outs {
                // SAFETY: `at` is inside the image just published at `ptr`.
                let entry = unsafe { ptr.add(*at) };
                let base = entry.addr() as u64;
                self.register_faults(entry.addr(), out);
                self.stats.functions_compiled += 1;
                self.stats.code_bytes += out.code.len() as u64;
                self.stats.wasm_bytes += out.wasm_bytes as u64;
                self.stats.ops += out.ops as u64;
                code.push((entry, base + out.call_entry as u64, base + out.body as u64));
            }
        }
        self.stats.compile_nanos += started.elapsed().as_nanos();
        self.stats.modules += 1;
        Ok(Rc::new(LoadedModule(Rc::new(Compiled {
            store: self.id,
            module,
            code,
        }))))
    }

    // Host-side objects (the spectest module, WASI, embedders).

    pub fn host_func(&mut self, ty: FuncType, f: HostFunc) -> FuncId {
        let type_id = self.type_id(&ty) as u64;
        let id = self.funcs.len();
        self.funcs.push(FuncInst {
            rec: Box::new(FuncRecord {
                code: 0,
                type_id,
                ctx: 0,
                index: id as u64,
            }),
            ty,
            kind: FuncKind::Host(f),
        });
        id
    }

    pub fn new_global(&mut self, ty: GlobalType, value: Val) -> GlobalId {
        let bits = self.bits_of(value);
        self.globals.push(GlobalInst {
            cell: Box::new(bits),
            ty,
        });
        self.globals.len() - 1
    }

    /// A table of `ty.limits.min` null elements, or why kiln has no room for it.
    pub fn new_table(&mut self, ty: TableType) -> Result<TableId, String> {
        if ty.limits.min > MAX_TABLE_ELEMS {
            return Err(format!(
                "table of {} elements: kiln's limit is {MAX_TABLE_ELEMS}",
                ty.limits.min
            ));
        }
        let mut elems = Vec::new();
        elems
            .try_reserve_exact(ty.limits.min as usize)
            .map_err(|_| format!("cannot allocate a table of {} elements", ty.limits.min))?;
        elems.resize(ty.limits.min as usize, 0);
        let mut t = TableInst {
            elems,
            data: Box::new(TableData { elems: 0, len: 0 }),
            ty,
        };
        t.sync();
        self.tables.push(t);
        Ok(self.tables.len() - 1)
    }

    pub fn new_memory(&mut self, limits: Limits) -> Result<MemoryId, String> {
        let mem = LinearMemory::new(limits.min, limits.max)
            .map_err(|e| format!("cannot reserve linear memory: {e}"))?;
        self.memories.push(MemInst {
            mem,
            max: limits.max,
            users: Vec::new(),
        });
        Ok(self.memories.len() - 1)
    }

    // Reading objects.

    pub fn global_value(&self, g: GlobalId) -> Val {
        let gl = &self.globals[g];
        self.val_of_bits(gl.ty.ty, *gl.cell)
    }

    pub fn func_type(&self, f: FuncId) -> &FuncType {
        &self.funcs[f].ty
    }

    pub fn memory(&self, m: MemoryId) -> &[u8] {
        self.memories[m].mem.bytes()
    }

    pub fn memory_mut(&mut self, m: MemoryId) -> &mut [u8] {
        self.memories[m].mem.bytes_mut()
    }

    /// The memory an instance uses (its first), if any.
    pub fn instance_memory(&self, i: InstanceId) -> Option<MemoryId> {
        self.instances[i].memories.first().copied()
    }

    pub fn export(&self, i: InstanceId, name: &str) -> Option<Extern> {
        self.instances[i].exports.get(name).copied()
    }

    /// Exported names of an instance, in the module's order.
    pub fn exports(&self, i: InstanceId) -> Vec<(String, Extern)> {
        let inst = &self.instances[i];
        inst.compiled
            .module
            .exports
            .iter()
            .map(|e| (e.name.clone(), inst.exports[&e.name]))
            .collect()
    }

    pub(super) fn bits_of(&self, v: Val) -> u64 {
        match v {
            Val::I32(x) => x as u32 as u64,
            Val::I64(x) => x as u64,
            Val::F32(b) => b as u64,
            Val::F64(b) => b,
            Val::FuncRef(None) => 0,
            Val::FuncRef(Some(f)) => &*self.funcs[f].rec as *const FuncRecord as u64,
            Val::ExternRef(x) => extern_bits(x),
        }
    }

    pub(super) fn val_of_bits(&self, ty: ValType, bits: u64) -> Val {
        match ty {
            ValType::I32 => Val::I32(bits as u32 as i32),
            ValType::I64 => Val::I64(bits as i64),
            ValType::F32 => Val::F32(bits as u32),
            ValType::F64 => Val::F64(bits),
            ValType::FuncRef => Val::FuncRef(if bits == 0 {
                None
            } else {
                // SAFETY: a non-null funcref word is the address of a record owned by this
                // store's functions (boxed, never freed while the store lives).
                Some(unsafe { (*(bits as *const FuncRecord)).index } as usize)
            }),
            ValType::ExternRef => Val::ExternRef(extern_of(bits)),
        }
    }

    /// Instantiates a loaded module; `resolve(module, name)` provides each import.
    pub fn instantiate(
        &mut self,
        loaded: &LoadedModule,
        resolve: &mut dyn FnMut(&str, &str) -> Option<Extern>,
    ) -> Result<InstanceId, InstantiateError> {
        let compiled = loaded.0.clone();
        if compiled.store != self.id {
            return Err(InstantiateError::Link(
                "the module was loaded into another store".into(),
            ));
        }
        let m = &compiled.module;
        // Imports.
        let mut funcs = Vec::new();
        let mut tables = Vec::new();
        let mut memories = Vec::new();
        let mut globals = Vec::new();
        for imp in &m.imports {
            let what = format!("{}::{}", imp.module, imp.name);
            let ext = resolve(&imp.module, &imp.name)
                .ok_or_else(|| InstantiateError::Link(format!("unknown import: {what}")))?;
            let bad = || InstantiateError::Link(format!("incompatible import type: {what}"));
            match (&imp.kind, ext) {
                (ImportKind::Func(t), Extern::Func(f)) => {
                    if self.funcs[f].ty != m.types[*t as usize] {
                        return Err(bad());
                    }
                    funcs.push(f);
                }
                (ImportKind::Table(t), Extern::Table(id)) => {
                    let have = &self.tables[id];
                    let limits = Limits {
                        min: have.elems.len() as u64,
                        max: have.ty.limits.max,
                    };
                    if have.ty.elem != t.elem || !limits.matches(&t.limits) {
                        return Err(bad());
                    }
                    tables.push(id);
                }
                (ImportKind::Memory(l), Extern::Memory(id)) => {
                    let have = &self.memories[id];
                    let limits = Limits {
                        min: have.mem.pages(),
                        max: have.max,
                    };
                    if !limits.matches(l) {
                        return Err(bad());
                    }
                    memories.push(id);
                }
                (ImportKind::Global(t), Extern::Global(id)) => {
                    if self.globals[id].ty != *t {
                        return Err(bad());
                    }
                    globals.push(id);
                }
                _ => return Err(bad()),
            }
        }
        let index = self.instances.len();
        let type_ids: Vec<u32> = m.types.clone().iter().map(|t| self.type_id(t)).collect();
        let mut inst = Instance {
            ctx: Box::new(VmCtx::default()),
            compiled: compiled.clone(),
            funcs,
            tables,
            memories,
            globals,
            entries: Vec::new(),
            refs: Vec::new(),
            cells: Vec::new(),
            table_ptrs: Vec::new(),
            type_ids,
            elems: Vec::new(),
            data_dropped: vec![false; m.datas.len()],
            exports: HashMap::new(),
        };
        let ctx_addr = &*inst.ctx as *const VmCtx as u64;
        // Defined functions.
        for (i, &(entry, call_entry, body)) in compiled.code.iter().enumerate() {
            let index_in_module = (i + m.imported_funcs) as u32;
            let ty = m.func_type(index_in_module).clone();
            let id = self.funcs.len();
            self.funcs.push(FuncInst {
                rec: Box::new(FuncRecord {
                    code: call_entry,
                    type_id: inst.type_ids[m.funcs[index_in_module as usize] as usize] as u64,
                    ctx: ctx_addr,
                    index: id as u64,
                }),
                ty,
                kind: FuncKind::Wasm {
                    instance: index,
                    entry,
                    body,
                },
            });
            inst.funcs.push(id);
        }
        inst.entries = inst
            .funcs
            .iter()
            .map(|&f| match self.funcs[f].kind {
                FuncKind::Wasm { instance, .. } if instance == index => self.funcs[f].rec.code,
                _ => 0,
            })
            .collect();
        inst.refs = inst
            .funcs
            .iter()
            .map(|&f| &*self.funcs[f].rec as *const FuncRecord as u64)
            .collect();
        // Tables and memories.
        for t in &m.tables[m.imported_tables..] {
            let id = self.new_table(*t).map_err(InstantiateError::Resource)?;
            inst.tables.push(id);
        }
        for l in &m.memories[m.imported_memories..] {
            let id = self.new_memory(*l).map_err(InstantiateError::Resource)?;
            inst.memories.push(id);
        }
        // Globals (initializers see imported globals and function references).
        for g in &m.globals[m.imported_globals..] {
            let init = g.init.expect("defined globals have initializers");
            let bits = self.eval(&inst, init);
            self.globals.push(GlobalInst {
                cell: Box::new(bits),
                ty: g.ty,
            });
            inst.globals.push(self.globals.len() - 1);
        }
        inst.cells = inst
            .globals
            .iter()
            .map(|&g| &*self.globals[g].cell as *const u64 as u64)
            .collect();
        inst.table_ptrs = inst
            .tables
            .iter()
            .map(|&t| &*self.tables[t].data as *const TableData as u64)
            .collect();
        for e in &m.exports {
            let ext = match e.kind {
                ExternKind::Func => Extern::Func(inst.funcs[e.index as usize]),
                ExternKind::Table => Extern::Table(inst.tables[e.index as usize]),
                ExternKind::Memory => Extern::Memory(inst.memories[e.index as usize]),
                ExternKind::Global => Extern::Global(inst.globals[e.index as usize]),
            };
            inst.exports.insert(e.name.clone(), ext);
        }
        inst.elems = m
            .elems
            .iter()
            .map(|seg| seg.items.iter().map(|&x| self.eval(&inst, x)).collect())
            .collect();
        // The context compiled code reads.
        let range = (self.backend.stack_range)();
        {
            let ctx = &mut inst.ctx;
            ctx.globals = inst.cells.as_ptr() as u64;
            ctx.funcs = inst.entries.as_ptr() as u64;
            ctx.tables = inst.table_ptrs.as_ptr() as u64;
            ctx.func_refs = inst.refs.as_ptr() as u64;
            ctx.type_ids = inst.type_ids.as_ptr() as u64;
            ctx.stack_limit = (range.low + STACK_MARGIN) as u64;
            // Four slots short of the end: the runtime helper reads its operands as three
            // slots from a frame's top, which may be its end.
            ctx.window_limit = self.stack.as_ptr() as u64 + 8 * (self.stack.len() as u64 - 4);
            ctx.instance = index as u64;
        }
        if let Some(&mem) = inst.memories.first() {
            self.memories[mem].users.push(index);
        }
        self.instances.push(inst);
        self.sync_memory(index);
        self.initialize(index)?;
        Ok(index)
    }

    /// Copies memory 0's base and size into the context of instance `i`.
    pub(super) fn sync_memory(&mut self, i: InstanceId) {
        if let Some(&mem) = self.instances[i].memories.first() {
            let (base, size) = (self.memories[mem].mem.base(), self.memories[mem].mem.size());
            let ctx = &mut self.instances[i].ctx;
            ctx.mem_base = base;
            ctx.mem_size = size;
        }
    }

    /// The value of a constant expression in instance `inst`.
    fn eval(&self, inst: &Instance, e: ConstExpr) -> u64 {
        match e {
            ConstExpr::I32(v) => v as u32 as u64,
            ConstExpr::I64(v) => v as u64,
            ConstExpr::F32(b) => b as u64,
            ConstExpr::F64(b) => b,
            ConstExpr::RefNull => 0,
            ConstExpr::RefFunc(f) => inst.refs[f as usize],
            ConstExpr::GlobalGet(g) => *self.globals[inst.globals[g as usize]].cell,
        }
    }

    /// Element and data segments, then the start function.
    fn initialize(&mut self, i: InstanceId) -> Result<(), InstantiateError> {
        let compiled = self.instances[i].compiled.clone();
        let m = &compiled.module;
        for (s, seg) in m.elems.iter().enumerate() {
            match seg.mode {
                SegmentMode::Active { index, offset } => {
                    let off = self.eval(&self.instances[i], offset) as u32 as u64;
                    let n = seg.items.len() as u64;
                    self.table_init(i, index, s as u32, off, 0, n)
                        .map_err(InstantiateError::Trap)?;
                    self.instances[i].elems[s].clear();
                }
                SegmentMode::Declared => self.instances[i].elems[s].clear(),
                SegmentMode::Passive => {}
            }
        }
        for (s, seg) in m.datas.iter().enumerate() {
            if let SegmentMode::Active { index: _, offset } = seg.mode {
                let off = self.eval(&self.instances[i], offset) as u32 as u64;
                let n = seg.bytes.len() as u64;
                self.memory_init(i, s as u32, off, 0, n)
                    .map_err(InstantiateError::Trap)?;
                self.instances[i].data_dropped[s] = true;
            }
        }
        if let Some(start) = m.start {
            let f = self.instances[i].funcs[start as usize];
            self.call(f, &[]).map_err(InstantiateError::Trap)?;
        }
        Ok(())
    }

    /// `table.init`: elements `s..s+n` of segment `seg` to table `t` at `d`.
    pub(super) fn table_init(
        &mut self,
        i: InstanceId,
        t: u32,
        seg: u32,
        d: u64,
        s: u64,
        n: u64,
    ) -> Result<(), Trap> {
        let inst = &self.instances[i];
        let src = &inst.elems[seg as usize];
        let table = &mut self.tables[inst.tables[t as usize]];
        if s + n > src.len() as u64 || d + n > table.elems.len() as u64 {
            return Err(Trap::new(TrapCode::TableOutOfBounds));
        }
        table.elems[d as usize..(d + n) as usize]
            .copy_from_slice(&src[s as usize..(s + n) as usize]);
        Ok(())
    }

    /// `memory.init`: bytes `s..s+n` of data segment `seg` to memory 0 at `d`.
    pub(super) fn memory_init(
        &mut self,
        i: InstanceId,
        seg: u32,
        d: u64,
        s: u64,
        n: u64,
    ) -> Result<(), Trap> {
        let inst = &self.instances[i];
        let compiled = inst.compiled.clone();
        let range = &compiled.module.datas[seg as usize].bytes;
        let len = if inst.data_dropped[seg as usize] {
            0
        } else {
            range.len() as u64
        };
        let oob = || Trap::new(TrapCode::MemoryOutOfBounds);
        let Some(&mem) = inst.memories.first() else {
            return if n == 0 && s <= len {
                Ok(())
            } else {
                Err(oob())
            };
        };
        let bytes = self.memories[mem].mem.bytes_mut();
        if s + n > len || d + n > bytes.len() as u64 {
            return Err(oob());
        }
        let src = &compiled.module.bytes[range.start + s as usize..range.start + (s + n) as usize];
        bytes[d as usize..(d + n) as usize].copy_from_slice(src);
        Ok(())
    }
}

/// A module loaded (decoded, validated, compiled) into a store.
pub struct LoadedModule(pub(super) Rc<Compiled>);

impl LoadedModule {
    pub fn module(&self) -> &Module {
        &self.0.module
    }
}

/// How `isa` links a direct call (see [`RuntimeAbi::patch_near_call`]).
fn patch_with(isa: JitIsa) -> fn(&mut [u8], usize, i64) -> bool {
    match isa {
        JitIsa::AArch64 => crate::jit::aarch64::A64Masm::patch_near_call,
        JitIsa::X86_64 => crate::jit::x86_64::X64Masm::patch_near_call,
    }
}

/// Compiles one function with the macro-assembler of `isa`.
fn compile_with(
    isa: JitIsa,
    module: &Module,
    index: u32,
    cfg: &Config,
) -> crate::jit::masm::MasmResult<compiler::Output> {
    match isa {
        JitIsa::AArch64 => {
            compiler::compile(crate::jit::aarch64::A64Masm::new(), module, index, cfg)
        }
        JitIsa::X86_64 => compiler::compile(crate::jit::x86_64::X64Masm::new(), module, index, cfg),
    }
}
