//! Where REPL lines come from: a terminal, through `rustyline` (editing, history), or a
//! pipe, read as plain lines with no echo (node's `-i` with piped input: prompts and results
//! only). Both run the session's pending work between lines: its microtasks and due timers.

use std::io::Read as _;
use std::os::fd::AsFd;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use rustyline::error::ReadlineError;
use rustyline::{Config, DefaultEditor};

use crate::js::repl::{Session, Status};

/// One read.
pub enum Read {
    Line(String),
    /// End of input (Ctrl+D on a terminal).
    Eof,
    /// Ctrl+C.
    Interrupt,
    /// The program called `process.exit` from pending work.
    Exit(i32),
}

/// The line source.
pub enum Lines {
    Terminal(Box<Terminal>),
    Piped(Piped),
}

impl Lines {
    /// A terminal line editor (falling back to plain reading if the terminal cannot be
    /// set up) or a plain reader of standard input.
    pub fn open(terminal: bool) -> Lines {
        if terminal && let Some(t) = Terminal::open() {
            return Lines::Terminal(Box::new(t));
        }
        Lines::Piped(Piped::default())
    }

    /// Runs the session's pending work and reads the next line after `prompt`.
    pub fn read(&mut self, prompt: &str, session: &mut Session) -> Read {
        match self {
            Lines::Terminal(t) => t.read(prompt, session),
            Lines::Piped(p) => p.read(prompt, session),
        }
    }
}

/// Line editing on a terminal.
pub struct Terminal {
    editor: DefaultEditor,
    history: Option<PathBuf>,
}

/// node keeps 1000 lines of history.
const HISTORY_SIZE: usize = 1000;

impl Terminal {
    fn open() -> Option<Terminal> {
        let config = Config::builder()
            .max_history_size(HISTORY_SIZE)
            .ok()?
            .auto_add_history(false)
            .build();
        let mut editor = DefaultEditor::with_config(config).ok()?;
        let history = history_file();
        if let Some(h) = &history {
            let _ = editor.load_history(h);
        }
        Some(Terminal { editor, history })
    }

    fn read(&mut self, prompt: &str, session: &mut Session) -> Read {
        for work in [Session::drain, Session::run_due_timers] {
            if let (Status::Exit(code), _) = work(session) {
                return Read::Exit(code);
            }
        }
        match self.editor.readline(prompt) {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let _ = self.editor.add_history_entry(line.as_str());
                    if let Some(h) = &self.history {
                        let _ = self.editor.save_history(h);
                    }
                }
                Read::Line(line)
            }
            Err(ReadlineError::Interrupted) => Read::Interrupt,
            Err(_) => Read::Eof,
        }
    }
}

/// The history file: `KILN_REPL_HISTORY` if set (empty: none), else `~/.kiln_repl_history`
/// (as node's `NODE_REPL_HISTORY` and `~/.node_repl_history`).
fn history_file() -> Option<PathBuf> {
    match std::env::var_os("KILN_REPL_HISTORY") {
        Some(p) if p.is_empty() => None,
        Some(p) => Some(PathBuf::from(p)),
        None => std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".kiln_repl_history")),
    }
}

/// Plain lines from a pipe (or file): bytes that are not UTF-8 read as U+FFFD.
#[derive(Default)]
pub struct Piped {
    pending: Vec<u8>,
    eof: bool,
}

impl Piped {
    fn read(&mut self, prompt: &str, session: &mut Session) -> Read {
        session.print(prompt);
        match session.drain() {
            (Status::Exit(code), _) => return Read::Exit(code),
            (_, true) => session.print(prompt),
            _ => {}
        }
        loop {
            // Timers due by now (or within the 1 ms minimum delay of `setTimeout(f, 0)`) run
            // before the next line, however soon it arrived, so a transcript's order does
            // not depend on how fast its lines come.
            if let Some(due) = session.next_timer()
                && due <= Instant::now() + Duration::from_millis(1)
            {
                std::thread::sleep(due.saturating_duration_since(Instant::now()));
                match session.run_due_timers() {
                    (Status::Exit(code), _) => return Read::Exit(code),
                    (_, true) => session.print(prompt),
                    _ => {}
                }
                continue;
            }
            if let Some(n) = self.pending.iter().position(|&b| b == b'\n') {
                let line: Vec<u8> = self.pending.drain(..=n).collect();
                return Read::Line(text(&line[..n]));
            }
            if self.eof {
                if self.pending.is_empty() {
                    return Read::Eof;
                }
                let line = std::mem::take(&mut self.pending);
                return Read::Line(text(&line));
            }
            if let Some(due) = session.next_timer()
                && !stdin_ready_by(due)
            {
                match session.run_due_timers() {
                    (Status::Exit(code), _) => return Read::Exit(code),
                    (_, true) => session.print(prompt),
                    _ => {}
                }
                continue;
            }
            let mut buf = vec![0u8; 1 << 16];
            match std::io::stdin().lock().read(&mut buf) {
                Ok(0) | Err(_) => self.eof = true,
                Ok(n) => self.pending.extend_from_slice(&buf[..n]),
            }
        }
    }
}

/// A line's text without its carriage return.
fn text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
    String::from_utf8_lossy(bytes).into_owned()
}

/// Waits until standard input has data or `due`; whether it has data. (Reads of 64 KiB
/// bypass `Stdin`'s buffer, so no data waits there unseen.)
fn stdin_ready_by(due: Instant) -> bool {
    let wait = due.saturating_duration_since(Instant::now());
    let timeout = PollTimeout::try_from(wait).unwrap_or(PollTimeout::MAX);
    let stdin = std::io::stdin();
    let mut fds = [PollFd::new(stdin.as_fd(), PollFlags::POLLIN)];
    match poll(&mut fds, timeout) {
        Ok(n) => n > 0,
        // Interrupted or failed: read (blocking) rather than spin.
        Err(_) => true,
    }
}
