//! The engine side of a read-eval-print loop (node's REPL): a [`Session`] evaluates each
//! input as a Script in one persistent realm and renders the result, or the uncaught
//! exception, as node's REPL prints it; [`input`] decides whether typed text is complete.
//! Reading lines from a terminal or a pipe is the caller's job (`kiln::repl`).

mod await_input;
pub mod input;
mod report;
mod session;

pub use session::{Session, Status};
