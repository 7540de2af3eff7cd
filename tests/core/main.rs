//! The core's integration tests: one binary, each file a module.

mod argdown_cli;
mod argdown_lenient;
