//! The descriptor table of a WASI program and the sandbox of its paths.
//!
//! Descriptors 0–2 are the process's standard streams, then come the directories the user
//! pre-opened (`--dir`), then whatever the program opens. Every path a program names is
//! resolved under one of its directory descriptors and must stay inside the pre-opened
//! directory it came from: an absolute path, a `..` that climbs above the root, or a symbolic
//! link that leads outside is `ENOTCAPABLE`. (Checked by resolving the host path before the
//! host call; a program racing another process that swaps links under it is not defended
//! against.)

use std::collections::VecDeque;
use std::ffi::OsString;
use std::fs::File;
use std::path::{Component, Path, PathBuf};

use super::abi::{Errno, rights};

/// A standard stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stdio {
    In,
    Out,
    Err,
}

impl Stdio {
    pub fn raw(self) -> i32 {
        match self {
            Stdio::In => 0,
            Stdio::Out => 1,
            Stdio::Err => 2,
        }
    }
}

/// A directory descriptor: its host path and the root of the pre-opened directory it lies in
/// (both canonical).
#[derive(Debug, Clone)]
pub struct Dir {
    pub host: PathBuf,
    pub root: PathBuf,
    /// The name the program sees, for a pre-opened directory.
    pub preopen: Option<String>,
}

/// An open file.
#[derive(Debug)]
pub struct OpenFile {
    pub file: File,
    pub rights: u64,
    pub append: bool,
}

#[derive(Debug)]
pub enum Desc {
    Stdio(Stdio),
    Dir(Dir),
    File(OpenFile),
}

/// The descriptor table.
#[derive(Debug, Default)]
pub struct Fds {
    slots: Vec<Option<Desc>>,
}

impl Fds {
    pub fn new() -> Fds {
        Fds {
            slots: vec![
                Some(Desc::Stdio(Stdio::In)),
                Some(Desc::Stdio(Stdio::Out)),
                Some(Desc::Stdio(Stdio::Err)),
            ],
        }
    }

    /// Adds a descriptor at the lowest free number (as POSIX does).
    pub fn insert(&mut self, d: Desc) -> Result<u32, Errno> {
        let at = match self.slots.iter().position(Option::is_none) {
            Some(i) => i,
            None => {
                if self.slots.len() >= 1 << 16 {
                    return Err(Errno::Mfile);
                }
                self.slots.push(None);
                self.slots.len() - 1
            }
        };
        self.slots[at] = Some(d);
        Ok(at as u32)
    }

    pub fn get(&self, fd: u32) -> Result<&Desc, Errno> {
        self.slots
            .get(fd as usize)
            .and_then(Option::as_ref)
            .ok_or(Errno::Badf)
    }

    pub fn get_mut(&mut self, fd: u32) -> Result<&mut Desc, Errno> {
        self.slots
            .get_mut(fd as usize)
            .and_then(Option::as_mut)
            .ok_or(Errno::Badf)
    }

    pub fn dir(&self, fd: u32) -> Result<&Dir, Errno> {
        match self.get(fd)? {
            Desc::Dir(d) => Ok(d),
            _ => Err(Errno::Notdir),
        }
    }

    pub fn remove(&mut self, fd: u32) -> Result<Desc, Errno> {
        self.slots
            .get_mut(fd as usize)
            .and_then(Option::take)
            .ok_or(Errno::Badf)
    }

    /// Moves `from` to `to` (closing what was at `to`).
    pub fn renumber(&mut self, from: u32, to: u32) -> Result<(), Errno> {
        self.get(to)?;
        let d = self.remove(from)?;
        self.slots[to as usize] = Some(d);
        Ok(())
    }
}

/// The rights a descriptor reports and enforces.
pub fn rights_of(d: &Desc) -> (u64, u64) {
    match d {
        Desc::Stdio(s) => {
            let io = if *s == Stdio::In {
                rights::FD_READ
            } else {
                rights::FD_WRITE
            };
            // A terminal cannot seek: wasi-libc's `isatty` is "a character device without
            // seek and tell rights", which decides stdout's buffering.
            let seek = if is_tty(s.raw()) {
                0
            } else {
                rights::FD_SEEK | rights::FD_TELL
            };
            (
                io | seek
                    | rights::FD_FDSTAT_SET_FLAGS
                    | rights::FD_FILESTAT_GET
                    | rights::POLL_FD_READWRITE,
                0,
            )
        }
        Desc::Dir(_) => (rights::DIR, rights::DIR | rights::FILE),
        Desc::File(f) => (f.rights, 0),
    }
}

fn is_tty(fd: i32) -> bool {
    // SAFETY: isatty only inspects the descriptor number.
    unsafe { libc::isatty(fd) == 1 }
}

/// Resolves `path`, relative to directory `dir`, to a host path inside `dir`'s pre-opened
/// root, the way the kernel walks a path but one component at a time: `..` may not climb
/// above the root, and each symbolic link met on the way (the last component's only when
/// `follow`) is expanded in place, so it may not lead outside either. The last component
/// need not exist (a file being created); the ones before it must.
pub fn resolve(dir: &Dir, path: &str, follow: bool) -> Result<PathBuf, Errno> {
    /// As many links as Linux follows in one lookup.
    const MAX_LINKS: u32 = 40;
    if path.contains('\0') {
        return Err(Errno::Ilseq);
    }
    if path.is_empty() {
        return Err(Errno::Noent);
    }
    if path.starts_with('/') {
        return Err(Errno::Notcapable);
    }
    if !dir.host.starts_with(&dir.root) {
        return Err(Errno::Notcapable);
    }
    let mut cur = dir.host.clone();
    let mut queue: VecDeque<OsString> = components(Path::new(path));
    let mut links = 0;
    while let Some(name) = queue.pop_front() {
        if name == ".." {
            if cur == dir.root {
                return Err(Errno::Notcapable);
            }
            cur.pop();
            continue;
        }
        let next = cur.join(&name);
        let last = queue.is_empty();
        match std::fs::symlink_metadata(&next) {
            Ok(md) if md.file_type().is_symlink() && (follow || !last) => {
                links += 1;
                if links > MAX_LINKS {
                    return Err(Errno::Loop);
                }
                let target = std::fs::read_link(&next).map_err(Errno::from)?;
                let mut expanded = if target.is_absolute() {
                    // An absolute link is followed only where it stays under the root.
                    let rel = target
                        .strip_prefix(&dir.root)
                        .map_err(|_| Errno::Notcapable)?;
                    cur = dir.root.clone();
                    components(rel)
                } else {
                    components(&target)
                };
                expanded.extend(queue.drain(..));
                queue = expanded;
            }
            Ok(md) if !last && !md.is_dir() => return Err(Errno::Notdir),
            Err(e) if !last => return Err(e.into()),
            _ => cur = next,
        }
    }
    Ok(cur)
}

/// The names of a relative path (`.` dropped, `..` kept).
fn components(p: &Path) -> VecDeque<OsString> {
    p.components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_owned()),
            Component::ParentDir => Some(OsString::from("..")),
            _ => None,
        })
        .collect()
}
