//! WASI preview 1 through `kiln run`: the C programs of `tests/wasi/` (built for wasm32-wasi
//! by `tests/wasi/build.sh`, expected outputs from native builds committed beside them) with
//! their output checked byte for byte on every back end this build runs; and small text
//! modules that call WASI directly, for what a C program cannot show: the path sandbox (every
//! way out of a pre-opened directory is `ENOTCAPABLE`), unimplemented calls (`ENOSYS`), bad
//! pointers (`EFAULT`), and `proc_exit`'s status.

use std::path::{Path, PathBuf};
use std::process::Command;

use kiln::jit::backend;
use pretty_assertions::assert_eq;

#[path = "support/kiln_bin.rs"]
mod kiln_bin;
use kiln_bin::kiln_command;

fn wasi_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/wasi")
}

/// No ISA option (the default back end), then `--jit-isa` for every other back end this
/// build runs.
fn isa_options() -> Vec<Vec<String>> {
    let mut v = vec![vec![]];
    for be in backend::available().iter().skip(1) {
        v.push(vec!["--jit-isa".to_string(), be.isa.name().to_string()]);
    }
    v
}

/// One program of `programs.tsv`.
struct Program {
    name: String,
    args: Vec<String>,
    dir: Option<String>,
}

fn programs() -> Vec<Program> {
    let list = std::fs::read_to_string(wasi_dir().join("programs.tsv")).expect("programs.tsv");
    list.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert!(cols.len() >= 4, "programs.tsv: bad line {l:?}");
            Program {
                name: cols[0].to_string(),
                args: cols[1].split_whitespace().map(str::to_string).collect(),
                dir: (cols[3] != "-").then(|| cols[3].to_string()),
            }
        })
        .collect()
}

/// Builds the programs (only what changed) with the wasm32-wasi toolchain `ci/setup.sh`
/// installs; the folder of the `.wasm` files.
fn build_programs() -> PathBuf {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("wasi");
    let status = Command::new("bash")
        .arg(wasi_dir().join("build.sh"))
        .arg(&out)
        .status()
        .expect("bash runs tests/wasi/build.sh");
    assert!(status.success(), "tests/wasi/build.sh failed (see above)");
    out
}

#[test]
fn c_programs() {
    let wasm = build_programs();
    for isa in isa_options() {
        let (mut expected, mut actual) = (Vec::new(), Vec::new());
        for p in programs() {
            let mut cmd = kiln_command();
            cmd.current_dir(wasi_dir()).arg("run").args(&isa);
            if let Some(d) = &p.dir {
                cmd.args(["--dir", d]);
            }
            cmd.arg(wasm.join(format!("{}.wasm", p.name))).args(&p.args);
            let label = format!("{} {} {}", isa.join(" "), p.name, p.args.join(" "));
            let out = cmd.output().expect("kiln runs");
            let want = std::fs::read(wasi_dir().join(format!("expected/{}.out", p.name)))
                .expect("expected output");
            expected.push(format!(
                "{label}\nstatus 0\n{}",
                String::from_utf8_lossy(&want)
            ));
            actual.push(format!(
                "{label}\nstatus {}{}\n{}",
                out.status.code().unwrap_or(-1),
                if out.stderr.is_empty() {
                    String::new()
                } else {
                    format!(" stderr {:?}", String::from_utf8_lossy(&out.stderr))
                },
                String::from_utf8_lossy(&out.stdout)
            ));
        }
        assert_eq!(expected, actual);
    }
}

/// A module calling WASI directly: `open(ptr, len)` is `path_open` of the path at `ptr` under
/// the first pre-opened directory (descriptor 3), returning the errno.
const CALLS_WAT: &str = r#"(module
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_raise" (func $proc_raise (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "sock_accept" (func $sock_accept (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  PATHS
  ;; The errno of opening the path for reading, following symbolic links (as open(2) does).
  (func (export "open") (param $p i32) (param $len i32) (result i32)
    (call $path_open (i32.const 3) (i32.const 1) (local.get $p) (local.get $len)
      (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 16)))
  ;; Opens, then reads the file's first 4 bytes: its first byte as a number.
  (func (export "first_byte") (param $p i32) (param $len i32) (result i32)
    (local $e i32)
    (local.set $e (call $path_open (i32.const 3) (i32.const 1) (local.get $p) (local.get $len)
      (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 16)))
    (if (local.get $e) (then (return (i32.sub (i32.const 0) (local.get $e)))))
    (i32.store (i32.const 24) (i32.const 32))
    (i32.store (i32.const 28) (i32.const 4))
    (local.set $e (call $fd_read (i32.load (i32.const 16)) (i32.const 24) (i32.const 1) (i32.const 20)))
    (if (local.get $e) (then (return (i32.sub (i32.const 0) (local.get $e)))))
    (i32.load8_u (i32.const 32)))
  (func (export "raise") (result i32) (call $proc_raise (i32.const 6)))
  (func (export "accept") (result i32) (call $sock_accept (i32.const 3) (i32.const 0) (i32.const 0)))
  (func (export "exit") (param i32) (call $proc_exit (local.get 0)) (unreachable)))
"#;

/// Paths tried under the pre-opened directory, and the errno WASI must give.
const PATHS: &[(&str, i32)] = &[
    ("inside.txt", 0),
    ("./sub/../inside.txt", 0),
    ("link_in", 0),
    ("sub/link_up/inside.txt", 0),
    ("missing.txt", 44),                // ENOENT
    ("../outside.txt", 76),             // ENOTCAPABLE: `..` above the root
    ("sub/../../outside.txt", 76),      // the same, through a folder
    ("/etc/passwd", 76),                // an absolute path
    ("link_out", 76),                   // a relative link to a file outside
    ("link_abs", 76),                   // an absolute link to a file outside
    ("link_root/outside.txt", 76),      // a link to a folder outside, then a file in it
    ("sub/link_up/../outside.txt", 76), // a link inside, then `..` out
];

/// root/{inside.txt, sub/, links}, with outside.txt beside root.
fn sandbox(tmp: &Path) -> PathBuf {
    let root = tmp.join("root");
    let _ = std::fs::remove_dir_all(tmp);
    std::fs::create_dir_all(root.join("sub")).unwrap();
    std::fs::write(root.join("inside.txt"), "in").unwrap();
    std::fs::write(tmp.join("outside.txt"), "out").unwrap();
    let link = |to: &Path, at: &str| std::os::unix::fs::symlink(to, root.join(at)).unwrap();
    link(Path::new("inside.txt"), "link_in");
    link(Path::new(".."), "sub/link_up");
    link(Path::new("../outside.txt"), "link_out");
    link(&tmp.join("outside.txt"), "link_abs");
    link(tmp, "link_root");
    std::fs::write(tmp.join("calls.wat"), calls_wat()).unwrap();
    root
}

fn calls_wat() -> String {
    let mut data = String::new();
    for (i, (p, _)) in PATHS.iter().enumerate() {
        data.push_str(&format!(
            "(data (i32.const {}) \"{p}\")\n  ",
            1000 + 100 * i
        ));
    }
    CALLS_WAT.replace("PATHS", &data)
}

fn run_calls(isa: &[String], tmp: &Path, root: &Path, invoke: &[String]) -> (String, String, i32) {
    let out = kiln_command()
        .arg("run")
        .args(isa)
        .arg("--dir")
        .arg(root)
        .arg(tmp.join("calls.wat"))
        .arg("--invoke")
        .args(invoke)
        .output()
        .expect("kiln runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn sandbox_unimplemented_calls_and_exit() {
    let tmp = std::env::temp_dir().join(format!("kiln-wasi-{}", std::process::id()));
    let root = sandbox(&tmp);
    for isa in isa_options() {
        let (mut expected, mut actual) = (Vec::new(), Vec::new());
        let mut case = |invoke: Vec<String>, want: (String, &str, i32)| {
            let label = format!("{} --invoke {}", isa.join(" "), invoke.join(" "));
            let got = run_calls(&isa, &tmp, &root, &invoke);
            expected.push(format!("{label}: {want:?}"));
            actual.push(format!("{label}: {:?}", (got.0, got.1.as_str(), got.2)));
        };
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        for (i, (p, errno)) in PATHS.iter().enumerate() {
            let (at, len) = ((1000 + 100 * i).to_string(), p.len().to_string());
            case(s(&["open", &at, &len]), (format!("{errno}\n"), "", 0));
        }
        // What opened is what was meant: "in" starts with 'i' (105).
        case(s(&["first_byte", "1000", "10"]), ("105\n".into(), "", 0));
        case(s(&["first_byte", "1200", "7"]), ("105\n".into(), "", 0));
        // A path past the end of memory.
        case(s(&["open", "65530", "10"]), ("21\n".into(), "", 0)); // EFAULT
        // Calls kiln does not implement answer ENOSYS.
        case(s(&["raise"]), ("52\n".into(), "", 0));
        case(s(&["accept"]), ("52\n".into(), "", 0));
        // proc_exit: its status is kiln's, with nothing printed.
        case(s(&["exit", "42"]), (String::new(), "", 42));
        case(s(&["exit", "0"]), (String::new(), "", 0));
        assert_eq!(expected, actual);
    }
    // A directory that does not exist is the user's error, before anything runs.
    let out = kiln_command()
        .args(["run", "--dir"])
        .arg(tmp.join("nowhere"))
        .arg(tmp.join("calls.wat"))
        .args(["--invoke", "raise"])
        .output()
        .expect("kiln runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("kiln: --dir ") && err.contains("nowhere: No such file or directory"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&tmp);
}
