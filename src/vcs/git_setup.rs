//! `argline git-setup`: tells a git repository to diff and merge map files
//! with Argline. `.gitattributes` maps `*.ron` to the `argline` drivers, and
//! the repository's own config (`.git/config`, not shared by a push) defines
//! them. Running it again changes nothing.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The line of `.gitattributes` that sends map files to the drivers.
pub const ATTRIBUTES_LINE: &str = "*.ron merge=argline diff=argline";

/// The git config entries of the two drivers. The merge driver writes over
/// `%A` (ours), as git wants; `%P` names the file in messages.
pub const CONFIG: [(&str, &str); 3] = [
    ("merge.argline.name", "Argline map merge (three-way, by id)"),
    ("merge.argline.driver", "argline merge %O %A %B -o %A --path %P"),
    ("diff.argline.command", "argline diff"),
];

/// Why the repository could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum GitSetupError {
    #[error("cannot run git: {0}")]
    NoGit(std::io::Error),
    #[error("{} is not in a git repository (run `git init` first, or run this inside one)", .0.display())]
    NotARepository(PathBuf),
    #[error("git config {key} failed: {message}")]
    Config { key: String, message: String },
    #[error("cannot update {}: {source}", path.display())]
    Attributes { path: PathBuf, source: std::io::Error },
}

/// Sets up the repository that holds `folder`; returns what it did, one
/// sentence per line.
pub fn git_setup(folder: &Path) -> Result<Vec<String>, GitSetupError> {
    let top = repository_top(folder)?;
    let mut done = vec![add_attributes_line(&top)?];
    for (key, value) in CONFIG {
        done.push(set_config(&top, key, value)?);
    }
    Ok(done)
}

fn git(folder: &Path) -> Command {
    let mut command = Command::new("git");
    command.current_dir(folder);
    command
}

fn repository_top(folder: &Path) -> Result<PathBuf, GitSetupError> {
    let output = git(folder).args(["rev-parse", "--show-toplevel"]).output().map_err(GitSetupError::NoGit)?;
    if !output.status.success() {
        return Err(GitSetupError::NotARepository(folder.to_owned()));
    }
    Ok(PathBuf::from(String::from_utf8_lossy(&output.stdout).trim_end_matches(['\n', '\r'])))
}

fn add_attributes_line(top: &Path) -> Result<String, GitSetupError> {
    let path = top.join(".gitattributes");
    let attributes_error = |source| GitSetupError::Attributes { path: path.clone(), source };
    let existing = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(error) => return Err(attributes_error(error)),
    };
    if existing.lines().any(|line| line.trim() == ATTRIBUTES_LINE) {
        return Ok(format!(".gitattributes already has `{ATTRIBUTES_LINE}`"));
    }
    let mut text = existing;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(ATTRIBUTES_LINE);
    text.push('\n');
    crate::format::write_atomically(&path, text.as_bytes()).map_err(attributes_error)?;
    Ok(format!("added `{ATTRIBUTES_LINE}` to .gitattributes (commit it, so that clones merge maps the same way)"))
}

fn set_config(top: &Path, key: &str, value: &str) -> Result<String, GitSetupError> {
    let config_error = |message: String| GitSetupError::Config { key: key.to_owned(), message };
    let current = git(top).args(["config", "--local", "--get", key]).output().map_err(GitSetupError::NoGit)?;
    if current.status.success() && String::from_utf8_lossy(&current.stdout).trim_end_matches('\n') == value {
        return Ok(format!("git config {key} is already \"{value}\""));
    }
    let set = git(top).args(["config", "--local", key, value]).output().map_err(GitSetupError::NoGit)?;
    if !set.status.success() {
        return Err(config_error(String::from_utf8_lossy(&set.stderr).trim().to_owned()));
    }
    Ok(format!("set git config {key} to \"{value}\""))
}

/// Whether an `argline` program is on the `PATH`, where git looks for the
/// drivers' command.
pub fn argline_is_on_path() -> bool {
    let Some(path) = std::env::var_os("PATH") else {
        return false;
    };
    std::env::split_paths(&path).any(|folder| folder.join("argline").is_file() || folder.join("argline.exe").is_file())
}
