//! Execution tests: placeholder.
