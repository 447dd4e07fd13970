//! ES module code (ECMA-262 16.2.1.6 Source Text Module Records): the module environment,
//! the import/export tables, and the two functions that run a module.
//!
//! Every top-level binding of a module lives in one *module environment*, a context the
//! runtime (`js::esm`) creates before any module of the graph runs, so other modules can
//! reach its slots: an exported binding is a slot. The code is compiled as two arrow-like
//! functions nested in a synthetic outer function whose only scope is that environment:
//!
//! - `init` (InitializeEnvironment): instantiates the hoisted function declarations (they
//!   are callable before the module body runs, e.g. in a cycle);
//! - `body`: an async arrow (strict, `this` undefined) running the statements; `await` at
//!   its top level is top-level await (ECMA-262 16.2.1.5.3: the module is then evaluated
//!   asynchronously, `ModuleCode::has_tla`).
//!
//! An import binding is not a copy: it reads the exporter's slot through a *binding cell*
//! (an internal object: exporter environment, slot, name) that the runtime fills at link
//! time; `LoadImport` reads through it, throwing a ReferenceError while the slot is in its
//! TDZ. A namespace import (`import * as ns`) is a const slot of this module's environment
//! holding the namespace object.

use oxc_ast::ast::*;
use oxc_span::GetSpan;

use super::scope::{BKind, BLoc, Binding, Decl, Scope, ScopeKind};
use super::{CResult, CompileError, Compiler, FnState, compile_program};
use crate::js::bytecode::{F_ARROW, F_ASYNC, F_NO_PROTOTYPE, F_STRICT, Op};
use crate::js::value::Value;
use crate::js::vm::Vm;

/// The name of the binding of `export default <expression>` and of anonymous default
/// functions and classes (ECMA-262 16.2.3).
pub const DEFAULT_BINDING: &str = "*default*";

/// Where an import lands in the importing module.
#[derive(Clone, Copy, Debug)]
pub enum ImportTarget {
    /// A binding cell (named imports), filled at link time.
    Cell(Value),
    /// A slot of the module environment (namespace imports).
    Slot(u16),
}

/// One ImportEntry: `name` None imports the namespace.
#[derive(Clone, Debug)]
pub struct ImportEntry {
    pub request: usize,
    pub name: Option<String>,
    pub target: ImportTarget,
}

/// A compiled module: its functions and its import/export tables (ECMA-262 Table 55).
#[derive(Clone, Debug, Default)]
pub struct ModuleCode {
    pub init: usize,
    pub body: usize,
    /// Slots of the module environment, and those that start in their TDZ.
    pub slots: usize,
    pub tdz_slots: Vec<u16>,
    /// Module specifiers, in source order, without duplicates.
    pub requests: Vec<String>,
    pub imports: Vec<ImportEntry>,
    /// (export name, slot).
    pub local_exports: Vec<(String, u16)>,
    /// (export name, request, import name; None = the namespace: `export * as x from`).
    pub indirect_exports: Vec<(String, usize, Option<String>)>,
    pub star_exports: Vec<usize>,
    pub has_tla: bool,
}

/// Compiles a module's code (`file` is its path, `url` its `import.meta.url`).
pub fn compile_es_module<'a>(
    vm: &mut Vm,
    program: &'a Program<'a>,
    src: &'a str,
    file: &str,
    url: &str,
) -> CResult<ModuleCode> {
    let mut out = ModuleCode::default();
    compile_program(vm, src, file, |c| {
        out = ModuleCode::default();
        c.import_cells.clear();
        c.import_meta_url = Some(url.to_string());
        let r = c.module_code(program, &mut out);
        c.fns.clear();
        r
    })?;
    Ok(out)
}

/// A top-level declaration of a module and the names it is exported as.
struct TopDecl<'a> {
    decl: Decl<'a>,
    exported_as: Vec<String>,
}

fn request_index(out: &mut ModuleCode, spec: &str) -> usize {
    match out.requests.iter().position(|r| r == spec) {
        Some(i) => i,
        None => {
            out.requests.push(spec.to_string());
            out.requests.len() - 1
        }
    }
}

fn export_name(n: &ModuleExportName<'_>) -> String {
    n.name().as_str().to_string()
}

impl<'a> Compiler<'a, '_> {
    fn module_code(&mut self, program: &'a Program<'a>, out: &mut ModuleCode) -> CResult<usize> {
        let mut decls: Vec<TopDecl<'a>> = Vec::new();
        // Import bindings: (local name, key, entry index), plus local export specifiers.
        let mut imports: Vec<(&'a str, u64, usize)> = Vec::new();
        let mut local_specs: Vec<(&'a str, String, u32)> = Vec::new();
        for s in &program.body {
            self.module_item_decls(s, out, &mut decls, &mut imports, &mut local_specs)?;
        }
        // The module environment: one slot per declared name (functions override vars).
        let mut bindings: Vec<Binding<'a>> = Vec::new();
        let mut slots = 0usize;
        for td in &decls {
            let d = &td.decl;
            let prev = bindings.iter().position(|b| b.name == d.name);
            let slot = match prev {
                Some(i) => {
                    // At a module's top level function declarations are lexical too.
                    let lexical = |k: BKind| {
                        matches!(k, BKind::Let | BKind::Const | BKind::Class | BKind::Func)
                    };
                    if lexical(bindings[i].kind) || lexical(d.kind) {
                        return Err(CompileError {
                            message: format!("Identifier '{}' has already been declared", d.name),
                            offset: d.key as u32,
                        });
                    }
                    if d.kind == BKind::Func {
                        bindings[i].kind = BKind::Func;
                    }
                    match bindings[i].loc {
                        BLoc::Ctx(s) => s,
                        _ => unreachable!("module bindings are slots"),
                    }
                }
                None => {
                    if slots >= u16::MAX as usize {
                        return Err(CompileError {
                            message: "too many top-level bindings in one module".into(),
                            offset: d.key as u32,
                        });
                    }
                    let s = slots as u16;
                    slots += 1;
                    bindings.push(Binding {
                        name: d.name,
                        loc: BLoc::Ctx(s),
                        kind: d.kind,
                        key: d.key,
                        decl_end: 0,
                    });
                    s
                }
            };
            for e in &td.exported_as {
                out.local_exports.push((e.clone(), slot));
            }
        }
        for (name, key, entry) in &imports {
            if bindings.iter().any(|b| b.name == *name) {
                return Err(CompileError {
                    message: format!("Identifier '{name}' has already been declared"),
                    offset: *key as u32,
                });
            }
            let loc = match out.imports[*entry].target {
                ImportTarget::Slot(_) => {
                    if slots >= u16::MAX as usize {
                        return Err(CompileError {
                            message: "too many top-level bindings in one module".into(),
                            offset: *key as u32,
                        });
                    }
                    let s = slots as u16;
                    slots += 1;
                    out.imports[*entry].target = ImportTarget::Slot(s);
                    BLoc::Ctx(s)
                }
                ImportTarget::Cell(_) => {
                    let cell = self.new_import_cell(name);
                    out.imports[*entry].target = ImportTarget::Cell(cell);
                    BLoc::Import((self.import_cells.len() - 1) as u16)
                }
            };
            bindings.push(Binding {
                name,
                loc,
                kind: BKind::Const,
                key: *key,
                decl_end: 0,
            });
        }
        // `export { local as name }`: a local binding, or re-exporting an import (a
        // namespace import too: ECMA-262 16.2.1.7.1 ParseModule step 10.b).
        for (local, exported, at) in local_specs {
            if let Some((_, _, entry)) = imports.iter().find(|(n, _, _)| *n == local) {
                let ie = &out.imports[*entry];
                out.indirect_exports
                    .push((exported, ie.request, ie.name.clone()));
            } else if let Some(b) = bindings.iter().find(|b| b.name == local) {
                if let BLoc::Ctx(s) = b.loc {
                    out.local_exports.push((exported, s));
                }
            } else {
                return Err(CompileError {
                    message: format!("Export '{local}' is not defined in module"),
                    offset: at,
                });
            }
        }
        out.tdz_slots = bindings
            .iter()
            .filter(|b| matches!(b.kind, BKind::Let | BKind::Const | BKind::Class))
            .filter_map(|b| match b.loc {
                BLoc::Ctx(s) => Some(s),
                _ => None,
            })
            .collect();
        out.slots = slots;
        let mut outer = FnState::new(u32::MAX - 1, false);
        outer.flags |= F_STRICT;
        outer.scopes.push(Scope {
            kind: ScopeKind::Block,
            bindings,
            has_ctx: true,
            ctx_slots: slots as u32,
            reg_mark: 0,
        });
        self.fns.push(outer);
        out.init = self.module_init_fn(program)?;
        let (body, has_tla) = self.module_body_fn(program)?;
        out.body = body;
        out.has_tla = has_tla;
        Ok(body)
    }

    /// A binding cell for the import bound to `name` (see the module comment).
    fn new_import_cell(&mut self, name: &str) -> Value {
        let cell = self
            .vm
            .new_object_with(crate::js::object::CLASS_ORDINARY, Value::NULL);
        let n = self.vm.new_str(name);
        self.vm.obj_mut(cell).aux = [Value::UNDEFINED, Value::int(0), n];
        self.import_cells.push(cell);
        cell
    }

    /// The declarations and import/export entries of one module item.
    fn module_item_decls(
        &mut self,
        s: &'a Statement<'a>,
        out: &mut ModuleCode,
        decls: &mut Vec<TopDecl<'a>>,
        imports: &mut Vec<(&'a str, u64, usize)>,
        local_specs: &mut Vec<(&'a str, String, u32)>,
    ) -> CResult<()> {
        let plain = |v: Vec<Decl<'a>>, decls: &mut Vec<TopDecl<'a>>, export: bool| {
            for d in v {
                let exported_as = if export {
                    vec![d.name.to_string()]
                } else {
                    Vec::new()
                };
                decls.push(TopDecl {
                    decl: d,
                    exported_as,
                });
            }
        };
        match s {
            Statement::ImportDeclaration(d) => {
                let req = request_index(out, d.source.value.as_str());
                for sp in d.specifiers.iter().flatten() {
                    let (local, name) = match sp {
                        ImportDeclarationSpecifier::ImportSpecifier(i) => {
                            (&i.local, Some(export_name(&i.imported)))
                        }
                        ImportDeclarationSpecifier::ImportDefaultSpecifier(i) => {
                            (&i.local, Some("default".to_string()))
                        }
                        ImportDeclarationSpecifier::ImportNamespaceSpecifier(i) => (&i.local, None),
                    };
                    let target = if name.is_some() {
                        ImportTarget::Cell(Value::UNDEFINED)
                    } else {
                        ImportTarget::Slot(0)
                    };
                    out.imports.push(ImportEntry {
                        request: req,
                        name,
                        target,
                    });
                    imports.push((
                        local.name.as_str(),
                        local.span.start as u64,
                        out.imports.len() - 1,
                    ));
                }
            }
            Statement::ExportDeclaration(e) => {
                let mut v = Vec::new();
                match &e.declaration {
                    Declaration::VariableDeclaration(d) => {
                        let kind = match d.kind {
                            VariableDeclarationKind::Var => BKind::Var,
                            VariableDeclarationKind::Const => BKind::Const,
                            _ => BKind::Let,
                        };
                        for decl in &d.declarations {
                            Self::pattern_names(&decl.id, kind, decl.span.end, &mut v);
                        }
                    }
                    Declaration::FunctionDeclaration(f) => {
                        if let Some(id) = &f.id {
                            v.push(Decl {
                                name: id.name.as_str(),
                                key: id.span.start as u64,
                                kind: BKind::Func,
                                decl_end: 0,
                            });
                        }
                    }
                    Declaration::ClassDeclaration(c) => {
                        if let Some(id) = &c.id {
                            v.push(Decl {
                                name: id.name.as_str(),
                                key: id.span.start as u64,
                                kind: BKind::Class,
                                decl_end: c.span.end,
                            });
                        }
                    }
                    _ => return self.err(e.span, "unsupported export declaration"),
                }
                plain(v, decls, true);
            }
            Statement::ExportNamedDeclaration(e) => {
                for sp in &e.specifiers {
                    local_specs.push((
                        match &sp.local {
                            ModuleExportName::IdentifierReference(r) => r.name.as_str(),
                            ModuleExportName::IdentifierName(r) => r.name.as_str(),
                            ModuleExportName::StringLiteral(l) => {
                                return self.err(l.span, "a string cannot name a local binding");
                            }
                        },
                        export_name(&sp.exported),
                        sp.span.start,
                    ));
                }
            }
            Statement::ExportFromDeclaration(e) => {
                let req = request_index(out, e.source.value.as_str());
                for sp in &e.specifiers {
                    out.indirect_exports.push((
                        export_name(&sp.exported),
                        req,
                        Some(export_name(&sp.local)),
                    ));
                }
            }
            Statement::ExportAllDeclaration(e) => {
                let req = request_index(out, e.source.value.as_str());
                match &e.exported {
                    Some(n) => out.indirect_exports.push((export_name(n), req, None)),
                    None => out.star_exports.push(req),
                }
            }
            Statement::ExportDefaultDeclaration(e) => {
                let (name, key, kind, end) = match &e.declaration {
                    ExportDefaultDeclarationKind::FunctionDeclaration(f) => match &f.id {
                        Some(id) => (id.name.as_str(), id.span.start, BKind::Func, 0),
                        None => (DEFAULT_BINDING, f.span.start, BKind::Func, 0),
                    },
                    ExportDefaultDeclarationKind::ClassDeclaration(c) => match &c.id {
                        Some(id) => (id.name.as_str(), id.span.start, BKind::Class, c.span.end),
                        None => (DEFAULT_BINDING, c.span.start, BKind::Class, c.span.end),
                    },
                    _ => (DEFAULT_BINDING, e.span.start, BKind::Let, e.span.end),
                };
                decls.push(TopDecl {
                    decl: Decl {
                        name,
                        key: key as u64,
                        kind,
                        decl_end: end,
                    },
                    exported_as: vec!["default".into()],
                });
            }
            other => {
                let mut v = Vec::new();
                Self::collect_vars(std::slice::from_ref(other), &mut v);
                Self::collect_lexical(std::slice::from_ref(other), &mut v);
                plain(v, decls, false);
            }
        }
        Ok(())
    }

    /// The function declarations of the module's top level, with their binding names.
    fn module_functions(program: &'a Program<'a>) -> Vec<(&'a Function<'a>, &'a str, &'a str)> {
        let mut v = Vec::new();
        for s in &program.body {
            match s {
                Statement::FunctionDeclaration(f) => {
                    if let Some(id) = &f.id {
                        v.push((&**f, id.name.as_str(), id.name.as_str()));
                    }
                }
                Statement::ExportDeclaration(e) => {
                    if let Declaration::FunctionDeclaration(f) = &e.declaration
                        && let Some(id) = &f.id
                    {
                        v.push((&**f, id.name.as_str(), id.name.as_str()));
                    }
                }
                Statement::ExportDefaultDeclaration(e) => {
                    if let ExportDefaultDeclarationKind::FunctionDeclaration(f) = &e.declaration {
                        match &f.id {
                            Some(id) => v.push((&**f, id.name.as_str(), id.name.as_str())),
                            None => v.push((&**f, DEFAULT_BINDING, "default")),
                        }
                    }
                }
                _ => {}
            }
        }
        v
    }

    /// `init`: creates the hoisted functions in their slots.
    fn module_init_fn(&mut self, program: &'a Program<'a>) -> CResult<usize> {
        let mut st = FnState::new(u32::MAX - 2, true);
        st.flags = F_ARROW | F_STRICT | F_NO_PROTOTYPE;
        self.fns.push(st);
        self.push_scope(ScopeKind::Function);
        for (f, binding, name) in Self::module_functions(program) {
            let m = self.reg_mark();
            let r = self.temp()?;
            self.function_expr(f, r, Some(name))?;
            self.store_var(binding, r, true)?;
            self.reg_release(m);
        }
        let r = self.temp()?;
        self.emit(Op::LoadUndefined, &[r as i64]);
        self.emit(Op::Return, &[r as i64]);
        self.pop_scope_silent();
        self.finish_fn("".into(), 0, 0, 0)
    }

    /// `body`: the module's statements as an async arrow; also whether it awaits at its
    /// top level.
    fn module_body_fn(&mut self, program: &'a Program<'a>) -> CResult<(usize, bool)> {
        let mut st = FnState::new(u32::MAX - 3, true);
        st.flags = F_ARROW | F_STRICT | F_NO_PROTOTYPE | F_ASYNC;
        self.fns.push(st);
        self.push_scope(ScopeKind::Function);
        let g = self.async_start()?;
        self.statements(&program.body)?;
        let t = self.temp()?;
        self.emit(Op::LoadUndefined, &[t as i64]);
        self.emit_final_return(t)?;
        self.async_end(g)?;
        self.pop_scope_silent();
        let has_tla = self.f().awaits;
        Ok((self.finish_fn("".into(), 0, 0, 0)?, has_tla))
    }

    /// A module item as a statement of the body (imports and re-exports do nothing there;
    /// declarations run like their unexported forms).
    pub(crate) fn module_statement(&mut self, s: &'a Statement<'a>) -> CResult<()> {
        match s {
            Statement::ImportDeclaration(_)
            | Statement::ExportNamedDeclaration(_)
            | Statement::ExportFromDeclaration(_)
            | Statement::ExportAllDeclaration(_) => Ok(()),
            Statement::ExportDeclaration(e) => match &e.declaration {
                Declaration::VariableDeclaration(d) => self.var_decl(d),
                Declaration::FunctionDeclaration(_) => Ok(()),
                Declaration::ClassDeclaration(c) => self.class_declaration(c, None),
                _ => self.err(e.span, "unsupported export declaration"),
            },
            Statement::ExportDefaultDeclaration(e) => match &e.declaration {
                ExportDefaultDeclarationKind::FunctionDeclaration(_) => Ok(()),
                ExportDefaultDeclarationKind::ClassDeclaration(c) => {
                    self.class_declaration(c, Some("default"))
                }
                ExportDefaultDeclarationKind::TSInterfaceDeclaration(t) => {
                    self.err(t.span, "unsupported export declaration")
                }
                other => {
                    let Some(x) = other.as_expression() else {
                        return self.err(e.span, "unsupported export default");
                    };
                    let m = self.reg_mark();
                    let t = self.temp()?;
                    self.expr_named(x, t, "default")?;
                    self.store_var(DEFAULT_BINDING, t, true)?;
                    self.reg_release(m);
                    Ok(())
                }
            },
            other => self.err(other.span(), "unsupported statement"),
        }
    }

    /// A class declaration (`name` for an anonymous default class).
    pub(crate) fn class_declaration(
        &mut self,
        c: &'a Class<'a>,
        name: Option<&str>,
    ) -> CResult<()> {
        let m = self.reg_mark();
        let t = self.temp()?;
        self.class_expr(c, t, name)?;
        match &c.id {
            Some(id) => self.store_var(id.name.as_str(), t, true)?,
            None if name.is_some() => self.store_var(DEFAULT_BINDING, t, true)?,
            None => {}
        }
        self.reg_release(m);
        Ok(())
    }

    /// `import.meta`: one object per module (ECMA-262 13.3.12.1), with node's `url`,
    /// `filename` and `dirname`.
    pub(crate) fn import_meta(&mut self, dst: u16, span: oxc_span::Span) -> CResult<()> {
        let Some(url) = self.import_meta_url.clone() else {
            return self.err(span, "Cannot use 'import.meta' outside a module");
        };
        let meta = match self.import_meta {
            Some(m) => m,
            None => {
                let m = self
                    .vm
                    .new_object_with(crate::js::object::CLASS_ORDINARY, Value::NULL);
                self.vm.roots.push(m);
                let path = url.strip_prefix("file://").unwrap_or(&url).to_string();
                let dir = std::path::Path::new(&path)
                    .parent()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                for (k, v) in [("dirname", dir), ("filename", path), ("url", url)] {
                    let s = self.vm.new_str(&v);
                    self.vm.put(m, k, s, crate::js::shape::DEFAULT);
                }
                self.vm.roots.pop();
                self.import_meta = Some(m);
                m
            }
        };
        let k = self.const_unique(meta);
        self.emit(Op::LoadConst, &[dst as i64, k]);
        Ok(())
    }

    /// `import(specifier[, options])`: a promise for the module's namespace.
    pub(crate) fn dynamic_import(&mut self, e: &'a ImportExpression<'a>, dst: u16) -> CResult<()> {
        let m = self.reg_mark();
        let s = self.temp()?;
        self.expr(&e.source, s)?;
        if let Some(o) = &e.options {
            let t = self.temp()?;
            self.expr(o, t)?;
        }
        self.mark_line(e.span.start);
        self.emit(Op::DynamicImport, &[dst as i64, s as i64]);
        self.reg_release(m);
        Ok(())
    }
}
