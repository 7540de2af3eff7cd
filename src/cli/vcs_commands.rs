//! The command line of maps under git: `argline diff`, `argline merge` (both
//! also git's drivers) and `argline git-setup`.

use super::report;
use crate::format::{self, LoadError};
use crate::model::{Map, Meta};
use crate::vcs::{self, git_setup};
use clap::ValueEnum;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// How `argline diff` writes what changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Lines a person reads.
    Text,
    /// `{"same": bool, "changes": [...]}` for scripts.
    Json,
}

const ERROR: u8 = 2;

/// What a file git hands a driver for a side that has no file (added or deleted).
const NO_FILE: &str = "/dev/null";

/// `argline diff A B`, or git's form `argline diff PATH OLD OLD-HEX OLD-MODE NEW NEW-HEX NEW-MODE`.
pub fn diff_command(files: &[PathBuf], format: DiffFormat) -> ExitCode {
    match files {
        [old, new] => plain_diff(old, new, format),
        [path, old, _, _, new, _, _] => git_diff(path, old, new, format),
        _ => {
            eprintln!(
                "argline diff: give two map files (A B), or the seven arguments git gives a diff driver \
                 (PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE); got {}",
                files.len()
            );
            ExitCode::from(ERROR)
        }
    }
}

fn written(diff: &vcs::MapDiff, format: DiffFormat) -> String {
    match format {
        DiffFormat::Text => vcs::to_text(diff),
        DiffFormat::Json => vcs::to_json(diff),
    }
}

fn print(text: &str) -> bool {
    std::io::stdout().lock().write_all(text.as_bytes()).is_ok()
}

/// Exit 0 when the maps are the same, 1 when they differ, 2 on error, as diff(1).
fn plain_diff(old: &Path, new: &Path, format: DiffFormat) -> ExitCode {
    let (old_map, new_map) = match (format::load_file(old), format::load_file(new)) {
        (Ok(old_map), Ok(new_map)) => (old_map, new_map),
        (old_result, new_result) => {
            for error in [old_result.err(), new_result.err()].into_iter().flatten() {
                report(&error);
            }
            return ExitCode::from(ERROR);
        }
    };
    let diff = vcs::diff(&old_map, &new_map);
    if !print(&written(&diff, format)) {
        return ExitCode::from(ERROR);
    }
    if diff.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

fn load_side(file: &Path) -> Result<Map, LoadError> {
    if file == Path::new(NO_FILE) {
        return Ok(Map { meta: Meta::default(), ..Map::default() });
    }
    format::load_file(file)
}

/// As git's diff driver: exit 0 whether or not the maps differ (git stops at
/// any other code unless told to trust it), 2 on error. A side that is not a
/// map Argline reads (another RON file, a conflicted file) gets git's text diff.
fn git_diff(path: &Path, old: &Path, new: &Path, format: DiffFormat) -> ExitCode {
    let (old_map, new_map) = match (load_side(old), load_side(new)) {
        (Ok(old_map), Ok(new_map)) => (old_map, new_map),
        (old_result, new_result) => {
            let reason = [old_result.err(), new_result.err()]
                .into_iter()
                .flatten()
                .flat_map(|error| error.lines())
                .next()
                .unwrap_or_default();
            eprintln!("argline diff: {} is not compared as a map ({reason}); git's text diff follows", path.display());
            return text_diff(old, new);
        }
    };
    let diff = vcs::diff(&old_map, &new_map);
    if diff.is_empty() {
        return ExitCode::SUCCESS;
    }
    let header = match format {
        DiffFormat::Text => format!("argline diff a/{0} b/{0}\n", path.display()),
        DiffFormat::Json => String::new(),
    };
    if print(&format!("{header}{}", written(&diff, format))) { ExitCode::SUCCESS } else { ExitCode::from(ERROR) }
}

fn text_diff(old: &Path, new: &Path) -> ExitCode {
    let status = Command::new("git").args(["diff", "--no-index", "--no-ext-diff", "--"]).arg(old).arg(new).status();
    match status {
        Ok(status) if matches!(status.code(), Some(0 | 1)) => ExitCode::SUCCESS,
        Ok(_) | Err(_) => ExitCode::from(ERROR),
    }
}

/// `argline merge BASE OURS THEIRS [-o OUT] [--path NAME]`: exit 0 when the
/// merge is clean, 1 when the written map holds unresolved conflicts, 2 when
/// nothing was written.
pub fn merge_command(base: &Path, ours: &Path, theirs: &Path, output: Option<&Path>, name: Option<&str>) -> ExitCode {
    let name = name.map_or_else(|| ours.display().to_string(), str::to_owned);
    let load = |side: &str, file: &Path| match format::load_file(file) {
        Ok(map) => Some(map),
        Err(error) => {
            eprintln!(
                "argline merge: cannot merge {name}: {side} ({}) is not a map this Argline reads:",
                file.display()
            );
            report(&error);
            None
        }
    };
    let (Some(base_map), Some(our_map), Some(their_map)) =
        (load("the base", base), load("ours", ours), load("theirs", theirs))
    else {
        eprintln!("argline merge: {} is left as it was", ours.display());
        return ExitCode::from(ERROR);
    };
    let merged = match vcs::merge(&base_map, &our_map, &their_map) {
        Ok((merged, _)) => merged,
        Err(error) => {
            eprintln!("argline merge: cannot merge {name}: {error}; {} is left as it was", ours.display());
            return ExitCode::from(ERROR);
        }
    };
    let target = output.unwrap_or(ours);
    if let Err(error) = format::save_file(&merged, target) {
        eprintln!("argline merge: {error}");
        return ExitCode::from(ERROR);
    }
    if merged.conflicts.is_empty() {
        return ExitCode::SUCCESS;
    }
    eprintln!(
        "argline merge: {name}: {} unresolved conflicts, kept in the map (open it in Argline to settle them):",
        merged.conflicts.len()
    );
    for conflict in &merged.conflicts {
        eprintln!("    {}", conflict.describe());
    }
    ExitCode::FAILURE
}

/// `argline git-setup`: exit 0 once the repository is set up, 1 when it cannot be.
pub fn git_setup_command() -> ExitCode {
    let folder = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    match git_setup::git_setup(&folder) {
        Ok(done) => {
            for line in done {
                println!("{line}");
            }
            if !git_setup::argline_is_on_path() {
                println!(
                    "note: no `argline` on the PATH: git runs the drivers by that name, so install it \
                     (cargo install --path .) or put its folder on the PATH"
                );
            }
            ExitCode::SUCCESS
        }
        Err(error) => super::fail(&error.to_string()),
    }
}
