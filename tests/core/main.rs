//! The core's integration tests: one binary, each file a module (as cargo's own
//! `tests/testsuite/main.rs`), so that a change to the library relinks one test
//! executable instead of one per file. Nothing here opens a window.

mod aif_files;
mod analysis;
mod argdown_cli;
mod argdown_lenient;
mod case_study;
mod case_study_argument;
mod cli;
mod clipboard;
mod crash_safe_save;
mod edit_history;
mod export_golden;
mod export_losses;
mod external_tools;
mod git;
mod handout;
mod hostile_corpus;
mod import;
mod interchange;
mod invalid_files;
mod kialo;
mod layout;
mod layout_shape;
mod quotes;
mod robustness;
mod save;
mod slides;
mod teaching;
mod timelinejs;

/// Runs the built `argline` from the repository's folder, as a user at its root would.
fn run_argline(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_argline"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("argline runs")
}
