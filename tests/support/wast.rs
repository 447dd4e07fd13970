//! A driver for the official WebAssembly spec tests (`.wast` scripts): runs every directive
//! against a kiln [`Store`] with the `spectest` host module as the reference interpreter
//! defines it, and counts assertions passed and failed.

#![allow(dead_code)]

use std::collections::HashMap;
use std::rc::Rc;

use kiln::js::JitIsa;
use kiln::wasm::ctx::TrapCode;
use kiln::wasm::runtime::{Extern, InstanceId, InstantiateError, Store, StoreOptions, Val};
use kiln::wasm::types::{FuncType, GlobalType, Limits, TableType, ValType};
use wast::core::{NanPattern, WastArgCore, WastRetCore};
use wast::{QuoteWat, Wast, WastArg, WastDirective, WastExecute, WastInvoke, WastRet, Wat};

/// Assertions of one file.
#[derive(Debug, Default, Clone)]
pub struct Counts {
    pub passed: usize,
    pub failed: usize,
    /// The first failures (line and what happened).
    pub failures: Vec<String>,
}

impl Counts {
    fn fail(&mut self, line: usize, what: String) {
        self.failed += 1;
        if self.failures.len() < 12 {
            self.failures.push(format!("line {line}: {what}"));
        }
    }
}

struct Runner {
    store: Store,
    spectest: HashMap<&'static str, Extern>,
    registered: HashMap<String, InstanceId>,
    named: HashMap<String, InstanceId>,
    /// Modules defined but not instantiated yet (`module definition`).
    definitions: HashMap<String, Vec<u8>>,
    last: Option<InstanceId>,
}

/// The `spectest` module: print functions, four globals, a table and a memory.
fn spectest(store: &mut Store) -> HashMap<&'static str, Extern> {
    let mut m = HashMap::new();
    let print = |params: Vec<ValType>| FuncType {
        params,
        results: vec![],
    };
    let host: kiln::wasm::runtime::HostFunc = Rc::new(|_, _| Ok(vec![]));
    use ValType::*;
    for (name, params) in [
        ("print", vec![]),
        ("print_i32", vec![I32]),
        ("print_i64", vec![I64]),
        ("print_f32", vec![F32]),
        ("print_f64", vec![F64]),
        ("print_i32_f32", vec![I32, F32]),
        ("print_f64_f64", vec![F64, F64]),
    ] {
        let f = store.host_func(print(params), host.clone());
        m.insert(name, Extern::Func(f));
    }
    let g = |ty| GlobalType { ty, mutable: false };
    for (name, ty, v) in [
        ("global_i32", I32, Val::I32(666)),
        ("global_i64", I64, Val::I64(666)),
        ("global_f32", F32, Val::F32(666.6f32.to_bits())),
        ("global_f64", F64, Val::F64(666.6f64.to_bits())),
    ] {
        m.insert(name, Extern::Global(store.new_global(g(ty), v)));
    }
    let table = store
        .new_table(TableType {
            elem: FuncRef,
            limits: Limits {
                min: 10,
                max: Some(20),
            },
        })
        .expect("spectest table");
    m.insert("table", Extern::Table(table));
    let memory = store
        .new_memory(Limits {
            min: 1,
            max: Some(2),
        })
        .expect("spectest memory");
    m.insert("memory", Extern::Memory(memory));
    m
}

fn arg(a: &WastArg<'_>) -> Option<Val> {
    let WastArg::Core(a) = a else { return None };
    Some(match a {
        WastArgCore::I32(v) => Val::I32(*v),
        WastArgCore::I64(v) => Val::I64(*v),
        WastArgCore::F32(v) => Val::F32(v.bits),
        WastArgCore::F64(v) => Val::F64(v.bits),
        WastArgCore::RefNull(h) => match h {
            wast::core::HeapType::Abstract {
                ty: wast::core::AbstractHeapType::Func,
                ..
            } => Val::FuncRef(None),
            _ => Val::ExternRef(None),
        },
        WastArgCore::RefExtern(x) => Val::ExternRef(Some(*x as u64)),
        _ => return None,
    })
}

fn f32_matches(p: &NanPattern<wast::token::F32>, bits: u32) -> bool {
    let nan = f32::from_bits(bits).is_nan();
    match p {
        NanPattern::CanonicalNan => nan && bits & 0x7fff_ffff == 0x7fc0_0000,
        NanPattern::ArithmeticNan => nan && bits & 0x0040_0000 != 0,
        NanPattern::Value(v) => v.bits == bits,
    }
}

fn f64_matches(p: &NanPattern<wast::token::F64>, bits: u64) -> bool {
    let nan = f64::from_bits(bits).is_nan();
    match p {
        NanPattern::CanonicalNan => nan && bits & 0x7fff_ffff_ffff_ffff == 0x7ff8_0000_0000_0000,
        NanPattern::ArithmeticNan => nan && bits & 0x0008_0000_0000_0000 != 0,
        NanPattern::Value(v) => v.bits == bits,
    }
}

fn ret_matches(r: &WastRetCore<'_>, v: &Val) -> bool {
    match (r, v) {
        (WastRetCore::I32(a), Val::I32(b)) => a == b,
        (WastRetCore::I64(a), Val::I64(b)) => a == b,
        (WastRetCore::F32(p), Val::F32(b)) => f32_matches(p, *b),
        (WastRetCore::F64(p), Val::F64(b)) => f64_matches(p, *b),
        (WastRetCore::RefNull(_), Val::FuncRef(None) | Val::ExternRef(None)) => true,
        (WastRetCore::RefExtern(None), Val::ExternRef(Some(_))) => true,
        (WastRetCore::RefExtern(Some(x)), Val::ExternRef(Some(y))) => *x as u64 == *y,
        (WastRetCore::RefFunc(None), Val::FuncRef(Some(_))) => true,
        (WastRetCore::RefFunc(Some(_)), Val::FuncRef(Some(_))) => true,
        (WastRetCore::Either(alts), v) => alts.iter().any(|a| ret_matches(a, v)),
        _ => false,
    }
}

fn encode(q: &mut QuoteWat<'_>) -> Result<Vec<u8>, String> {
    q.encode().map_err(|e| e.to_string())
}

fn module_name(q: &QuoteWat<'_>) -> Option<String> {
    match q {
        QuoteWat::Wat(Wat::Module(m)) => m.id.map(|i| i.name().to_string()),
        _ => None,
    }
}

impl Runner {
    fn new(options: StoreOptions) -> Runner {
        let mut store = Store::new(options);
        let spectest = spectest(&mut store);
        Runner {
            store,
            spectest,
            registered: HashMap::new(),
            named: HashMap::new(),
            definitions: HashMap::new(),
            last: None,
        }
    }

    fn instance(&self, id: Option<wast::token::Id<'_>>) -> Result<InstanceId, String> {
        match id {
            Some(id) => self
                .named
                .get(id.name())
                .copied()
                .ok_or_else(|| format!("no module ${}", id.name())),
            None => self.last.ok_or_else(|| "no module".to_string()),
        }
    }

    fn instantiate(&mut self, bytes: &[u8]) -> Result<InstanceId, String> {
        let loaded = self.store.load(bytes).map_err(|e| format!("load: {e}"))?;
        let (spectest, registered) = (&self.spectest, &self.registered);
        let store_ptr: *const Store = &self.store;
        let mut resolve = |module: &str, name: &str| -> Option<Extern> {
            if module == "spectest" {
                return spectest.get(name).copied();
            }
            let inst = *registered.get(module)?;
            // SAFETY: only reads exports while `instantiate` holds the store; the resolver
            // runs before instantiation changes anything.
            unsafe { (*store_ptr).export(inst, name) }
        };
        match self.store.instantiate(&loaded, &mut resolve) {
            Ok(i) => Ok(i),
            Err(InstantiateError::Link(m)) => Err(format!("unlinkable: {m}")),
            Err(InstantiateError::Trap(t)) => Err(format!("trap: {}", t.message)),
            Err(InstantiateError::Resource(m)) => Err(format!("resource: {m}")),
        }
    }

    fn invoke(
        &mut self,
        inv: &WastInvoke<'_>,
    ) -> Result<Result<Vec<Val>, kiln::wasm::Trap>, String> {
        let inst = self.instance(inv.module)?;
        let f = match self.store.export(inst, inv.name) {
            Some(Extern::Func(f)) => f,
            _ => return Err(format!("no function {}", inv.name)),
        };
        let args = inv
            .args
            .iter()
            .map(arg)
            .collect::<Option<Vec<_>>>()
            .ok_or("unsupported argument")?;
        Ok(self.store.call(f, &args))
    }

    fn execute(&mut self, exec: &mut WastExecute<'_>) -> Result<Result<Vec<Val>, String>, String> {
        match exec {
            WastExecute::Invoke(inv) => Ok(self.invoke(inv)?.map_err(|t| t.message.clone())),
            WastExecute::Get { module, global, .. } => {
                let inst = self.instance(*module)?;
                match self.store.export(inst, global) {
                    Some(Extern::Global(g)) => Ok(Ok(vec![self.store.global_value(g)])),
                    _ => Err(format!("no global {global}")),
                }
            }
            WastExecute::Wat(w) => {
                let bytes = w.encode().map_err(|e| e.to_string())?;
                Ok(match self.instantiate(&bytes) {
                    Ok(_) => Ok(vec![]),
                    Err(e) => Err(e.strip_prefix("trap: ").unwrap_or(&e).to_string()),
                })
            }
        }
    }

    fn directive(&mut self, d: WastDirective<'_>, line: usize, c: &mut Counts) {
        match d {
            WastDirective::Module(mut q) => {
                let name = module_name(&q);
                match encode(&mut q).and_then(|b| self.instantiate(&b)) {
                    Ok(i) => {
                        self.last = Some(i);
                        if let Some(n) = name {
                            self.named.insert(n, i);
                        }
                        c.passed += 1;
                    }
                    Err(e) => c.fail(line, format!("module: {e}")),
                }
            }
            WastDirective::ModuleDefinition(mut q) => {
                let name = module_name(&q);
                match encode(&mut q).and_then(|b| {
                    self.store.load(&b).map_err(|e| e.to_string())?;
                    Ok(b)
                }) {
                    Ok(b) => {
                        if let Some(n) = name {
                            self.definitions.insert(n, b);
                        }
                        c.passed += 1;
                    }
                    Err(e) => c.fail(line, format!("module definition: {e}")),
                }
            }
            WastDirective::ModuleInstance {
                instance, module, ..
            } => {
                let bytes = module.and_then(|m| self.definitions.get(m.name()).cloned());
                match bytes
                    .ok_or("no definition".to_string())
                    .and_then(|b| self.instantiate(&b))
                {
                    Ok(i) => {
                        self.last = Some(i);
                        if let Some(n) = instance {
                            self.named.insert(n.name().to_string(), i);
                        }
                        c.passed += 1;
                    }
                    Err(e) => c.fail(line, format!("module instance: {e}")),
                }
            }
            WastDirective::Register { name, module, .. } => match self.instance(module) {
                Ok(i) => {
                    self.registered.insert(name.to_string(), i);
                    c.passed += 1;
                }
                Err(e) => c.fail(line, format!("register: {e}")),
            },
            WastDirective::Invoke(inv) => match self.invoke(&inv) {
                Ok(Ok(_)) => c.passed += 1,
                Ok(Err(t)) => c.fail(line, format!("invoke {}: {t}", inv.name)),
                Err(e) => c.fail(line, e),
            },
            WastDirective::AssertReturn {
                mut exec, results, ..
            } => match self.execute(&mut exec) {
                Ok(Ok(vals)) => {
                    let ok = vals.len() == results.len()
                        && results.iter().zip(&vals).all(|(r, v)| match r {
                            WastRet::Core(r) => ret_matches(r, v),
                            _ => false,
                        });
                    if ok {
                        c.passed += 1;
                    } else {
                        c.fail(line, format!("returned {vals:?}, expected {results:?}"));
                    }
                }
                Ok(Err(t)) => c.fail(line, format!("trapped: {t}")),
                Err(e) => c.fail(line, e),
            },
            WastDirective::AssertTrap {
                mut exec, message, ..
            } => match self.execute(&mut exec) {
                Ok(Err(t)) if t.contains(message) => c.passed += 1,
                Ok(Err(t)) => c.fail(line, format!("trapped with '{t}', expected '{message}'")),
                Ok(Ok(v)) => c.fail(line, format!("returned {v:?}, expected trap '{message}'")),
                Err(e) => c.fail(line, e),
            },
            WastDirective::AssertExhaustion { call, message, .. } => match self.invoke(&call) {
                Ok(Err(t)) if t.code == Some(TrapCode::StackExhausted) => c.passed += 1,
                Ok(Err(t)) => c.fail(line, format!("trapped with '{t}', expected '{message}'")),
                Ok(Ok(v)) => c.fail(line, format!("returned {v:?}, expected exhaustion")),
                Err(e) => c.fail(line, e),
            },
            WastDirective::AssertInvalid {
                mut module,
                message,
                ..
            }
            | WastDirective::AssertMalformed {
                mut module,
                message,
                ..
            } => match encode(&mut module) {
                // The text parser rejecting it counts: the module never reaches kiln.
                Err(_) => c.passed += 1,
                Ok(b) => match self.store.load(&b) {
                    Err(_) => c.passed += 1,
                    Ok(_) => c.fail(line, format!("loaded a module that is '{message}'")),
                },
            },
            WastDirective::AssertUnlinkable {
                mut module,
                message,
                ..
            } => match module
                .encode()
                .map_err(|e| e.to_string())
                .map(|b| self.instantiate(&b))
            {
                Ok(Err(e)) if e.starts_with("unlinkable") => c.passed += 1,
                Ok(Err(e)) => c.fail(line, format!("failed with '{e}', expected '{message}'")),
                Ok(Ok(_)) => c.fail(line, format!("linked, expected '{message}'")),
                Err(e) => c.fail(line, e),
            },
            // Custom-section assertions and proposals' directives: not in the core suites.
            WastDirective::AssertInvalidCustom { .. }
            | WastDirective::AssertMalformedCustom { .. }
            | WastDirective::AssertException { .. }
            | WastDirective::AssertSuspension { .. }
            | WastDirective::Thread(_)
            | WastDirective::Wait { .. } => c.fail(line, "directive not supported".into()),
        }
    }
}

/// Runs a `.wast` script on a fresh store with `isa`; the counts.
pub fn run_wast(text: &str, isa: Option<JitIsa>, bounds_checks: bool) -> Counts {
    let mut counts = Counts::default();
    // The spec's names.wast exports names made of bidirectional and invisible characters:
    // fine for a test, so the lexer's lint against them is off.
    let mut lexer = wast::lexer::Lexer::new(text);
    lexer.allow_confusing_unicode(true);
    let buf = match wast::parser::ParseBuffer::new_with_lexer(lexer) {
        Ok(b) => b,
        Err(e) => {
            counts.fail(0, format!("lex: {e}"));
            return counts;
        }
    };
    let script: Wast<'_> = match wast::parser::parse(&buf) {
        Ok(s) => s,
        Err(e) => {
            counts.fail(0, format!("parse: {e}"));
            return counts;
        }
    };
    let mut r = Runner::new(StoreOptions { isa, bounds_checks });
    for d in script.directives {
        let (line, _) = d.span().linecol_in(text);
        r.directive(d, line + 1, &mut counts);
    }
    counts
}
