//! WASI preview 1 (`wasi_snapshot_preview1`): the system interface programs built with
//! wasi-libc import, as host functions of a [`Store`].
//!
//! - `abi.rs`: the interface's numbers and structure layouts.
//! - `fds.rs`: the descriptor table and the path sandbox (only pre-opened directories are
//!   reachable).
//! - `memory.rs`: checked access to the program's linear memory.
//! - `calls.rs`: the calls, one function each, and their table.
//!
//! [`Wasi::link`] makes a host function for each of a module's `wasi_snapshot_preview1`
//! imports: the table's implementation when it has one, else a stub of the import's type
//! that returns `ENOSYS`. `proc_exit` ends the run with a trap the embedder recognises
//! ([`Wasi::exit_status`]).

mod abi;
mod calls;
mod fds;
mod memory;

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::rc::Rc;

use crate::wasm::module::{ImportKind, Module};
use crate::wasm::runtime::{Extern, MemoryId, Store, Trap, Val};
use crate::wasm::types::{FuncType, ValType};

pub use abi::Errno;
use fds::{Desc, Dir, Fds, Stdio};

/// The import module name of WASI preview 1.
pub const MODULE: &str = "wasi_snapshot_preview1";

/// What a WASI program is given.
#[derive(Debug, Clone, Default)]
pub struct WasiConfig {
    /// `argv`, the program name first.
    pub args: Vec<String>,
    /// The environment, as `KEY=VALUE` strings (empty unless given).
    pub env: Vec<String>,
    /// Pre-opened directories: the host directory and the name the program sees.
    pub dirs: Vec<(PathBuf, String)>,
    /// Keep what the program writes to stdout and stderr instead of passing it through.
    pub capture: bool,
}

/// Where the program's standard output and error go.
#[derive(Debug, Default)]
struct Output {
    capture: bool,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

impl Output {
    fn write(&mut self, s: Stdio, b: &[u8]) -> std::io::Result<()> {
        match (self.capture, s) {
            (true, Stdio::Err) => self.stderr.extend_from_slice(b),
            (true, _) => self.stdout.extend_from_slice(b),
            (false, Stdio::Err) => std::io::stderr().write_all(b)?,
            (false, _) => std::io::stdout().write_all(b)?,
        }
        Ok(())
    }
}

/// The state the calls share.
pub struct WasiState {
    args: Vec<String>,
    env: Vec<String>,
    fds: Fds,
    out: Output,
    memory: Option<MemoryId>,
    exit: Option<i32>,
}

impl WasiState {
    fn flush(&mut self) -> std::io::Result<()> {
        if !self.out.capture {
            std::io::stdout().flush()?;
        }
        Ok(())
    }
}

/// A WASI instance's host side (cheap to clone: the state is shared).
#[derive(Clone)]
pub struct Wasi(Rc<RefCell<WasiState>>);

impl Wasi {
    /// The state for `config`; a pre-opened directory that cannot be opened is an error.
    pub fn new(config: &WasiConfig) -> Result<Wasi, String> {
        let mut fds = Fds::new();
        for (host, guest) in &config.dirs {
            let canon = std::fs::canonicalize(host)
                .map_err(|e| format!("--dir {}: {e}", host.display()))?;
            if !canon.is_dir() {
                return Err(format!("--dir {}: not a directory", host.display()));
            }
            fds.insert(Desc::Dir(Dir {
                host: canon.clone(),
                root: canon,
                preopen: Some(guest.clone()),
            }))
            .map_err(|_| "too many directories".to_string())?;
        }
        Ok(Wasi(Rc::new(RefCell::new(WasiState {
            args: config.args.clone(),
            env: config.env.clone(),
            fds,
            out: Output {
                capture: config.capture,
                ..Output::default()
            },
            memory: None,
            exit: None,
        }))))
    }

    /// Whether `module` imports anything from WASI.
    pub fn imported_by(module: &Module) -> bool {
        module.imports.iter().any(|i| i.module == MODULE)
    }

    /// Host functions for `module`'s WASI imports, by name (for the instantiation's import
    /// resolver). An import of a known call with another type is a link error.
    pub fn link(
        &self,
        store: &mut Store,
        module: &Module,
    ) -> Result<HashMap<String, Extern>, String> {
        let mut out = HashMap::new();
        for imp in module.imports.iter().filter(|i| i.module == MODULE) {
            let ImportKind::Func(t) = imp.kind else {
                return Err(format!("{MODULE}::{} is not a function", imp.name));
            };
            let ty = module.types[t as usize].clone();
            let i32s = vec![ValType::I32];
            let f = if imp.name == "proc_exit" {
                check_type(&imp.name, &ty, &[ValType::I32], &[])?;
                self.proc_exit(store, ty)
            } else if let Some(&(_, sig, call)) = calls::CALLS.iter().find(|c| c.0 == imp.name) {
                let params: Vec<ValType> = sig
                    .chars()
                    .map(|c| if c == 'I' { ValType::I64 } else { ValType::I32 })
                    .collect();
                check_type(&imp.name, &ty, &params, &i32s)?;
                self.call(store, ty, call)
            } else if ty.results == i32s {
                // Not implemented: the program sees ENOSYS, as from a kernel without the call.
                store.host_func(ty, Rc::new(|_, _| Ok(vec![Val::I32(Errno::Nosys as i32)])))
            } else {
                return Err(format!(
                    "unknown import: {MODULE}::{} has type {ty}",
                    imp.name
                ));
            };
            out.insert(imp.name.clone(), Extern::Func(f));
        }
        Ok(out)
    }

    fn call(&self, store: &mut Store, ty: FuncType, call: calls::Syscall) -> usize {
        let state = self.0.clone();
        store.host_func(
            ty,
            Rc::new(move |store: &mut Store, args: &[Val]| {
                let mut st = state.borrow_mut();
                let mut none = [0u8; 0];
                let bytes = match st.memory {
                    Some(m) => store.memory_mut(m),
                    None => &mut none[..],
                };
                let r = call(&mut st, &mut memory::GuestMem(bytes), args);
                Ok(vec![Val::I32(match r {
                    Ok(()) => 0,
                    Err(e) => e as i32,
                })])
            }),
        )
    }

    fn proc_exit(&self, store: &mut Store, ty: FuncType) -> usize {
        let state = self.0.clone();
        store.host_func(
            ty,
            Rc::new(move |_: &mut Store, args: &[Val]| {
                let code = match args.first() {
                    Some(Val::I32(c)) => *c,
                    _ => 0,
                };
                state.borrow_mut().exit = Some(code);
                Err(Trap::host(format!("exit with status {code}")))
            }),
        )
    }

    /// The memory the calls use: the instance's exported `memory`.
    pub fn set_memory(&self, memory: Option<MemoryId>) {
        self.0.borrow_mut().memory = memory;
    }

    /// The status `proc_exit` was called with, if it was.
    pub fn exit_status(&self) -> Option<i32> {
        self.0.borrow().exit
    }

    /// Flushes the program's standard output (passed-through mode).
    pub fn flush(&self) {
        let _ = self.0.borrow_mut().flush();
    }

    /// What the program wrote to stdout and stderr (capture mode).
    pub fn take_output(&self) -> (Vec<u8>, Vec<u8>) {
        let mut st = self.0.borrow_mut();
        (
            std::mem::take(&mut st.out.stdout),
            std::mem::take(&mut st.out.stderr),
        )
    }
}

fn check_type(
    name: &str,
    ty: &FuncType,
    params: &[ValType],
    results: &[ValType],
) -> Result<(), String> {
    if ty.params == params && ty.results == results {
        Ok(())
    } else {
        let want = FuncType {
            params: params.to_vec(),
            results: results.to_vec(),
        };
        Err(format!(
            "incompatible import type for {MODULE}::{name}: the module wants {ty}, WASI has {want}"
        ))
    }
}
