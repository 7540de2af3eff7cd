//! Reading maps written by other tools: Argdown, AIF JSON (OVA, AIFdb), CSV of
//! events, TimelineJS JSON and Kialo discussions. Each importer builds a valid
//! map with ids made from titles and a readable layout. Errors and skipped
//! constructs are reported at their `line:col`; nothing is dropped silently.
//! Pure: bytes in, a map out. The formats with a home in `interchange/` are
//! read there; this module dispatches.

pub(crate) mod builder;
pub(crate) mod json_position;
mod placement;

use crate::format::{Diagnostic, TextPosition};
use crate::model::Map;

/// A format a map can be imported from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImportFormat {
    Argdown,
    Aif,
    Csv,
    TimelineJs,
    Kialo,
}

impl ImportFormat {
    pub const ALL: [ImportFormat; 5] = [Self::Argdown, Self::Aif, Self::Csv, Self::TimelineJs, Self::Kialo];

    /// The name on the command line (`--from NAME`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Argdown => "argdown",
            Self::Aif => "aif",
            Self::Csv => "csv",
            Self::TimelineJs => "timelinejs",
            Self::Kialo => "kialo",
        }
    }

    /// What the format holds, for the command line's help.
    pub fn description(self) -> &'static str {
        match self {
            Self::Argdown => "Statements, arguments and their relations, titles and tags",
            Self::Aif => "Argument Interchange Format JSON (OVA, AIFdb)",
            Self::Csv => "Events, one row each: date, end, precision, lane, title, detail, sources",
            Self::TimelineJs => "TimelineJS3 JSON",
            Self::Kialo => "A Kialo discussion exported as text: the thesis, its pros and cons",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Argdown => "argdown",
            Self::Aif | Self::TimelineJs => "json",
            Self::Csv => "csv",
            Self::Kialo => "txt",
        }
    }

    /// The name shown in menus and file choosers.
    pub fn label(self) -> &'static str {
        match self {
            Self::Argdown => "Argdown",
            Self::Aif => "AIF JSON (OVA, AIFdb)",
            Self::Csv => "CSV of events",
            Self::TimelineJs => "TimelineJS",
            Self::Kialo => "Kialo discussion",
        }
    }
}

/// A map read from another format, with what of the input it could not keep.
#[derive(Debug)]
pub struct Imported {
    pub map: Map,
    /// Constructs of the input that Argline has no place for, each where it stands.
    pub notices: Vec<Diagnostic>,
}

/// Why a file could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Problems at places in the input: syntax, missing fields, unknown references.
    #[error("{}", render(problems))]
    Problems { problems: Vec<Diagnostic> },
    /// The input read, but made a map that breaks a rule (a bug in an importer).
    #[error("the imported map is not valid: {}", problems.join("; "))]
    Invalid { problems: Vec<String> },
}

fn render(problems: &[Diagnostic]) -> String {
    problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
}

impl ImportError {
    /// One problem at `position`.
    pub(crate) fn at(position: TextPosition, message: impl Into<String>) -> Self {
        Self::Problems { problems: vec![Diagnostic { position, message: message.into() }] }
    }

    /// Every problem as its own `FILE:LINE:COL: message` line.
    pub fn lines(&self, file: &str) -> Vec<String> {
        match self {
            Self::Problems { problems } => problems.iter().map(|problem| format!("{file}:{problem}")).collect(),
            other => vec![format!("{file}: {other}")],
        }
    }
}

/// Reads `bytes` as `from` and builds a valid map.
pub fn import(bytes: &[u8], from: ImportFormat) -> Result<Imported, ImportError> {
    let text = utf8(bytes)?;
    match from {
        ImportFormat::Argdown => crate::interchange::argdown::import(text),
        ImportFormat::Aif => crate::interchange::aif::import(text),
        ImportFormat::Csv => crate::interchange::csv::read::import(text),
        ImportFormat::TimelineJs => crate::interchange::timelinejs::read::import(text),
        ImportFormat::Kialo => crate::interchange::kialo::import(text),
    }
}

/// The text of `bytes`, without a byte-order mark; an error at the first byte that is not UTF-8.
fn utf8(bytes: &[u8]) -> Result<&str, ImportError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').unwrap_or(text)),
        Err(error) => {
            let valid = String::from_utf8_lossy(&bytes[..error.valid_up_to()]);
            let line = 1 + valid.matches('\n').count();
            let col = 1 + valid.rsplit('\n').next().map_or(0, |last| last.chars().count());
            Err(ImportError::at(TextPosition { line, col }, "the file is not UTF-8 text"))
        }
    }
}
