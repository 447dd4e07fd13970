/*
 * wasm3-run: the wasm3 peer of kiln's Wasm benchmark (bench/wasm/run.py), built by
 * ci/wasm-peers.sh with aarch64-linux-gnu-gcc -O3 from this file and the wasm3 0.5.0 sources
 * of PyPI's pywasm3 sdist (which carries wasm3's core but not its WASI module, so the WASI
 * preview1 functions the benchmark's C programs use are implemented here, on POSIX calls).
 *
 *   wasm3-run [--compile-only] [--eager] [--dir HOST[::GUEST]]... MODULE --invoke NAME [ARGS...]
 *   wasm3-run [--compile-only] [--eager] [--dir HOST[::GUEST]]... MODULE [ARGV...]
 *
 * The first form calls the export NAME with ARGS and prints each result on its own line (as
 * `kiln run --invoke` does); the second runs the WASI command's `_start` with argv = [MODULE,
 * ARGV...] and the directories pre-opened (GUEST defaults to HOST). The program's output goes
 * to stdout/stderr unchanged; the last line on stderr is the harness's one-line JSON, the
 * same for every driver:
 *
 *   wasm-bench: {"engine": "wasm3", "compile_ms": .., "compile_cpu_ms": .., "run_cpu_ms": ..,
 *                "run_wall_ms": .., "clock": "thread", "exit": N}
 *
 * compile_ms: wall time from the bytes in memory to a runnable instance (parse, load, link,
 * start function); wasm3 compiles a function on its first call unless --eager
 * (m3_CompileModule). compile_cpu_ms is the process's CPU time meanwhile
 * (CLOCK_PROCESS_CPUTIME_ID), run_cpu_ms the calling thread's over the call
 * (CLOCK_THREAD_CPUTIME_ID).
 *
 * The WASI layer is for running trusted benchmark programs: paths are resolved with openat()
 * under the directory descriptor they name, and the only sandboxing is lexical (an absolute
 * path, or a `..` that climbs above the directory, is refused with ERRNO_NOTCAPABLE, as
 * other runtimes do; symbolic links are not checked).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "wasm3.h"

/* ---- timing ---- */

static double now_ns(clockid_t c)
{
    struct timespec ts;
    clock_gettime(c, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static void die(const char *what, const char *why)
{
    fprintf(stderr, "wasm3-run: %s%s%s\n", what, why ? ": " : "", why ? why : "");
    exit(1);
}

/* ---- WASI state ---- */

enum { MAX_FDS = 256 };
typedef struct {
    int used;
    int host;          /* host descriptor */
    int is_dir;
    const char *name;  /* pre-opened directories: the name the program sees */
} Fd;

static Fd fds[MAX_FDS];
static int wasi_argc;
static char **wasi_argv;
static int exit_code;

/* WASI errno values (wasi_snapshot_preview1). */
static uint16_t wasi_errno(int e)
{
    switch (e) {
    case 0: return 0;
    case E2BIG: return 1;
    case EACCES: return 2;
    case EAGAIN: return 6;
    case EBADF: return 8;
    case EBUSY: return 10;
    case EEXIST: return 20;
    case EFAULT: return 21;
    case EFBIG: return 22;
    case EINTR: return 27;
    case EINVAL: return 28;
    case EIO: return 29;
    case EISDIR: return 31;
    case ELOOP: return 32;
    case EMFILE: return 33;
    case ENAMETOOLONG: return 37;
    case ENFILE: return 41;
    case ENOENT: return 44;
    case ENOMEM: return 48;
    case ENOSPC: return 51;
    case ENOSYS: return 52;
    case ENOTDIR: return 54;
    case ENOTEMPTY: return 55;
    case ENOTSUP: return 58;
    case ENOTTY: return 59;
    case EPERM: return 63;
    case EPIPE: return 64;
    case ERANGE: return 68;
    case EROFS: return 69;
    case ESPIPE: return 70;
    case EXDEV: return 75;
    default: return 29; /* io */
    }
}
#define W_BADF 8
#define W_INVAL 28
#define W_NOTDIR 54
#define W_NOSYS 52
#define W_FAULT 21

static int fd_add(int host, int is_dir, const char *name)
{
    for (int i = 0; i < MAX_FDS; i++)
        if (!fds[i].used) {
            fds[i] = (Fd){1, host, is_dir, name};
            return i;
        }
    return -1;
}

static Fd *fd_get(uint32_t fd)
{
    return fd < MAX_FDS && fds[fd].used ? &fds[fd] : NULL;
}

static uint8_t filetype(mode_t m)
{
    if (S_ISREG(m)) return 4;
    if (S_ISDIR(m)) return 3;
    if (S_ISCHR(m)) return 2;
    if (S_ISBLK(m)) return 1;
    if (S_ISLNK(m)) return 7;
    if (S_ISSOCK(m)) return 6;
    return 0;
}

static uint64_t ts_ns(struct timespec t)
{
    return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

static void put_filestat(uint8_t *p, const struct stat *st)
{
    memset(p, 0, 64);
    uint64_t v;
    v = st->st_dev; memcpy(p + 0, &v, 8);
    v = st->st_ino; memcpy(p + 8, &v, 8);
    p[16] = filetype(st->st_mode);
    v = st->st_nlink; memcpy(p + 24, &v, 8);
    v = st->st_size; memcpy(p + 32, &v, 8);
    v = ts_ns(st->st_atim); memcpy(p + 40, &v, 8);
    v = ts_ns(st->st_mtim); memcpy(p + 48, &v, 8);
    v = ts_ns(st->st_ctim); memcpy(p + 56, &v, 8);
}

/* A guest memory range, checked against the memory size; NULL when out of bounds. */
#define MEM(off, len) (((uint64_t)(off) + (uint64_t)(len) <= m3_GetMemorySize(runtime)) ? (uint8_t *)_mem + (uint32_t)(off) : NULL)
#define RET(e) { *ret = (e); m3ApiSuccess(); }

/* A path argument as a NUL-terminated host string (static buffer). */
static char path_buf[4096];
static const char *guest_path(void *_mem, IM3Runtime runtime, uint32_t off, uint32_t len)
{
    if (len >= sizeof path_buf || (uint64_t)off + len > m3_GetMemorySize(runtime)) return NULL;
    memcpy(path_buf, (uint8_t *)_mem + off, len);
    path_buf[len] = 0;
    return path_buf;
}

/* Whether a relative guest path climbs above its directory (or is absolute): NOTCAPABLE. */
#define W_NOTCAPABLE 76
static int escapes(const char *path)
{
    if (path[0] == '/') return 1;
    int depth = 0;
    for (const char *p = path; *p;) {
        const char *e = strchr(p, '/');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == 2 && p[0] == '.' && p[1] == '.') {
            if (--depth < 0) return 1;
        } else if (!(n == 0 || (n == 1 && p[0] == '.'))) {
            depth++;
        }
        p += n;
        if (*p == '/') p++;
    }
    return 0;
}

/* ---- WASI functions ---- */

m3ApiRawFunction(w_args_sizes_get)
{
    m3ApiReturnType(uint32_t) uint32_t *ret = raw_return;
    m3ApiGetArg(uint32_t, pcount) m3ApiGetArg(uint32_t, psize)
    uint32_t size = 0;
    for (int i = 0; i < wasi_argc; i++) size += strlen(wasi_argv[i]) + 1;
    uint8_t *a = MEM(pcount, 4), *b = MEM(psize, 4);
    if (!a || !b) RET(W_FAULT);
    uint32_t c = wasi_argc;
    memcpy(a, &c, 4);
    memcpy(b, &size, 4);
    RET(0);
}

m3ApiRawFunction(w_args_get)
{
    m3ApiReturnType(uint32_t) uint32_t *ret = raw_return;
    m3ApiGetArg(uint32_t, pargv) m3ApiGetArg(uint32_t, pbuf)
    for (int i = 0; i < wasi_argc; i++) {
        uint32_t len = strlen(wasi_argv[i]) + 1;
        uint8_t *slot = MEM(pargv + 4 * i, 4), *dst = MEM(pbuf, len);
        if (!slot || !dst) RET(W_FAULT);
        memcpy(slot, &pbuf, 4);
        memcpy(dst, wasi_argv[i], len);
        pbuf += len;
    }
    RET(0);
}

m3ApiRawFunction(w_environ_sizes_get)
{
    m3ApiReturnType(uint32_t) uint32_t *ret = raw_return;
    m3ApiGetArg(uint32_t, pcount) m3ApiGetArg(uint32_t, psize)
    uint8_t *a = MEM(pcount, 4), *b = MEM(psize, 4);
    if (!a || !b) RET(W_FAULT);
    memset(a, 0, 4);
    memset(b, 0, 4);
    RET(0);
}

m3ApiRawFunction(w_environ_get)
{
    m3ApiReturnType(uint32_t) uint32_t *ret = raw_return;
    m3ApiGetArg(uint32_t, penv) m3ApiGetArg(uint32_t, pbuf)
    (void)penv; (void)pbuf; (void)_mem;
    RET(0);
}

static clockid_t host_clock(uint32_t id)
{
    switch (id) {
    case 0: return CLOCK_REALTIME;
    case 1: return CLOCK_MONOTONIC;
    case 2: return CLOCK_PROCESS_CPUTIME_ID;
    default: return CLOCK_THREAD_CPUTIME_ID;
    }
}

m3ApiRawFunction(w_clock_res_get)
{
    m3ApiReturnType(uint32_t) uint32_t *ret = raw_return;
    m3ApiGetArg(uint32_t, id) m3ApiGetArg(uint32_t, pres)
    struct timespec ts;
    if (id > 3) RET(W_INVAL);
    if (clock_getres(host_clock(id), &ts) != 0) RET(wasi_errno(errno));
    uint64_t v = ts_ns(ts);
    uint8_t *p = MEM(pres, 8);
    if (!p) RET(W_FAULT);
    memcpy(p, &v, 8);
    RET(0);
}

m3ApiRawFunction(w_clock_time_get)
{
    m3ApiReturnType(uint32_t) uint32_t *ret = raw_return;
    m3ApiGetArg(uint32_t, id) m3ApiGetArg(uint64_t, precision) m3ApiGetArg(uint32_t, ptime)
    (void)precision;
    struct timespec ts;
    if (id > 3) RET(W_INVAL);
    if (clock_gettime(host_clock(id), &ts) != 0) RET(wasi_errno(errno));
    uint64_t v = ts_ns(ts);
    uint8_t *p = MEM(ptime, 8);
    if (!p) RET(W_FAULT);
    memcpy(p, &v, 8);
    RET(0);
}

m3ApiRawFunction(w_random_get)
{
    m3ApiReturnType(uint32_t) uint32_t *ret = raw_return;
    m3ApiGetArg(uint32_t, pbuf) m3ApiGetArg(uint32_t, len)
    uint8_t *p = MEM(pbuf, len);
    if (!p) RET(W_FAULT);
    while (len > 0) {
        ssize_t n = getrandom(p, len, 0);
        if (n < 0) RET(wasi_errno(errno));
        p += n;
        len -= n;
    }
    RET(0);
}

m3ApiRawFunction(w_proc_exit)
{
    m3ApiGetArg(uint32_t, code)
    (void)_mem; (void)runtime;
    exit_code = (int)code;
    m3ApiTrap(m3Err_trapExit);
}

m3ApiRawFunction(w_sched_yield)
{
    m3ApiReturnType(uint32_t) uint32_t *ret = raw_return;
    (void)_mem;
    RET(0);
}

/* iovecs -> host iovec array (at most 64 entries). */
static int iovecs(IM3Runtime runtime, void *_mem, uint32_t piov, uint32_t n, struct iovec *out)
{
    if (n > 64) n = 64;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t base, len;
        uint8_t *e = MEM(piov + 8 * i, 8);
        if (!e) return -1;
        memcpy(&base, e, 4);
        memcpy(&len, e + 4, 4);
        uint8_t *b = MEM(base, len);
        if (!b) return -1;
        out[i].iov_base = b;
        out[i].iov_len = len;
    }
    return (int)n;
}

static const void *rw(IM3Runtime runtime, void *_mem, uint64_t *_sp, int write, int positioned)
{
    m3ApiReturnType(uint32_t) uint32_t *ret = raw_return;
    m3ApiGetArg(uint32_t, fd) m3ApiGetArg(uint32_t, piov) m3ApiGetArg(uint32_t, niov)
    uint64_t offset = 0;
    if (positioned) { m3ApiGetArg(uint64_t, off) offset = off; }
    m3ApiGetArg(uint32_t, pn)
    Fd *f = fd_get(fd);
    if (!f) RET(W_BADF);
    struct iovec iov[64];
    int n = iovecs(runtime, _mem, piov, niov, iov);
    uint8_t *pout = MEM(pn, 4);
    if (n < 0 || !pout) RET(W_FAULT);
    if (write && (fd == 1 || fd == 2)) fflush(fd == 1 ? stdout : stderr);
    ssize_t r = positioned ? (write ? pwritev(f->host, iov, n, offset) : preadv(f->host, iov, n, offset))
                           : (write ? writev(f->host, iov, n) : readv(f->host, iov, n));
    if (r < 0) RET(wasi_errno(errno));
    uint32_t c = (uint32_t)r;
    memcpy(pout, &c, 4);
    RET(0);
}

m3ApiRawFunction(w_fd_write) { (void)_ctx; return rw(runtime, _mem, _sp, 1, 0); }
m3ApiRawFunction(w_fd_read) { (void)_ctx; return rw(runtime, _mem, _sp, 0, 0); }
m3ApiRawFunction(w_fd_pwrite) { (void)_ctx; return rw(runtime, _mem, _sp, 1, 1); }
m3ApiRawFunction(w_fd_pread) { (void)_ctx; return rw(runtime, _mem, _sp, 0, 1); }

m3ApiRawFunction(w_fd_close)
{
    m3ApiReturnType(uint32_t) uint32_t *ret = raw_return;
    m3ApiGetArg(uint32_t, fd)
    (void)_mem;
    Fd *f = fd_get(fd);
    if (!f) RET(W_BADF);
    if (fd > 2) close(f->host);
    f->used = 0;
    RET(0);
}

m3ApiRawFunction(w_fd_seek)
{
    m3ApiReturnType(uint32_t) uint32_t *ret = raw_return;
    m3ApiGetArg(uint32_t, fd) m3ApiGetArg(int64_t, off) m3ApiGetArg(uint32_t, whence) m3ApiGetArg(uint32_t, pnew)
    Fd *f = fd_get(fd);
    if (!f) RET(W_BADF);
    if (whence > 2) RET(W_INVAL);
    uint8_t *p = MEM(pnew, 8);
    if (!p) RET(W_FAULT);
    off_t r = lseek(f->host, off, whence == 0 ? SEEK_SET : whence == 1 ? SEEK_CUR : SEEK_END);
    if (r < 0) RET(wasi_errno(errno));
    uint64_t v = (uint64_t)r;
    memcpy(p, &v, 8);
    RET(0);
}

m3ApiRawFunction(w_fd_tell)
{
    m3ApiReturnType(uint32_t) uint32_t *ret = raw_return;
    m3ApiGetArg(uint32_t, fd) m3ApiGetArg(uint32_t, pnew)
    Fd *f = fd_get(fd);
    if (!f) RET(W_BADF);
    uint8_t *p = MEM(pnew, 8);
    if (!p) RET(W_FAULT);
    off_t r = lseek(f->host, 0, SEEK_CUR);
    if (r < 0) RET(wasi_errno(errno));
    uint64_t v = (uint64_t)r;
    memcpy(p, &v, 8);
    RET(0);
}

m3ApiRawFunction(w_fd_fdstat_get)
{
    m3ApiReturnType(uint32_t) uint32_t *ret = raw_return;
    m3ApiGetArg(uint32_t, fd) m3ApiGetArg(uint32_t, pstat)
    Fd *f = fd_get(fd);
    if (!f) RET(W_BADF);
    uint8_t *p = MEM(pstat, 24);
    if (!p) RET(W_FAULT);
    struct stat st;
    if (fstat(f->host, &st) != 0) RET(wasi_errno(errno));
    memset(p, 0, 24);
    p[0] = filetype(st.st_mode);
    int fl = fcntl(f->host, F_GETFL);
    uint16_t flags = (fl >= 0 && (fl & O_APPEND)) ? 1 : 0;
    memcpy(p + 2, &flags, 2);
    uint64_t all = ~0ull;
    memcpy(p + 8, &all, 8);
    memcpy(p + 16, &all, 8);
    RET(0);
}

m3ApiRawFunction(w_fd_fdstat_set_flags)
{
    m3ApiReturnType(uint32_t) uint32_t *ret = raw_return;
    m3ApiGetArg(uint32_t, fd) m3ApiGetArg(uint32_t, flags)
    (void)_mem;
    Fd *f = fd_get(fd);
    if (!f) RET(W_BADF);
    int fl = fcntl(f->host, F_GETFL);
    fl = (flags & 1) ? (fl | O_APPEND) : (fl & ~O_APPEND);
    if (fcntl(f->host, F_SETFL, fl) != 0) RET(wasi_errno(errno));
    RET(0);
}

m3ApiRawFunction(w_fd_filestat_get)
{
    m3ApiReturnType(uint32_t) uint32_t *ret = raw_return;
    m3ApiGetArg(uint32_t, fd) m3ApiGetArg(uint32_t, pstat)
    Fd *f = fd_get(fd);
    if (!f) RET(W_BADF);
    uint8_t *p = MEM(pstat, 64);
    if (!p) RET(W_FAULT);
    struct stat st;
    if (fstat(f->host, &st) != 0) RET(wasi_errno(errno));
    put_filestat(p, &st);
    RET(0);
}

m3ApiRawFunction(w_fd_filestat_set_size)
{
    m3ApiReturnType(uint32_t) uint32_t *ret = raw_return;
    m3ApiGetArg(uint32_t, fd) m3ApiGetArg(uint64_t, size)
    (void)_mem;
    Fd *f = fd_get(fd);
    if (!f) RET(W_BADF);
    if (ftruncate(f->host, (off_t)size) != 0) RET(wasi_errno(errno));
    RET(0);
}

m3ApiRawFunction(w_fd_sync)
{
    m3ApiReturnType(uint32_t) uint32_t *ret = raw_return;
    m3ApiGetArg(uint32_t, fd)
    (void)_mem;
    Fd *f = fd_get(fd);
    if (!f) RET(W_BADF);
    RET(0);
}

m3ApiRawFunction(w_fd_advise)
{
    m3ApiReturnType(uint32_t) uint32_t *ret = raw_return;
    m3ApiGetArg(uint32_t, fd) m3ApiGetArg(uint64_t, off) m3ApiGetArg(uint64_t, len) m3ApiGetArg(uint32_t, advice)
    (void)_mem; (void)off; (void)len; (void)advice;
    if (!fd_get(fd)) RET(W_BADF);
    RET(0);
}

m3ApiRawFunction(w_fd_prestat_get)
{
    m3ApiReturnType(uint32_t) uint32_t *ret = raw_return;
    m3ApiGetArg(uint32_t, fd) m3ApiGetArg(uint32_t, pbuf)
    Fd *f = fd_get(fd);
    if (!f || !f->name) RET(W_BADF);
    uint8_t *p = MEM(pbuf, 8);
    if (!p) RET(W_FAULT);
    memset(p, 0, 8);
    uint32_t len = strlen(f->name);
    memcpy(p + 4, &len, 4);
    RET(0);
}

m3ApiRawFunction(w_fd_prestat_dir_name)
{
    m3ApiReturnType(uint32_t) uint32_t *ret = raw_return;
    m3ApiGetArg(uint32_t, fd) m3ApiGetArg(uint32_t, pbuf) m3ApiGetArg(uint32_t, len)
    Fd *f = fd_get(fd);
    if (!f || !f->name) RET(W_BADF);
    uint32_t n = strlen(f->name);
    if (len < n) RET(W_INVAL);
    uint8_t *p = MEM(pbuf, n);
    if (!p) RET(W_FAULT);
    memcpy(p, f->name, n);
    RET(0);
}

m3ApiRawFunction(w_fd_readdir)
{
    m3ApiReturnType(uint32_t) uint32_t *ret = raw_return;
    m3ApiGetArg(uint32_t, fd) m3ApiGetArg(uint32_t, pbuf) m3ApiGetArg(uint32_t, len)
    m3ApiGetArg(uint64_t, cookie) m3ApiGetArg(uint32_t, pused)
    Fd *f = fd_get(fd);
    if (!f) RET(W_BADF);
    if (!f->is_dir) RET(W_NOTDIR);
    uint8_t *buf = MEM(pbuf, len), *pu = MEM(pused, 4);
    if (!buf || !pu) RET(W_FAULT);
    int dup_fd = openat(f->host, ".", O_RDONLY | O_DIRECTORY);
    if (dup_fd < 0) RET(wasi_errno(errno));
    DIR *d = fdopendir(dup_fd);
    if (!d) { close(dup_fd); RET(wasi_errno(errno)); }
    uint32_t used = 0;
    uint64_t index = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && used < len) {
        index++;
        if (index <= cookie) continue;
        uint8_t ent[24];
        uint32_t namlen = strlen(e->d_name);
        uint64_t next = index, ino = e->d_ino;
        memcpy(ent, &next, 8);
        memcpy(ent + 8, &ino, 8);
        memcpy(ent + 16, &namlen, 4);
        memset(ent + 20, 0, 4);
        ent[20] = e->d_type == DT_DIR ? 3 : e->d_type == DT_REG ? 4 : e->d_type == DT_LNK ? 7
                : e->d_type == DT_CHR ? 2 : e->d_type == DT_BLK ? 1 : e->d_type == DT_SOCK ? 6 : 0;
        uint32_t n = len - used < 24 ? len - used : 24;
        memcpy(buf + used, ent, n);
        used += n;
        n = len - used < namlen ? len - used : namlen;
        memcpy(buf + used, e->d_name, n);
        used += n;
    }
    closedir(d);
    memcpy(pu, &used, 4);
    RET(0);
}

static Fd *dir_fd(uint32_t fd, uint32_t *err)
{
    Fd *f = fd_get(fd);
    *err = !f ? W_BADF : !f->is_dir ? W_NOTDIR : 0;
    return *err ? NULL : f;
}

m3ApiRawFunction(w_path_open)
{
    m3ApiReturnType(uint32_t) uint32_t *ret = raw_return;
    m3ApiGetArg(uint32_t, dirfd) m3ApiGetArg(uint32_t, lookup) m3ApiGetArg(uint32_t, ppath)
    m3ApiGetArg(uint32_t, plen) m3ApiGetArg(uint32_t, oflags) m3ApiGetArg(uint64_t, rights)
    m3ApiGetArg(uint64_t, inheriting) m3ApiGetArg(uint32_t, fdflags) m3ApiGetArg(uint32_t, pfd)
    (void)inheriting;
    uint32_t err;
    Fd *d = dir_fd(dirfd, &err);
    if (!d) RET(err);
    const char *path = guest_path(_mem, runtime, ppath, plen);
    uint8_t *pout = MEM(pfd, 4);
    if (!path || !pout) RET(W_FAULT);
    if (escapes(path)) RET(W_NOTCAPABLE);
    int rd = (rights & ((1ull << 1) | (1ull << 14))) != 0;  /* fd_read, fd_readdir */
    int wr = (rights & ((1ull << 6) | (1ull << 22) | (1ull << 4))) != 0; /* fd_write, set_size, fd_allocate */
    int fl = wr ? (rd ? O_RDWR : O_WRONLY) : O_RDONLY;
    if (oflags & 1) fl |= O_CREAT;
    if (oflags & 2) fl |= O_DIRECTORY;
    if (oflags & 4) fl |= O_EXCL;
    if (oflags & 8) fl |= O_TRUNC;
    if (fdflags & 1) fl |= O_APPEND;
    if (!(lookup & 1)) fl |= O_NOFOLLOW;
    int h = openat(d->host, path, fl | O_CLOEXEC, 0644);
    if (h < 0 && errno == EISDIR && (fl & O_ACCMODE) != O_RDONLY) {
        /* A directory asked for with write rights (wasi-libc asks for all rights). */
        h = openat(d->host, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    }
    if (h < 0) RET(wasi_errno(errno));
    struct stat st;
    fstat(h, &st);
    int fd = fd_add(h, S_ISDIR(st.st_mode), NULL);
    if (fd < 0) { close(h); RET(33); }
    uint32_t v = fd;
    memcpy(pout, &v, 4);
    RET(0);
}

m3ApiRawFunction(w_path_filestat_get)
{
    m3ApiReturnType(uint32_t) uint32_t *ret = raw_return;
    m3ApiGetArg(uint32_t, dirfd) m3ApiGetArg(uint32_t, lookup) m3ApiGetArg(uint32_t, ppath)
    m3ApiGetArg(uint32_t, plen) m3ApiGetArg(uint32_t, pstat)
    uint32_t err;
    Fd *d = dir_fd(dirfd, &err);
    if (!d) RET(err);
    const char *path = guest_path(_mem, runtime, ppath, plen);
    uint8_t *p = MEM(pstat, 64);
    if (!path || !p) RET(W_FAULT);
    if (escapes(path)) RET(W_NOTCAPABLE);
    struct stat st;
    if (fstatat(d->host, path, &st, (lookup & 1) ? 0 : AT_SYMLINK_NOFOLLOW) != 0) RET(wasi_errno(errno));
    put_filestat(p, &st);
    RET(0);
}

m3ApiRawFunction(w_path_create_directory)
{
    m3ApiReturnType(uint32_t) uint32_t *ret = raw_return;
    m3ApiGetArg(uint32_t, dirfd) m3ApiGetArg(uint32_t, ppath) m3ApiGetArg(uint32_t, plen)
    uint32_t err;
    Fd *d = dir_fd(dirfd, &err);
    if (!d) RET(err);
    const char *path = guest_path(_mem, runtime, ppath, plen);
    if (!path) RET(W_FAULT);
    if (escapes(path)) RET(W_NOTCAPABLE);
    if (mkdirat(d->host, path, 0755) != 0) RET(wasi_errno(errno));
    RET(0);
}

static const void *unlink_common(IM3Runtime runtime, void *_mem, uint64_t *_sp, int flags)
{
    m3ApiReturnType(uint32_t) uint32_t *ret = raw_return;
    m3ApiGetArg(uint32_t, dirfd) m3ApiGetArg(uint32_t, ppath) m3ApiGetArg(uint32_t, plen)
    uint32_t err;
    Fd *d = dir_fd(dirfd, &err);
    if (!d) RET(err);
    const char *path = guest_path(_mem, runtime, ppath, plen);
    if (!path) RET(W_FAULT);
    if (escapes(path)) RET(W_NOTCAPABLE);
    if (unlinkat(d->host, path, flags) != 0) RET(wasi_errno(errno));
    RET(0);
}

m3ApiRawFunction(w_path_unlink_file) { (void)_ctx; return unlink_common(runtime, _mem, _sp, 0); }
m3ApiRawFunction(w_path_remove_directory) { (void)_ctx; return unlink_common(runtime, _mem, _sp, AT_REMOVEDIR); }

m3ApiRawFunction(w_path_rename)
{
    m3ApiReturnType(uint32_t) uint32_t *ret = raw_return;
    m3ApiGetArg(uint32_t, fd1) m3ApiGetArg(uint32_t, p1) m3ApiGetArg(uint32_t, l1)
    m3ApiGetArg(uint32_t, fd2) m3ApiGetArg(uint32_t, p2) m3ApiGetArg(uint32_t, l2)
    uint32_t err;
    Fd *d1 = dir_fd(fd1, &err);
    if (!d1) RET(err);
    Fd *d2 = dir_fd(fd2, &err);
    if (!d2) RET(err);
    const char *a = guest_path(_mem, runtime, p1, l1);
    if (!a) RET(W_FAULT);
    if (escapes(a)) RET(W_NOTCAPABLE);
    char from[sizeof path_buf];
    strcpy(from, a);
    const char *b = guest_path(_mem, runtime, p2, l2);
    if (!b) RET(W_FAULT);
    if (escapes(b)) RET(W_NOTCAPABLE);
    if (renameat(d1->host, from, d2->host, b) != 0) RET(wasi_errno(errno));
    RET(0);
}

static M3Result link_wasi(IM3Module m)
{
    static const struct { const char *name, *sig; M3RawCall fn; } fns[] = {
        {"args_get", "i(ii)", w_args_get},
        {"args_sizes_get", "i(ii)", w_args_sizes_get},
        {"environ_get", "i(ii)", w_environ_get},
        {"environ_sizes_get", "i(ii)", w_environ_sizes_get},
        {"clock_res_get", "i(ii)", w_clock_res_get},
        {"clock_time_get", "i(iIi)", w_clock_time_get},
        {"random_get", "i(ii)", w_random_get},
        {"proc_exit", "v(i)", w_proc_exit},
        {"sched_yield", "i()", w_sched_yield},
        {"fd_write", "i(iiii)", w_fd_write},
        {"fd_read", "i(iiii)", w_fd_read},
        {"fd_pwrite", "i(iiiIi)", w_fd_pwrite},
        {"fd_pread", "i(iiiIi)", w_fd_pread},
        {"fd_close", "i(i)", w_fd_close},
        {"fd_seek", "i(iIii)", w_fd_seek},
        {"fd_tell", "i(ii)", w_fd_tell},
        {"fd_fdstat_get", "i(ii)", w_fd_fdstat_get},
        {"fd_fdstat_set_flags", "i(ii)", w_fd_fdstat_set_flags},
        {"fd_filestat_get", "i(ii)", w_fd_filestat_get},
        {"fd_filestat_set_size", "i(iI)", w_fd_filestat_set_size},
        {"fd_sync", "i(i)", w_fd_sync},
        {"fd_datasync", "i(i)", w_fd_sync},
        {"fd_advise", "i(iIIi)", w_fd_advise},
        {"fd_prestat_get", "i(ii)", w_fd_prestat_get},
        {"fd_prestat_dir_name", "i(iii)", w_fd_prestat_dir_name},
        {"fd_readdir", "i(iiiIi)", w_fd_readdir},
        {"path_open", "i(iiiiiIIii)", w_path_open},
        {"path_filestat_get", "i(iiiii)", w_path_filestat_get},
        {"path_create_directory", "i(iii)", w_path_create_directory},
        {"path_unlink_file", "i(iii)", w_path_unlink_file},
        {"path_remove_directory", "i(iii)", w_path_remove_directory},
        {"path_rename", "i(iiiiii)", w_path_rename},
    };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
        M3Result r = m3_LinkRawFunction(m, "wasi_snapshot_preview1", fns[i].name, fns[i].sig, fns[i].fn);
        if (r && r != m3Err_functionLookupFailed) return r;
    }
    return m3Err_none;
}

/* ---- main ---- */

static void print_result(IM3Function f)
{
    uint32_t n = m3_GetRetCount(f);
    uint64_t vals[8];
    const void *ptrs[8];
    if (n > 8) n = 8;
    for (uint32_t i = 0; i < n; i++) ptrs[i] = &vals[i];
    if (m3_GetResults(f, n, ptrs)) return;
    for (uint32_t i = 0; i < n; i++) {
        int32_t i32; int64_t i64; float f32; double f64;
        switch (m3_GetRetType(f, i)) {
        case c_m3Type_i32: memcpy(&i32, &vals[i], 4); printf("%d\n", i32); break;
        case c_m3Type_i64: memcpy(&i64, &vals[i], 8); printf("%lld\n", (long long)i64); break;
        case c_m3Type_f32: memcpy(&f32, &vals[i], 4); printf("%.9g\n", f32); break;
        case c_m3Type_f64: memcpy(&f64, &vals[i], 8); printf("%.17g\n", f64); break;
        default: printf("?\n");
        }
    }
}

int main(int argc, char **argv)
{
    int compile_only = 0, eager = 0, i = 1;
    fd_add(0, 0, NULL);
    fd_add(1, 0, NULL);
    fd_add(2, 0, NULL);
    for (; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
        if (!strcmp(argv[i], "--compile-only")) compile_only = 1;
        else if (!strcmp(argv[i], "--eager")) eager = 1;
        else if (!strcmp(argv[i], "--dir") && i + 1 < argc) {
            char *host = argv[++i], *guest = host, *sep = strstr(host, "::");
            if (sep) { *sep = 0; guest = sep + 2; }
            int h = open(host, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (h < 0) die("cannot open directory", host);
            fd_add(h, 1, guest);
        } else die("unknown option", argv[i]);
    }
    if (i >= argc) die("usage: wasm3-run [options] MODULE [--invoke NAME] [ARGS...]", NULL);
    const char *path = argv[i++];
    const char *invoke = NULL;
    if (i < argc && !strcmp(argv[i], "--invoke")) {
        if (i + 1 >= argc) die("--invoke needs a name", NULL);
        invoke = argv[i + 1];
        i += 2;
    }
    FILE *fp = fopen(path, "rb");
    if (!fp) die("cannot read", path);
    fseek(fp, 0, SEEK_END);
    long size = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    uint8_t *bytes = malloc(size);
    if (fread(bytes, 1, size, fp) != (size_t)size) die("cannot read", path);
    fclose(fp);
    if (invoke) {
        wasi_argc = 0;
    } else {
        wasi_argc = argc - i + 1;
        wasi_argv = malloc(sizeof(char *) * wasi_argc);
        wasi_argv[0] = (char *)path;
        for (int k = 1; k < wasi_argc; k++) wasi_argv[k] = argv[i + k - 1];
    }

    /* From the bytes in memory to a runnable instance. */
    double w0 = now_ns(CLOCK_MONOTONIC), c0 = now_ns(CLOCK_PROCESS_CPUTIME_ID);
    IM3Environment env = m3_NewEnvironment();
    IM3Runtime rt = m3_NewRuntime(env, 1024 * 1024, NULL);
    IM3Module mod;
    M3Result r = m3_ParseModule(env, &mod, bytes, (uint32_t)size);
    if (r) die("invalid module", r);
    if ((r = m3_LoadModule(rt, mod))) die("cannot load module", r);
    if ((r = link_wasi(mod))) die("cannot link WASI", r);
    if (eager && (r = m3_CompileModule(mod))) die("cannot compile module", r);
    if ((r = m3_RunStart(mod))) die("start function failed", r);
    IM3Function f;
    const char *name = invoke ? invoke : "_start";
    if ((r = m3_FindFunction(&f, rt, name))) die(name, r);
    double compile_wall = now_ns(CLOCK_MONOTONIC) - w0, compile_cpu = now_ns(CLOCK_PROCESS_CPUTIME_ID) - c0;

    double run_cpu = 0, run_wall = 0;
    if (!compile_only) {
        const char **args = (const char **)(invoke ? (const char **)argv + i : NULL);
        int nargs = invoke ? argc - i : 0;
        double w1 = now_ns(CLOCK_MONOTONIC), c1 = now_ns(CLOCK_THREAD_CPUTIME_ID);
        r = m3_CallArgv(f, nargs, args);
        run_cpu = now_ns(CLOCK_THREAD_CPUTIME_ID) - c1;
        run_wall = now_ns(CLOCK_MONOTONIC) - w1;
        if (r == m3Err_trapExit) {
            /* exit_code set by proc_exit */
        } else if (r) {
            M3ErrorInfo info;
            m3_GetErrorInfo(rt, &info);
            fflush(stdout);
            fprintf(stderr, "wasm3-run: '%s' failed: %s%s%s\n", name, r,
                    info.message && *info.message ? ": " : "", info.message ? info.message : "");
            exit_code = 1;
        } else if (invoke) {
            print_result(f);
        }
    }
    fflush(stdout);
    fprintf(stderr, "wasm-bench: {\"engine\": \"wasm3\", \"compile_ms\": %.3f, \"compile_cpu_ms\": %.3f, "
            "\"run_cpu_ms\": %.3f, \"run_wall_ms\": %.3f, \"clock\": \"thread\", \"exit\": %d}\n",
            compile_wall / 1e6, compile_cpu / 1e6, run_cpu / 1e6, run_wall / 1e6, exit_code);
    return exit_code;
}
