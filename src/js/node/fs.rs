//! The native half of kiln's `node:fs`: synchronous file-system calls on paths (strings
//! validated by `fs.js`), failing with node's error objects: `ENOENT: no such file or
//! directory, open 'x'` with `errno` (negative, as libuv reports it), `code`, `syscall` and
//! `path`.

use std::io::Write;

use crate::js::builtins::arg;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Thrown, Vm, realm};

/// libuv's name and message for an OS error number.
fn uv_error(errno: i32) -> (&'static str, &'static str) {
    match errno {
        libc::ENOENT => ("ENOENT", "no such file or directory"),
        libc::EISDIR => ("EISDIR", "illegal operation on a directory"),
        libc::ENOTDIR => ("ENOTDIR", "not a directory"),
        libc::EEXIST => ("EEXIST", "file already exists"),
        libc::EACCES => ("EACCES", "permission denied"),
        libc::EPERM => ("EPERM", "operation not permitted"),
        libc::ENOTEMPTY => ("ENOTEMPTY", "directory not empty"),
        libc::EROFS => ("EROFS", "read-only file system"),
        libc::ENAMETOOLONG => ("ENAMETOOLONG", "name too long"),
        libc::ELOOP => ("ELOOP", "too many symbolic links encountered"),
        libc::EBUSY => ("EBUSY", "resource busy or locked"),
        libc::ENOSPC => ("ENOSPC", "no space left on device"),
        libc::EINVAL => ("EINVAL", "invalid argument"),
        _ => ("EIO", "i/o error"),
    }
}

/// Throws node's error for a failed `syscall` (on `path`, when node names it).
fn throw_fs(vm: &mut Vm, e: &std::io::Error, syscall: &str, path: Option<&str>) -> Thrown {
    let errno = e.raw_os_error().unwrap_or(libc::EIO);
    let (code, desc) = uv_error(errno);
    let msg = match path {
        Some(p) => format!("{code}: {desc}, {syscall} '{p}'"),
        None => format!("{code}: {desc}, {syscall}"),
    };
    let err = vm.make_error(realm::ERROR_PROTO, &msg);
    vm.roots.push(err);
    vm.put(err, "errno", Value::int(-errno), shape::DEFAULT);
    let c = vm.new_str(code);
    vm.put(err, "code", c, shape::DEFAULT);
    let s = vm.new_str(syscall);
    vm.put(err, "syscall", s, shape::DEFAULT);
    if let Some(p) = path {
        let pv = vm.new_str(p);
        vm.put(err, "path", pv, shape::DEFAULT);
    }
    vm.roots.pop();
    vm.throw_value(err)
}

fn path_arg(vm: &mut Vm, a: &CallArgs) -> JsResult<String> {
    vm.to_rust_string(arg(vm, a, 0))
}

/// `readFile(path)`: an ArrayBuffer of the file's bytes.
fn read_file(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let p = path_arg(vm, a)?;
    let mut f = std::fs::File::open(&p).map_err(|e| throw_fs(vm, &e, "open", Some(&p)))?;
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut f, &mut bytes).map_err(|e| throw_fs(vm, &e, "read", None))?;
    vm.buffer_from_bytes(&bytes)
}

/// `writeFile(path, uint8view, append)`.
fn write_file(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let p = path_arg(vm, a)?;
    let append = vm.truthy(arg(vm, a, 2));
    let f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .append(append)
        .truncate(!append)
        .open(&p);
    let mut f = f.map_err(|e| throw_fs(vm, &e, "open", Some(&p)))?;
    let r = f.write_all(vm.view_bytes(arg(vm, a, 1)));
    r.map_err(|e| throw_fs(vm, &e, "write", None))?;
    Ok(Value::UNDEFINED)
}

fn exists(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let p = path_arg(vm, a)?;
    Ok(Value::bool(std::fs::metadata(p).is_ok()))
}

/// `readdir(path)`: the entry names sorted by bytes (libuv's scandir sorts with strcmp).
fn readdir(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let p = path_arg(vm, a)?;
    let rd = std::fs::read_dir(&p).map_err(|e| throw_fs(vm, &e, "scandir", Some(&p)))?;
    let mut names: Vec<String> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let base = vm.roots.len();
    for n in &names {
        let s = vm.new_str(n);
        vm.roots.push(s);
    }
    let items: Vec<Value> = vm.roots[base..].to_vec();
    let arr = vm.new_array_from(&items);
    vm.roots.truncate(base);
    Ok(arr)
}

/// Runs `op` on the path argument: undefined, or node's error for `syscall`.
fn path_op(
    vm: &mut Vm,
    a: &CallArgs,
    syscall: &str,
    op: fn(&str) -> std::io::Result<()>,
) -> JsResult<Value> {
    let p = path_arg(vm, a)?;
    op(&p).map_err(|e| throw_fs(vm, &e, syscall, Some(&p)))?;
    Ok(Value::UNDEFINED)
}

/// `mkdir(path)`: one directory (the recursive form is in `fs.js`).
fn mkdir(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    path_op(vm, a, "mkdir", |p| std::fs::create_dir(p))
}

fn unlink(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    path_op(vm, a, "unlink", |p| std::fs::remove_file(p))
}

fn rmdir(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    path_op(vm, a, "rmdir", |p| std::fs::remove_dir(p))
}

/// `stat(path, lstat)`: `[kind, size, mode, mtimeMs]`, kind 1 file, 2 directory, 3 symlink,
/// 0 other.
fn stat(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    use std::os::unix::fs::MetadataExt;
    let p = path_arg(vm, a)?;
    let l = vm.truthy(arg(vm, a, 1));
    let m = if l {
        std::fs::symlink_metadata(&p)
    } else {
        std::fs::metadata(&p)
    };
    let name = if l { "lstat" } else { "stat" };
    let m = m.map_err(|e| throw_fs(vm, &e, name, Some(&p)))?;
    let ft = m.file_type();
    let kind = if ft.is_symlink() {
        3
    } else if ft.is_file() {
        1
    } else if ft.is_dir() {
        2
    } else {
        0
    };
    let mtime = m.mtime() as f64 * 1000.0 + (m.mtime_nsec() / 1_000_000) as f64;
    let vals = [
        Value::int(kind),
        Value::number(m.size() as f64),
        Value::number(f64::from(m.mode())),
        Value::number(mtime),
    ];
    Ok(vm.new_array_from(&vals))
}

pub fn install(vm: &mut Vm, b: Value) {
    vm.method(b, "readFile", read_file, 1);
    vm.method(b, "writeFile", write_file, 3);
    vm.method(b, "exists", exists, 1);
    vm.method(b, "readdir", readdir, 1);
    vm.method(b, "mkdir", mkdir, 1);
    vm.method(b, "unlink", unlink, 1);
    vm.method(b, "rmdir", rmdir, 1);
    vm.method(b, "stat", stat, 2);
}
