//! What can go wrong reading or writing a map file, as messages a user can act on.

use super::locate::TextPosition;
use std::fmt;
use std::path::PathBuf;

/// One problem at a place in a file: `LINE:COL: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub position: TextPosition,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.position.line, self.position.col, self.message)
    }
}

/// Why a map could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{file}: cannot read the file: {source}")]
    Read { file: String, source: std::io::Error },
    #[error("{file}: the file is {size_bytes} bytes; Argline opens map files of at most {limit_bytes} bytes")]
    TooLarge { file: String, size_bytes: u64, limit_bytes: u64 },
    /// Syntax errors, a format from a newer Argline, or broken rules: every one found.
    #[error("{}", render_problems(file, problems))]
    Problems { file: String, problems: Vec<Diagnostic> },
}

impl LoadError {
    /// Every problem as its own `FILE:LINE:COL: message` line (or one line for
    /// an error that has no position).
    pub fn lines(&self) -> Vec<String> {
        match self {
            Self::Problems { file, problems } => problem_lines(file, problems),
            other => vec![other.to_string()],
        }
    }
}

fn problem_lines(file: &str, problems: &[Diagnostic]) -> Vec<String> {
    problems.iter().map(|problem| format!("{file}:{problem}")).collect()
}

fn render_problems(file: &str, problems: &[Diagnostic]) -> String {
    problem_lines(file, problems).join("\n")
}

/// Why a map could not be saved. The file that was there is left as it was.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("cannot save {}: {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
    #[error("cannot save {}: the map could not be written as RON: {message}", path.display())]
    Encode { path: PathBuf, message: String },
    /// The file is no longer the one loaded or last saved: someone else wrote it.
    #[error(
        "cannot save {}: the file changed on disk since it was opened or last saved (by git or another program); \
         reload it, merge, or overwrite it knowingly",
        path.display()
    )]
    ChangedOnDisk { path: PathBuf },
}
