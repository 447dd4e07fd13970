//! The numbers of WASI preview 1 (`wasi_snapshot_preview1`, the witx of the WASI repository):
//! errno values, file types, flags, rights, and the byte layouts of the structures the calls
//! read from and write to linear memory.

/// `errno`: what every call returns (0 = success).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u16)]
pub enum Errno {
    Success = 0,
    TooBig = 1,
    Acces = 2,
    Again = 6,
    Badf = 8,
    Busy = 10,
    Exist = 20,
    Fault = 21,
    Fbig = 22,
    Ilseq = 25,
    Intr = 27,
    Inval = 28,
    Io = 29,
    Isdir = 31,
    Loop = 32,
    Mfile = 33,
    Nametoolong = 37,
    Noent = 44,
    Nomem = 48,
    Nospc = 51,
    Nosys = 52,
    Notdir = 54,
    Notempty = 55,
    Notsup = 58,
    Overflow = 61,
    Perm = 63,
    Pipe = 64,
    Rofs = 69,
    Spipe = 70,
    Notcapable = 76,
}

impl From<std::io::Error> for Errno {
    fn from(e: std::io::Error) -> Errno {
        match e.raw_os_error() {
            Some(libc::EPERM) => Errno::Perm,
            Some(libc::ENOENT) => Errno::Noent,
            Some(libc::EINTR) => Errno::Intr,
            Some(libc::EIO) => Errno::Io,
            Some(libc::EBADF) => Errno::Badf,
            Some(libc::EAGAIN) => Errno::Again,
            Some(libc::ENOMEM) => Errno::Nomem,
            Some(libc::EACCES) => Errno::Acces,
            Some(libc::EFAULT) => Errno::Fault,
            Some(libc::EBUSY) => Errno::Busy,
            Some(libc::EEXIST) => Errno::Exist,
            Some(libc::ENOTDIR) => Errno::Notdir,
            Some(libc::EISDIR) => Errno::Isdir,
            Some(libc::EINVAL) => Errno::Inval,
            Some(libc::EMFILE) | Some(libc::ENFILE) => Errno::Mfile,
            Some(libc::EFBIG) => Errno::Fbig,
            Some(libc::ENOSPC) => Errno::Nospc,
            Some(libc::ESPIPE) => Errno::Spipe,
            Some(libc::EROFS) => Errno::Rofs,
            Some(libc::EPIPE) => Errno::Pipe,
            Some(libc::ENAMETOOLONG) => Errno::Nametoolong,
            Some(libc::ENOSYS) => Errno::Nosys,
            Some(libc::ENOTEMPTY) => Errno::Notempty,
            Some(libc::ELOOP) => Errno::Loop,
            Some(libc::EOVERFLOW) => Errno::Overflow,
            Some(libc::EILSEQ) => Errno::Ilseq,
            Some(libc::ENOTSUP) => Errno::Notsup,
            _ => match e.kind() {
                std::io::ErrorKind::NotFound => Errno::Noent,
                std::io::ErrorKind::PermissionDenied => Errno::Acces,
                std::io::ErrorKind::AlreadyExists => Errno::Exist,
                std::io::ErrorKind::InvalidInput => Errno::Inval,
                _ => Errno::Io,
            },
        }
    }
}

/// `filetype`.
pub mod filetype {
    pub const UNKNOWN: u8 = 0;
    pub const BLOCK_DEVICE: u8 = 1;
    pub const CHARACTER_DEVICE: u8 = 2;
    pub const DIRECTORY: u8 = 3;
    pub const REGULAR_FILE: u8 = 4;
    pub const SOCKET_STREAM: u8 = 6;
    pub const SYMBOLIC_LINK: u8 = 7;
}

/// `oflags` of `path_open`.
pub mod oflags {
    pub const CREAT: u16 = 1;
    pub const DIRECTORY: u16 = 2;
    pub const EXCL: u16 = 4;
    pub const TRUNC: u16 = 8;
}

/// `fdflags`.
pub mod fdflags {
    pub const APPEND: u16 = 1;
}

/// `whence` of `fd_seek`.
pub mod whence {
    pub const SET: u8 = 0;
    pub const CUR: u8 = 1;
    pub const END: u8 = 2;
}

/// `rights`: what a descriptor may be used for.
pub mod rights {
    pub const FD_DATASYNC: u64 = 1 << 0;
    pub const FD_READ: u64 = 1 << 1;
    pub const FD_SEEK: u64 = 1 << 2;
    pub const FD_FDSTAT_SET_FLAGS: u64 = 1 << 3;
    pub const FD_SYNC: u64 = 1 << 4;
    pub const FD_TELL: u64 = 1 << 5;
    pub const FD_WRITE: u64 = 1 << 6;
    pub const FD_ADVISE: u64 = 1 << 7;
    pub const FD_ALLOCATE: u64 = 1 << 8;
    pub const PATH_CREATE_DIRECTORY: u64 = 1 << 9;
    pub const PATH_CREATE_FILE: u64 = 1 << 10;
    pub const PATH_OPEN: u64 = 1 << 13;
    pub const FD_READDIR: u64 = 1 << 14;
    pub const PATH_FILESTAT_GET: u64 = 1 << 18;
    pub const FD_FILESTAT_GET: u64 = 1 << 21;
    pub const FD_FILESTAT_SET_SIZE: u64 = 1 << 22;
    pub const PATH_REMOVE_DIRECTORY: u64 = 1 << 25;
    pub const PATH_UNLINK_FILE: u64 = 1 << 26;
    pub const POLL_FD_READWRITE: u64 = 1 << 27;

    /// What a regular file may do (read and write bits are taken away by how it was opened).
    pub const FILE: u64 = FD_DATASYNC
        | FD_READ
        | FD_SEEK
        | FD_FDSTAT_SET_FLAGS
        | FD_SYNC
        | FD_TELL
        | FD_WRITE
        | FD_ADVISE
        | FD_ALLOCATE
        | FD_FILESTAT_GET
        | FD_FILESTAT_SET_SIZE
        | POLL_FD_READWRITE;
    /// What a directory may do, and hand down to what is opened under it.
    pub const DIR: u64 = FD_FDSTAT_SET_FLAGS
        | FD_SYNC
        | FD_ADVISE
        | PATH_CREATE_DIRECTORY
        | PATH_CREATE_FILE
        | PATH_OPEN
        | FD_READDIR
        | PATH_FILESTAT_GET
        | FD_FILESTAT_GET
        | PATH_REMOVE_DIRECTORY
        | PATH_UNLINK_FILE;
}

/// Clock ids of `clock_time_get`.
pub mod clock {
    pub const REALTIME: u32 = 0;
    pub const MONOTONIC: u32 = 1;
    pub const PROCESS_CPUTIME: u32 = 2;
    pub const THREAD_CPUTIME: u32 = 3;
}

/// Byte layouts (offsets and sizes) of the structures in linear memory.
pub mod layout {
    /// `iovec`/`ciovec`: `buf: u32` at 0, `buf_len: u32` at 4.
    pub const IOVEC: u32 = 8;
    /// `fdstat`: filetype u8 at 0, flags u16 at 2, rights base u64 at 8, inheriting at 16.
    pub const FDSTAT: u32 = 24;
    /// `filestat`: dev at 0, ino at 8, filetype u8 at 16, nlink at 24, size at 32, atim at
    /// 40, mtim at 48, ctim at 56.
    pub const FILESTAT: u32 = 64;
    /// `prestat`: tag u8 at 0 (0 = directory), name length u32 at 4.
    pub const PRESTAT: u32 = 8;
    /// `dirent`: next cookie at 0, ino at 8, name length u32 at 16, type u8 at 20; the name
    /// follows.
    pub const DIRENT: u32 = 24;
}
