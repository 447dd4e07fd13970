//! Decoding and validation: a binary module (or a text one, through `wat`) becomes a
//! [`Module`], everything the compiler and the runtime need, with function bodies left as
//! byte ranges for the compiler to read once.
//!
//! Validation is wasmparser's, with the Wasm 2.0 feature set minus SIMD; an invalid or
//! malformed module is a [`ModuleError`] naming the byte offset and wasmparser's reason.

use std::fmt;
use std::ops::Range;

use wasmparser::{
    BinaryReader, DataKind, ElementItems, ElementKind, ExternalKind, FunctionBody, Name, Operator,
    Parser, Payload, TableInit, TypeRef, Validator, WasmFeatures,
};

use super::types::{FuncType, GlobalType, Limits, TableType, ValType};

/// Why a module could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleError {
    /// Byte offset in the binary (`None` for a text-format error, whose message has its line
    /// and column).
    pub offset: Option<usize>,
    pub message: String,
}

impl fmt::Display for ModuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.offset {
            Some(o) => write!(f, "{} (at byte offset {o:#x})", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ModuleError {}

impl From<wasmparser::BinaryReaderError> for ModuleError {
    fn from(e: wasmparser::BinaryReaderError) -> ModuleError {
        // wasmparser's bad-magic message ends with a multi-line dump of the bytes: the first
        // line says it.
        let message = e.message();
        let message = message.split(" - expected=").next().unwrap_or(message);
        ModuleError {
            offset: Some(e.offset() as usize),
            message: message.trim_end().to_string(),
        }
    }
}

/// The feature set kiln implements: WebAssembly 2.0 without SIMD.
pub fn features() -> WasmFeatures {
    WasmFeatures::WASM2.difference(WasmFeatures::SIMD)
}

/// A constant expression (initializers and segment offsets) as Wasm 2.0 allows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConstExpr {
    I32(i32),
    I64(i64),
    F32(u32),
    F64(u64),
    RefNull,
    RefFunc(u32),
    GlobalGet(u32),
}

impl ConstExpr {
    fn read(e: &wasmparser::ConstExpr<'_>) -> Result<ConstExpr, ModuleError> {
        let mut ops = e.get_operators_reader();
        let op = ops.read()?;
        let v = match op {
            Operator::I32Const { value } => ConstExpr::I32(value),
            Operator::I64Const { value } => ConstExpr::I64(value),
            Operator::F32Const { value } => ConstExpr::F32(value.bits()),
            Operator::F64Const { value } => ConstExpr::F64(value.bits()),
            Operator::RefNull { .. } => ConstExpr::RefNull,
            Operator::RefFunc { function_index } => ConstExpr::RefFunc(function_index),
            Operator::GlobalGet { global_index } => ConstExpr::GlobalGet(global_index),
            _ => {
                return Err(ModuleError {
                    offset: Some(ops.original_position() as usize),
                    message: "constant expression required".into(),
                });
            }
        };
        Ok(v)
    }
}

/// What an import provides.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportKind {
    Func(u32),
    Table(TableType),
    Memory(Limits),
    Global(GlobalType),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    pub module: String,
    pub name: String,
    pub kind: ImportKind,
}

/// Kind and index of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExternKind {
    Func,
    Table,
    Memory,
    Global,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    pub name: String,
    pub kind: ExternKind,
    pub index: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Global {
    pub ty: GlobalType,
    /// `None` for an imported global.
    pub init: Option<ConstExpr>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentMode {
    Passive,
    Active { index: u32, offset: ConstExpr },
    Declared,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ElemSegment {
    pub mode: SegmentMode,
    pub ty: ValType,
    pub items: Vec<ConstExpr>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DataSegment {
    pub mode: SegmentMode,
    /// Byte range of the data in the module's bytes.
    pub bytes: Range<usize>,
}

/// A defined function's body.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    /// Byte range of the body (locals and code) in the module's bytes.
    pub range: Range<usize>,
    /// Declared locals (after the parameters).
    pub locals: Vec<ValType>,
}

/// A decoded, validated module.
#[derive(Debug, Clone, Default)]
pub struct Module {
    pub bytes: Vec<u8>,
    pub types: Vec<FuncType>,
    pub imports: Vec<Import>,
    /// The type index of every function, imported ones first.
    pub funcs: Vec<u32>,
    pub imported_funcs: usize,
    pub tables: Vec<TableType>,
    pub imported_tables: usize,
    pub memories: Vec<Limits>,
    pub imported_memories: usize,
    pub globals: Vec<Global>,
    pub imported_globals: usize,
    pub exports: Vec<Export>,
    pub start: Option<u32>,
    pub elems: Vec<ElemSegment>,
    pub datas: Vec<DataSegment>,
    /// Bodies of the defined functions (function index − `imported_funcs`).
    pub bodies: Vec<Body>,
    /// Function names from the name section.
    pub names: Vec<(u32, String)>,
}

fn val(t: wasmparser::ValType, offset: u64) -> Result<ValType, ModuleError> {
    ValType::from_wasmparser(t).ok_or(ModuleError {
        offset: Some(offset as usize),
        message: format!("unsupported value type {t}"),
    })
}

fn limits(min: u64, max: Option<u64>) -> Limits {
    Limits { min, max }
}

impl Module {
    /// Decodes a text (`.wat`) or binary module: binary when the bytes start with the
    /// binary magic, or with a NUL byte, or are not UTF-8 (a damaged binary gets the binary
    /// decoder's error and offset); text otherwise.
    pub fn from_any(bytes: &[u8]) -> Result<Module, ModuleError> {
        if bytes.first() == Some(&0) || std::str::from_utf8(bytes).is_err() {
            return Module::from_binary(bytes);
        }
        let binary = wat::parse_bytes(bytes).map_err(|e| ModuleError {
            offset: None,
            message: e.to_string(),
        })?;
        Module::from_binary(&binary)
    }

    /// Validates and decodes a binary module.
    pub fn from_binary(bytes: &[u8]) -> Result<Module, ModuleError> {
        Validator::new_with_features(features()).validate_all(bytes)?;
        let mut m = Module {
            bytes: bytes.to_vec(),
            ..Module::default()
        };
        for payload in Parser::new(0).parse_all(bytes) {
            m.payload(payload?)?;
        }
        Ok(m)
    }

    fn payload(&mut self, payload: Payload<'_>) -> Result<(), ModuleError> {
        match payload {
            Payload::TypeSection(r) => {
                for group in r.into_iter_with_offsets() {
                    let (offset, group) = group?;
                    for sub in group.into_types() {
                        let f = sub.unwrap_func();
                        let params = f.params().iter().map(|&t| val(t, offset));
                        let results = f.results().iter().map(|&t| val(t, offset));
                        self.types.push(FuncType {
                            params: params.collect::<Result<_, _>>()?,
                            results: results.collect::<Result<_, _>>()?,
                        });
                    }
                }
            }
            Payload::ImportSection(r) => {
                for imp in r.into_imports_with_offsets() {
                    let (offset, imp) = imp?;
                    let kind = match imp.ty {
                        TypeRef::Func(t) => {
                            self.funcs.push(t);
                            self.imported_funcs += 1;
                            ImportKind::Func(t)
                        }
                        TypeRef::Table(t) => {
                            let t = table_type(t, offset)?;
                            self.tables.push(t);
                            self.imported_tables += 1;
                            ImportKind::Table(t)
                        }
                        TypeRef::Memory(t) => {
                            let l = limits(t.initial, t.maximum);
                            self.memories.push(l);
                            self.imported_memories += 1;
                            ImportKind::Memory(l)
                        }
                        TypeRef::Global(g) => {
                            let ty = GlobalType {
                                ty: val(g.content_type, offset)?,
                                mutable: g.mutable,
                            };
                            self.globals.push(Global { ty, init: None });
                            self.imported_globals += 1;
                            ImportKind::Global(ty)
                        }
                        _ => {
                            return Err(ModuleError {
                                offset: Some(offset as usize),
                                message: "unsupported import kind".into(),
                            });
                        }
                    };
                    self.imports.push(Import {
                        module: imp.module.to_string(),
                        name: imp.name.to_string(),
                        kind,
                    });
                }
            }
            Payload::FunctionSection(r) => {
                for t in r {
                    self.funcs.push(t?);
                }
            }
            Payload::TableSection(r) => {
                for t in r.into_iter_with_offsets() {
                    let (offset, t) = t?;
                    if !matches!(t.init, TableInit::RefNull) {
                        return Err(ModuleError {
                            offset: Some(offset as usize),
                            message: "table initializers are not part of Wasm 2.0".into(),
                        });
                    }
                    self.tables.push(table_type(t.ty, offset)?);
                }
            }
            Payload::MemorySection(r) => {
                for t in r {
                    let t = t?;
                    self.memories.push(limits(t.initial, t.maximum));
                }
            }
            Payload::GlobalSection(r) => {
                for g in r.into_iter_with_offsets() {
                    let (offset, g) = g?;
                    let ty = GlobalType {
                        ty: val(g.ty.content_type, offset)?,
                        mutable: g.ty.mutable,
                    };
                    let init = Some(ConstExpr::read(&g.init_expr)?);
                    self.globals.push(Global { ty, init });
                }
            }
            Payload::ExportSection(r) => {
                for e in r {
                    let e = e?;
                    let kind = match e.kind {
                        ExternalKind::Func => ExternKind::Func,
                        ExternalKind::Table => ExternKind::Table,
                        ExternalKind::Memory => ExternKind::Memory,
                        ExternalKind::Global => ExternKind::Global,
                        _ => continue,
                    };
                    self.exports.push(Export {
                        name: e.name.to_string(),
                        kind,
                        index: e.index,
                    });
                }
            }
            Payload::StartSection { func, .. } => self.start = Some(func),
            Payload::ElementSection(r) => {
                for e in r.into_iter_with_offsets() {
                    let (offset, e) = e?;
                    let mode = match e.kind {
                        ElementKind::Passive => SegmentMode::Passive,
                        ElementKind::Declared => SegmentMode::Declared,
                        ElementKind::Active {
                            table_index,
                            offset_expr,
                        } => SegmentMode::Active {
                            index: table_index.unwrap_or(0),
                            offset: ConstExpr::read(&offset_expr)?,
                        },
                    };
                    let (ty, items) = match e.items {
                        ElementItems::Functions(r) => {
                            let items = r
                                .into_iter()
                                .map(|f| f.map(ConstExpr::RefFunc))
                                .collect::<Result<Vec<_>, _>>()?;
                            (ValType::FuncRef, items)
                        }
                        ElementItems::Expressions(t, r) => {
                            let ty = val(wasmparser::ValType::Ref(t), offset)?;
                            let mut items = Vec::new();
                            for x in r {
                                items.push(ConstExpr::read(&x?)?);
                            }
                            (ty, items)
                        }
                    };
                    self.elems.push(ElemSegment { mode, ty, items });
                }
            }
            Payload::DataSection(r) => {
                for d in r {
                    let d = d?;
                    let mode = match d.kind {
                        DataKind::Passive => SegmentMode::Passive,
                        DataKind::Active {
                            memory_index,
                            offset_expr,
                        } => SegmentMode::Active {
                            index: memory_index,
                            offset: ConstExpr::read(&offset_expr)?,
                        },
                    };
                    let end = d.range.end as usize;
                    let start = end - d.data.len();
                    self.datas.push(DataSegment {
                        mode,
                        bytes: start..end,
                    });
                }
            }
            Payload::CodeSectionEntry(body) => self.body(body)?,
            Payload::CustomSection(c) => {
                if let wasmparser::KnownCustom::Name(names) = c.as_known() {
                    // The name section is optional: a malformed one is ignored, as the spec
                    // allows.
                    for n in names.into_iter().flatten() {
                        if let Name::Function(map) = n {
                            for naming in map.into_iter().flatten() {
                                self.names.push((naming.index, naming.name.to_string()));
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn body(&mut self, body: FunctionBody<'_>) -> Result<(), ModuleError> {
        let range = body.range();
        let mut locals = Vec::new();
        let mut reader = body.get_locals_reader()?;
        for _ in 0..reader.get_count() {
            let offset = reader.original_position();
            let (count, t) = reader.read()?;
            let t = val(t, offset)?;
            locals.extend(std::iter::repeat_n(t, count as usize));
        }
        self.bodies.push(Body {
            range: range.start as usize..range.end as usize,
            locals,
        });
        Ok(())
    }

    /// The body of defined function `index` (a function index, imports counted) as
    /// wasmparser reads it.
    pub fn function_body(&self, index: u32) -> FunctionBody<'_> {
        let b = &self.bodies[index as usize - self.imported_funcs];
        FunctionBody::new(BinaryReader::new(
            &self.bytes[b.range.clone()],
            b.range.start as u64,
        ))
    }

    /// The type of function `index`.
    pub fn func_type(&self, index: u32) -> &FuncType {
        &self.types[self.funcs[index as usize] as usize]
    }

    /// The name of function `index` from the name section, if it has one.
    pub fn func_name(&self, index: u32) -> Option<&str> {
        self.names
            .iter()
            .find(|(i, _)| *i == index)
            .map(|(_, n)| n.as_str())
    }

    /// Which function's body holds byte `offset`.
    pub fn func_at(&self, offset: usize) -> Option<u32> {
        self.bodies
            .iter()
            .position(|b| b.range.contains(&offset))
            .map(|i| (i + self.imported_funcs) as u32)
    }

    /// The export called `name`.
    pub fn export(&self, name: &str) -> Option<&Export> {
        self.exports.iter().find(|e| e.name == name)
    }
}

fn table_type(t: wasmparser::TableType, offset: u64) -> Result<TableType, ModuleError> {
    Ok(TableType {
        elem: val(wasmparser::ValType::Ref(t.element_type), offset)?,
        limits: limits(t.initial, t.maximum),
    })
}
