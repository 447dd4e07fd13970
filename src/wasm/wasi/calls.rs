//! The calls of WASI preview 1 that kiln implements, one function each, and the table that
//! names them with their Wasm parameter types. A call reads its arguments, works on the
//! program's descriptors and memory, and returns an errno; a call the table lacks is linked
//! to a stub that returns `ENOSYS` (see `mod.rs`). `proc_exit` is not here: it ends the run.

use std::fs::OpenOptions;
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};

use super::WasiState;
use super::abi::{Errno, clock, fdflags, filetype, layout, oflags, rights, whence};
use super::fds::{Desc, Dir, OpenFile, Stdio, resolve, rights_of};
use super::memory::GuestMem;
use crate::wasm::runtime::Val;

/// A call's implementation: state, memory, arguments (already type-checked by linking).
pub type Syscall = fn(&mut WasiState, &mut GuestMem, &[Val]) -> Result<(), Errno>;

/// `i`: an i32 parameter, `I`: an i64 parameter (every call returns one i32, the errno).
pub const CALLS: &[(&str, &str, Syscall)] = &[
    ("args_get", "ii", args_get),
    ("args_sizes_get", "ii", args_sizes_get),
    ("environ_get", "ii", environ_get),
    ("environ_sizes_get", "ii", environ_sizes_get),
    ("clock_res_get", "ii", clock_res_get),
    ("clock_time_get", "iIi", clock_time_get),
    ("fd_close", "i", fd_close),
    ("fd_datasync", "i", fd_sync),
    ("fd_sync", "i", fd_sync),
    ("fd_fdstat_get", "ii", fd_fdstat_get),
    ("fd_fdstat_set_flags", "ii", fd_fdstat_set_flags),
    ("fd_filestat_get", "ii", fd_filestat_get),
    ("fd_filestat_set_size", "iI", fd_filestat_set_size),
    ("fd_prestat_get", "ii", fd_prestat_get),
    ("fd_prestat_dir_name", "iii", fd_prestat_dir_name),
    ("fd_read", "iiii", fd_read),
    ("fd_pread", "iiiIi", fd_pread),
    ("fd_write", "iiii", fd_write),
    ("fd_pwrite", "iiiIi", fd_pwrite),
    ("fd_seek", "iIii", fd_seek),
    ("fd_tell", "ii", fd_tell),
    ("fd_readdir", "iiiIi", fd_readdir),
    ("fd_renumber", "ii", fd_renumber),
    ("path_open", "iiiiiIIii", path_open),
    ("path_filestat_get", "iiiii", path_filestat_get),
    ("path_create_directory", "iii", path_create_directory),
    ("path_remove_directory", "iii", path_remove_directory),
    ("path_unlink_file", "iii", path_unlink_file),
    ("path_rename", "iiiiii", path_rename),
    ("poll_oneoff", "iiii", poll_oneoff),
    ("random_get", "ii", random_get),
    ("sched_yield", "", sched_yield),
];

fn u32_at(a: &[Val], i: usize) -> u32 {
    match a[i] {
        Val::I32(x) => x as u32,
        _ => 0,
    }
}

fn u64_at(a: &[Val], i: usize) -> u64 {
    match a[i] {
        Val::I64(x) => x as u64,
        _ => 0,
    }
}

// Arguments and environment.

/// Writes a list of strings as C's `argv`/`environ`: pointers at `ptrs`, NUL-terminated
/// bytes from `buf`.
fn put_strings(m: &mut GuestMem, list: &[String], ptrs: u32, buf: u32) -> Result<(), Errno> {
    let mut at = buf;
    for (i, s) in list.iter().enumerate() {
        m.write_u32(ptrs + 4 * i as u32, at)?;
        m.write(at, s.as_bytes())?;
        m.write_u8(at + s.len() as u32, 0)?;
        at += s.len() as u32 + 1;
    }
    Ok(())
}

fn put_sizes(m: &mut GuestMem, list: &[String], count: u32, size: u32) -> Result<(), Errno> {
    m.write_u32(count, list.len() as u32)?;
    m.write_u32(size, list.iter().map(|s| s.len() as u32 + 1).sum())
}

fn args_get(st: &mut WasiState, m: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    put_strings(m, &st.args, u32_at(a, 0), u32_at(a, 1))
}

fn args_sizes_get(st: &mut WasiState, m: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    put_sizes(m, &st.args, u32_at(a, 0), u32_at(a, 1))
}

fn environ_get(st: &mut WasiState, m: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    put_strings(m, &st.env, u32_at(a, 0), u32_at(a, 1))
}

fn environ_sizes_get(st: &mut WasiState, m: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    put_sizes(m, &st.env, u32_at(a, 0), u32_at(a, 1))
}

// Clocks, randomness, scheduling.

fn host_clock(id: u32) -> Result<libc::clockid_t, Errno> {
    Ok(match id {
        clock::REALTIME => libc::CLOCK_REALTIME,
        clock::MONOTONIC => libc::CLOCK_MONOTONIC,
        clock::PROCESS_CPUTIME => libc::CLOCK_PROCESS_CPUTIME_ID,
        clock::THREAD_CPUTIME => libc::CLOCK_THREAD_CPUTIME_ID,
        _ => return Err(Errno::Inval),
    })
}

fn nanos(ts: libc::timespec) -> u64 {
    (ts.tv_sec as u64)
        .wrapping_mul(1_000_000_000)
        .wrapping_add(ts.tv_nsec as u64)
}

fn clock_read(id: u32, res: bool) -> Result<u64, Errno> {
    let c = host_clock(id)?;
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: both calls only write the timespec they are given.
    let rc = unsafe {
        if res {
            libc::clock_getres(c, &mut ts)
        } else {
            libc::clock_gettime(c, &mut ts)
        }
    };
    if rc != 0 {
        return Err(Errno::Inval);
    }
    Ok(nanos(ts))
}

fn clock_res_get(_: &mut WasiState, m: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    m.write_u64(u32_at(a, 1), clock_read(u32_at(a, 0), true)?)
}

fn clock_time_get(_: &mut WasiState, m: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    m.write_u64(u32_at(a, 2), clock_read(u32_at(a, 0), false)?)
}

fn random_get(_: &mut WasiState, m: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    let buf = m.bytes_mut(u32_at(a, 0), u32_at(a, 1))?;
    let mut done = 0;
    while done < buf.len() {
        let rest = &mut buf[done..];
        // SAFETY: getrandom writes at most `rest.len()` bytes into `rest`.
        let n = unsafe { libc::getrandom(rest.as_mut_ptr().cast(), rest.len(), 0) };
        if n < 0 {
            let e = std::io::Error::last_os_error();
            if e.raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            return Err(e.into());
        }
        done += n as usize;
    }
    Ok(())
}

fn sched_yield(_: &mut WasiState, _: &mut GuestMem, _: &[Val]) -> Result<(), Errno> {
    std::thread::yield_now();
    Ok(())
}

/// `poll_oneoff`: clock subscriptions sleep until the earliest deadline; descriptor
/// subscriptions are reported ready at once (reads and writes here block instead).
fn poll_oneoff(_: &mut WasiState, m: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    const SUB: u32 = 48;
    const EVENT: u32 = 32;
    let (subs, events, n, nevents) = (u32_at(a, 0), u32_at(a, 1), u32_at(a, 2), u32_at(a, 3));
    if n == 0 {
        return Err(Errno::Inval);
    }
    m.bytes(subs, n.checked_mul(SUB).ok_or(Errno::Fault)?)?;
    m.bytes(events, n.checked_mul(EVENT).ok_or(Errno::Fault)?)?;
    let read_u64 = |m: &GuestMem, p: u32| -> Result<u64, Errno> {
        Ok(m.read_u32(p)? as u64 | (m.read_u32(p + 4)? as u64) << 32)
    };
    // (userdata, tag, error, wait in ns for a clock)
    let mut subs_read = Vec::new();
    for i in 0..n {
        let s = subs + i * SUB;
        let userdata = read_u64(m, s)?;
        let tag = m.bytes(s + 8, 1)?[0];
        let (err, wait) = match tag {
            0 => {
                let id = m.read_u32(s + 16)?;
                let timeout = read_u64(m, s + 24)?;
                let abs = m.bytes(s + 40, 1)?[0] & 1 != 0;
                match clock_read(id, false) {
                    Ok(now) if abs => (Errno::Success, timeout.saturating_sub(now)),
                    Ok(_) => (Errno::Success, timeout),
                    Err(e) => (e, 0),
                }
            }
            1 | 2 => (Errno::Success, 0),
            _ => return Err(Errno::Inval),
        };
        subs_read.push((userdata, tag, err, wait));
    }
    let has_ready = subs_read.iter().any(|s| s.1 != 0 || s.2 != Errno::Success);
    let min_wait = subs_read
        .iter()
        .filter(|s| s.1 == 0 && s.2 == Errno::Success)
        .map(|s| s.3)
        .min();
    if let (false, Some(w)) = (has_ready, min_wait) {
        std::thread::sleep(std::time::Duration::from_nanos(w));
    }
    let mut count = 0;
    for &(userdata, tag, err, wait) in &subs_read {
        let fired = tag != 0 || err != Errno::Success || Some(wait) == min_wait && !has_ready;
        if !fired {
            continue;
        }
        let e = events + count * EVENT;
        m.bytes_mut(e, EVENT)?.fill(0);
        m.write_u64(e, userdata)?;
        m.write_u16(e + 8, err as u16)?;
        m.write_u8(e + 10, tag)?;
        count += 1;
    }
    m.write_u32(nevents, count)
}

// Descriptors.

fn fd_close(st: &mut WasiState, _: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    st.fds.remove(u32_at(a, 0)).map(drop)
}

fn fd_renumber(st: &mut WasiState, _: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    st.fds.renumber(u32_at(a, 0), u32_at(a, 1))
}

fn fd_sync(st: &mut WasiState, _: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    match st.fds.get(u32_at(a, 0))? {
        Desc::File(f) => f.file.sync_all().map_err(Errno::from),
        Desc::Stdio(_) => st.flush().map_err(Errno::from),
        Desc::Dir(_) => Ok(()),
    }
}

fn type_of(ft: std::fs::FileType) -> u8 {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_dir() {
        filetype::DIRECTORY
    } else if ft.is_file() {
        filetype::REGULAR_FILE
    } else if ft.is_symlink() {
        filetype::SYMBOLIC_LINK
    } else if ft.is_char_device() {
        filetype::CHARACTER_DEVICE
    } else if ft.is_block_device() {
        filetype::BLOCK_DEVICE
    } else if ft.is_socket() {
        filetype::SOCKET_STREAM
    } else {
        filetype::UNKNOWN
    }
}

/// The host metadata behind a descriptor.
fn metadata(d: &Desc) -> Result<std::fs::Metadata, Errno> {
    match d {
        Desc::File(f) => f.file.metadata().map_err(Errno::from),
        Desc::Dir(dir) => std::fs::metadata(&dir.host).map_err(Errno::from),
        Desc::Stdio(s) => std::fs::metadata(format!("/proc/self/fd/{}", s.raw()))
            .or_else(|_| std::fs::metadata("/dev/null"))
            .map_err(Errno::from),
    }
}

fn fd_fdstat_get(st: &mut WasiState, m: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    let d = st.fds.get(u32_at(a, 0))?;
    let ft = match d {
        Desc::Dir(_) => filetype::DIRECTORY,
        Desc::File(_) => filetype::REGULAR_FILE,
        Desc::Stdio(_) => type_of(metadata(d)?.file_type()),
    };
    let flags = match d {
        Desc::File(f) if f.append => fdflags::APPEND,
        _ => 0,
    };
    let (base, inheriting) = rights_of(d);
    let p = u32_at(a, 1);
    m.bytes_mut(p, layout::FDSTAT)?.fill(0);
    m.write_u8(p, ft)?;
    m.write_u16(p + 2, flags)?;
    m.write_u64(p + 8, base)?;
    m.write_u64(p + 16, inheriting)
}

fn fd_fdstat_set_flags(st: &mut WasiState, _: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    let flags = u32_at(a, 1) as u16;
    match st.fds.get_mut(u32_at(a, 0))? {
        Desc::File(f) if flags & !fdflags::APPEND == 0 => {
            f.append = flags & fdflags::APPEND != 0;
            Ok(())
        }
        _ if flags == 0 => Ok(()),
        _ => Err(Errno::Notsup),
    }
}

fn put_filestat(m: &mut GuestMem, p: u32, md: &std::fs::Metadata) -> Result<(), Errno> {
    let ns = |s: i64, n: i64| {
        (s as u64)
            .wrapping_mul(1_000_000_000)
            .wrapping_add(n as u64)
    };
    m.bytes_mut(p, layout::FILESTAT)?.fill(0);
    m.write_u64(p, md.dev())?;
    m.write_u64(p + 8, md.ino())?;
    m.write_u8(p + 16, type_of(md.file_type()))?;
    m.write_u64(p + 24, md.nlink())?;
    m.write_u64(p + 32, md.size())?;
    m.write_u64(p + 40, ns(md.atime(), md.atime_nsec()))?;
    m.write_u64(p + 48, ns(md.mtime(), md.mtime_nsec()))?;
    m.write_u64(p + 56, ns(md.ctime(), md.ctime_nsec()))
}

fn fd_filestat_get(st: &mut WasiState, m: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    let md = metadata(st.fds.get(u32_at(a, 0))?)?;
    put_filestat(m, u32_at(a, 1), &md)
}

fn fd_filestat_set_size(st: &mut WasiState, _: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    match st.fds.get(u32_at(a, 0))? {
        Desc::File(f) => f.file.set_len(u64_at(a, 1)).map_err(Errno::from),
        Desc::Dir(_) => Err(Errno::Isdir),
        Desc::Stdio(_) => Err(Errno::Inval),
    }
}

fn fd_prestat_get(st: &mut WasiState, m: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    match st.fds.get(u32_at(a, 0))? {
        Desc::Dir(Dir {
            preopen: Some(name),
            ..
        }) => {
            let p = u32_at(a, 1);
            m.bytes_mut(p, layout::PRESTAT)?.fill(0);
            m.write_u32(p + 4, name.len() as u32)
        }
        _ => Err(Errno::Badf),
    }
}

fn fd_prestat_dir_name(st: &mut WasiState, m: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    match st.fds.get(u32_at(a, 0))? {
        Desc::Dir(Dir {
            preopen: Some(name),
            ..
        }) => {
            if (u32_at(a, 2) as usize) < name.len() {
                return Err(Errno::Nametoolong);
            }
            m.write(u32_at(a, 1), name.as_bytes())
        }
        _ => Err(Errno::Badf),
    }
}

/// Reads into the iovecs from `src` until one comes back short.
fn read_into(
    m: &mut GuestMem,
    iovs: &[(u32, u32)],
    mut src: impl FnMut(&mut [u8]) -> std::io::Result<usize>,
) -> Result<u32, Errno> {
    let mut total = 0u32;
    for &(ptr, len) in iovs {
        let buf = m.bytes_mut(ptr, len)?;
        let n = loop {
            match src(buf) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                r => break r,
            }
        };
        let n = match n {
            Ok(n) => n,
            Err(_) if total > 0 => break,
            Err(e) => return Err(e.into()),
        };
        total += n as u32;
        if n < len as usize {
            break;
        }
    }
    Ok(total)
}

/// Writes the iovecs to `dst` (all of each, or up to the first failure).
fn write_from(
    m: &GuestMem,
    iovs: &[(u32, u32)],
    mut dst: impl FnMut(&[u8]) -> std::io::Result<()>,
) -> Result<u32, Errno> {
    let mut total = 0u32;
    for &(ptr, len) in iovs {
        let buf = m.bytes(ptr, len)?;
        match dst(buf) {
            Ok(()) => total += len,
            Err(_) if total > 0 => break,
            Err(e) => return Err(e.into()),
        }
    }
    Ok(total)
}

fn fd_read(st: &mut WasiState, m: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    let iovs = m.iovecs(u32_at(a, 1), u32_at(a, 2))?;
    let n = match st.fds.get_mut(u32_at(a, 0))? {
        Desc::Stdio(Stdio::In) => {
            let mut stdin = std::io::stdin().lock();
            read_into(m, &iovs, |b| stdin.read(b))?
        }
        Desc::Stdio(_) => return Err(Errno::Badf),
        Desc::Dir(_) => return Err(Errno::Isdir),
        Desc::File(f) => {
            if f.rights & rights::FD_READ == 0 {
                return Err(Errno::Badf);
            }
            read_into(m, &iovs, |b| f.file.read(b))?
        }
    };
    m.write_u32(u32_at(a, 3), n)
}

fn fd_pread(st: &mut WasiState, m: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    use std::os::unix::fs::FileExt;
    let iovs = m.iovecs(u32_at(a, 1), u32_at(a, 2))?;
    let mut at = u64_at(a, 3);
    let n = match st.fds.get(u32_at(a, 0))? {
        Desc::File(f) if f.rights & rights::FD_READ != 0 => read_into(m, &iovs, |b| {
            let n = f.file.read_at(b, at)?;
            at += n as u64;
            Ok(n)
        })?,
        Desc::Stdio(_) => return Err(Errno::Spipe),
        Desc::Dir(_) => return Err(Errno::Isdir),
        Desc::File(_) => return Err(Errno::Badf),
    };
    m.write_u32(u32_at(a, 4), n)
}

fn fd_write(st: &mut WasiState, m: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    let iovs = m.iovecs(u32_at(a, 1), u32_at(a, 2))?;
    let fd = u32_at(a, 0);
    let n = match st.fds.get_mut(fd)? {
        Desc::Stdio(Stdio::In) => return Err(Errno::Badf),
        Desc::Stdio(s) => {
            let s = *s;
            write_from(m, &iovs, |b| st.out.write(s, b))?
        }
        Desc::Dir(_) => return Err(Errno::Isdir),
        Desc::File(f) => {
            if f.rights & rights::FD_WRITE == 0 {
                return Err(Errno::Badf);
            }
            if f.append {
                f.file.seek(SeekFrom::End(0)).map_err(Errno::from)?;
            }
            write_from(m, &iovs, |b| f.file.write_all(b))?
        }
    };
    m.write_u32(u32_at(a, 3), n)
}

fn fd_pwrite(st: &mut WasiState, m: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    use std::os::unix::fs::FileExt;
    let iovs = m.iovecs(u32_at(a, 1), u32_at(a, 2))?;
    let mut at = u64_at(a, 3);
    let n = match st.fds.get(u32_at(a, 0))? {
        Desc::File(f) if f.rights & rights::FD_WRITE != 0 => write_from(m, &iovs, |b| {
            f.file.write_all_at(b, at)?;
            at += b.len() as u64;
            Ok(())
        })?,
        Desc::Stdio(_) => return Err(Errno::Spipe),
        Desc::Dir(_) => return Err(Errno::Isdir),
        Desc::File(_) => return Err(Errno::Badf),
    };
    m.write_u32(u32_at(a, 4), n)
}

fn seek(st: &mut WasiState, fd: u32, to: SeekFrom) -> Result<u64, Errno> {
    match st.fds.get_mut(fd)? {
        Desc::File(f) => f.file.seek(to).map_err(Errno::from),
        Desc::Dir(_) => Err(Errno::Isdir),
        Desc::Stdio(s) => {
            let (off, w) = match to {
                SeekFrom::Start(o) => (o as i64, libc::SEEK_SET),
                SeekFrom::Current(o) => (o, libc::SEEK_CUR),
                SeekFrom::End(o) => (o, libc::SEEK_END),
            };
            let raw = s.raw();
            st.flush().map_err(Errno::from)?;
            // SAFETY: lseek on one of the process's standard descriptors touches no memory.
            let r = unsafe { libc::lseek(raw, off, w) };
            if r < 0 {
                Err(std::io::Error::last_os_error().into())
            } else {
                Ok(r as u64)
            }
        }
    }
}

fn fd_seek(st: &mut WasiState, m: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    let off = u64_at(a, 1) as i64;
    let to = match u32_at(a, 2) as u8 {
        whence::SET if off >= 0 => SeekFrom::Start(off as u64),
        whence::SET => return Err(Errno::Inval),
        whence::CUR => SeekFrom::Current(off),
        whence::END => SeekFrom::End(off),
        _ => return Err(Errno::Inval),
    };
    let pos = seek(st, u32_at(a, 0), to)?;
    m.write_u64(u32_at(a, 3), pos)
}

fn fd_tell(st: &mut WasiState, m: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    let pos = seek(st, u32_at(a, 0), SeekFrom::Current(0))?;
    m.write_u64(u32_at(a, 1), pos)
}

/// `fd_readdir`: the entries `.`, `..`, then the directory's in name order (so a cookie,
/// the index of the next entry, stays valid between calls); the last entry may be cut off
/// at the end of the buffer, which tells the program to call again.
fn fd_readdir(st: &mut WasiState, m: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    let dir = st.fds.dir(u32_at(a, 0))?;
    let (buf, len, cookie) = (u32_at(a, 1), u32_at(a, 2), u64_at(a, 3));
    let mut entries: Vec<(Vec<u8>, u64, u8)> = Vec::new();
    let own = std::fs::metadata(&dir.host).map_err(Errno::from)?;
    entries.push((b".".to_vec(), own.ino(), filetype::DIRECTORY));
    entries.push((b"..".to_vec(), 0, filetype::DIRECTORY));
    let mut rest = Vec::new();
    for e in std::fs::read_dir(&dir.host).map_err(Errno::from)? {
        let e = e.map_err(Errno::from)?;
        use std::os::unix::ffi::OsStrExt;
        use std::os::unix::fs::DirEntryExt;
        let ft = e.file_type().map(type_of).unwrap_or(filetype::UNKNOWN);
        rest.push((e.file_name().as_bytes().to_vec(), e.ino(), ft));
    }
    rest.sort();
    entries.extend(rest);
    let mut out = Vec::new();
    for (i, (name, ino, ft)) in entries.iter().enumerate().skip(cookie as usize) {
        if out.len() >= len as usize {
            break;
        }
        let mut head = [0u8; layout::DIRENT as usize];
        head[0..8].copy_from_slice(&(i as u64 + 1).to_le_bytes());
        head[8..16].copy_from_slice(&ino.to_le_bytes());
        head[16..20].copy_from_slice(&(name.len() as u32).to_le_bytes());
        head[20] = *ft;
        out.extend_from_slice(&head);
        out.extend_from_slice(name);
    }
    out.truncate(len as usize);
    m.write(buf, &out)?;
    m.write_u32(u32_at(a, 4), out.len() as u32)
}

// Paths.

/// The host path of `path` under directory descriptor `fd`, inside its sandbox.
fn path_arg(
    st: &WasiState,
    m: &GuestMem,
    fd: u32,
    ptr: u32,
    len: u32,
    follow: bool,
) -> Result<(std::path::PathBuf, Dir), Errno> {
    let dir = st.fds.dir(fd)?.clone();
    let path = m.string(ptr, len)?;
    Ok((resolve(&dir, &path, follow)?, dir))
}

const SYMLINK_FOLLOW: u32 = 1;

fn path_open(st: &mut WasiState, m: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    let follow = u32_at(a, 1) & SYMLINK_FOLLOW != 0;
    let (host, dir) = path_arg(st, m, u32_at(a, 0), u32_at(a, 2), u32_at(a, 3), follow)?;
    let of = u32_at(a, 4) as u16;
    let base = u64_at(a, 5);
    let fdf = u32_at(a, 7) as u16;
    let read = base & (rights::FD_READ | rights::FD_READDIR) != 0;
    let write = base & (rights::FD_WRITE | rights::FD_ALLOCATE | rights::FD_FILESTAT_SET_SIZE) != 0
        || fdf & fdflags::APPEND != 0;
    let existing = std::fs::metadata(&host).ok();
    let is_dir = existing.as_ref().is_some_and(|md| md.is_dir());
    if of & oflags::DIRECTORY != 0 || (is_dir && of & oflags::CREAT == 0) {
        if existing.is_none() {
            return Err(Errno::Noent);
        }
        if !is_dir {
            return Err(Errno::Notdir);
        }
        if base & rights::FD_WRITE != 0 {
            return Err(Errno::Isdir);
        }
        let host = std::fs::canonicalize(&host).map_err(Errno::from)?;
        let fd = st.fds.insert(Desc::Dir(Dir {
            host,
            root: dir.root,
            preopen: None,
        }))?;
        return m.write_u32(u32_at(a, 8), fd);
    }
    let mut o = OpenOptions::new();
    let reads = read || !write;
    let writes = write || of & (oflags::CREAT | oflags::TRUNC) != 0;
    o.read(reads)
        .write(writes)
        .truncate(of & oflags::TRUNC != 0);
    if of & oflags::CREAT != 0 {
        if of & oflags::EXCL != 0 {
            o.create_new(true);
        } else {
            o.create(true);
        }
    }
    if !follow {
        o.custom_flags(libc::O_NOFOLLOW);
    }
    let file = o.open(&host).map_err(Errno::from)?;
    let mut granted = base & rights::FILE;
    if !reads {
        granted &= !rights::FD_READ;
    }
    if !writes {
        granted &= !rights::FD_WRITE;
    }
    let fd = st.fds.insert(Desc::File(OpenFile {
        file,
        rights: granted,
        append: fdf & fdflags::APPEND != 0,
    }))?;
    m.write_u32(u32_at(a, 8), fd)
}

fn path_filestat_get(st: &mut WasiState, m: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    let follow = u32_at(a, 1) & SYMLINK_FOLLOW != 0;
    let (host, _) = path_arg(st, m, u32_at(a, 0), u32_at(a, 2), u32_at(a, 3), follow)?;
    let md = if follow {
        std::fs::metadata(&host)
    } else {
        std::fs::symlink_metadata(&host)
    };
    put_filestat(m, u32_at(a, 4), &md.map_err(Errno::from)?)
}

fn path_create_directory(st: &mut WasiState, m: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    let (host, _) = path_arg(st, m, u32_at(a, 0), u32_at(a, 1), u32_at(a, 2), false)?;
    std::fs::create_dir(host).map_err(Errno::from)
}

fn path_remove_directory(st: &mut WasiState, m: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    let (host, dir) = path_arg(st, m, u32_at(a, 0), u32_at(a, 1), u32_at(a, 2), false)?;
    if host == dir.root {
        return Err(Errno::Notcapable);
    }
    std::fs::remove_dir(host).map_err(Errno::from)
}

fn path_unlink_file(st: &mut WasiState, m: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    let (host, _) = path_arg(st, m, u32_at(a, 0), u32_at(a, 1), u32_at(a, 2), false)?;
    if std::fs::symlink_metadata(&host).is_ok_and(|md| md.is_dir()) {
        return Err(Errno::Isdir);
    }
    std::fs::remove_file(host).map_err(Errno::from)
}

fn path_rename(st: &mut WasiState, m: &mut GuestMem, a: &[Val]) -> Result<(), Errno> {
    let (from, _) = path_arg(st, m, u32_at(a, 0), u32_at(a, 1), u32_at(a, 2), false)?;
    let (to, _) = path_arg(st, m, u32_at(a, 3), u32_at(a, 4), u32_at(a, 5), false)?;
    std::fs::rename(from, to).map_err(Errno::from)
}
