//! `kiln` with no arguments (or `-i`): a read-eval-print loop as node's. Lines come from a
//! terminal, edited with `rustyline` (history in `~/.kiln_repl_history`, or the file
//! `KILN_REPL_HISTORY` names; empty turns it off), or from a pipe, read plainly; they
//! collect until they parse as a whole input ([`crate::js::repl::input`]), which a
//! [`Session`] evaluates. Commands: `.exit`, `.help`, `.break`, `.clear`.
//!
//! Between inputs the session runs its microtasks (output after the prompt on a pipe, as
//! node's), and the timers that are due: on a pipe while it waits for the next line too, on
//! a terminal when a line has been entered.

mod lines;

use crate::engine::Engine;
use crate::js::Options;
use crate::js::repl::input::{Parsed, classify};
use crate::js::repl::{Session, Status};
use lines::{Lines, Read};

/// node's `.help` text for the commands kiln has.
const HELP: &str = "\
.break    Sometimes you get stuck, this gets you out
.clear    Alias for .break
.exit     Exit the REPL
.help     Print this help message

Press Ctrl+C to abort current expression, Ctrl+D to exit the REPL
";

/// What Ctrl+C once says.
const CTRL_C: &str = "(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n";

/// Runs the REPL on standard input and output; `terminal`: stdin is a terminal (line
/// editing, history). Returns the exit status. Runs on a thread with the program stack.
pub fn run(opts: &Options, terminal: bool) -> i32 {
    let opts = Options {
        stream: true,
        ..opts.clone()
    };
    let h = std::thread::Builder::new()
        .stack_size(crate::js::PROGRAM_STACK)
        .spawn(move || {
            let engine = Engine::new();
            let mut session = engine.repl_session(opts);
            let mut lines = Lines::open(terminal);
            run_loop(&mut session, &mut lines)
        })
        .expect("spawn REPL thread");
    h.join().unwrap_or(70)
}

fn run_loop(session: &mut Session, lines: &mut Lines) -> i32 {
    session.print(&format!(
        "Welcome to kiln v{}.\nType \".help\" for more information.\n",
        env!("CARGO_PKG_VERSION")
    ));
    let mut buffer = String::new();
    let mut interrupted = false;
    loop {
        let prompt = if buffer.is_empty() { "> " } else { "... " };
        let line = match lines.read(prompt, session) {
            Read::Line(l) => l,
            Read::Eof => return 0,
            Read::Exit(code) => return code,
            Read::Interrupt => {
                if !buffer.is_empty() {
                    buffer.clear();
                } else if interrupted {
                    return 0;
                } else {
                    interrupted = true;
                    session.print(CTRL_C);
                }
                continue;
            }
        };
        interrupted = false;
        if let Some(cmd) = command(&line) {
            match cmd {
                "exit" => return 0,
                "break" | "clear" => buffer.clear(),
                "help" => session.print(HELP),
                _ => session.print("Invalid REPL keyword\n"),
            }
            continue;
        }
        if buffer.is_empty() && line.is_empty() {
            continue;
        }
        buffer.push_str(&line);
        buffer.push('\n');
        match classify(&buffer) {
            Parsed::Incomplete => continue,
            Parsed::Error { shown } => session.print(&shown),
            Parsed::Complete => {
                if let Status::Exit(code) = session.eval(&buffer) {
                    return code;
                }
            }
        }
        buffer.clear();
    }
}

/// The REPL command a line is (`.name`), as node recognises them: a dot, then not a dot
/// nor a number.
fn command(line: &str) -> Option<&str> {
    let t = line.trim();
    let rest = t.strip_prefix('.')?;
    if rest.starts_with('.') || t.parse::<f64>().is_ok() {
        return None;
    }
    Some(rest.split_whitespace().next().unwrap_or(""))
}

#[cfg(test)]
mod tests {
    #[test]
    fn commands() {
        for (line, want) in [
            (".exit", Some("exit")),
            ("  .help  ", Some("help")),
            (".break now", Some("break")),
            (".5", None),
            ("...x", None),
            ("1.5", None),
            ("x.y", None),
        ] {
            assert_eq!(super::command(line), want, "{line}");
        }
    }
}
