//! The `argline` executable: parses the command line, then either runs a
//! headless subcommand or opens the window.

use argline::cli::{Cli, run_command};
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let launched = std::time::Instant::now();
    let cli = Cli::parse();
    match cli.command {
        Some(command) => run_command(command),
        None => argline::ui::run_window(cli.file, cli.quit_after_frames, launched),
    }
}
