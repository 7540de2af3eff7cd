//! Reading and writing maps as RON files.
//!
//! - Deterministic: the same map always writes the same bytes (items keep their
//!   order, pretty-printed, no hash-map order), so maps diff well in git.
//! - Versioned: the `format` field is read first; files from a newer Argline are
//!   refused with a clear message, older formats pass through [`upgrade`].
//! - Positioned: syntax errors and every validation problem come back as
//!   `FILE:LINE:COL: message`.
//! - Atomic: a save writes a temporary file beside the target, flushes it, then
//!   renames it over, so a crash leaves the old file or the new one, never a mix.
//! - Watchful: a file is stamped when loaded or saved ([`stamp`]), and a save
//!   can refuse to overwrite a file that changed on disk since.

mod conflict_markers;
mod error;
mod locate;
pub mod recovery;
mod stamp;

pub use error::{Diagnostic, LoadError, SaveError};
pub use locate::{TextPosition, locate};
pub use stamp::{FileStamp, Overwrite, load_file_stamped, save_file_stamped};

use crate::model::validate::{FieldPath, PathSegment, validate};
use crate::model::{FORMAT_VERSION, Map};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Map files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// How deeply RON values may nest; far more than any map needs.
const MAX_NESTING: usize = 64;

/// Reads and validates the map file at `path`.
pub fn load_file(path: &Path) -> Result<Map, LoadError> {
    let file = path.display().to_string();
    let read_error = |source| LoadError::Read { file: file.clone(), source };
    let size_bytes = std::fs::metadata(path).map_err(read_error)?.len();
    if size_bytes > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { file, size_bytes, limit_bytes: MAX_FILE_BYTES });
    }
    let bytes = std::fs::read(path).map_err(read_error)?;
    load_bytes(&bytes, &file)
}

/// Reads and validates a map from the bytes of a file; `file` names it in messages.
pub fn load_bytes(bytes: &[u8], file: &str) -> Result<Map, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            file: file.to_owned(),
            size_bytes: bytes.len() as u64,
            limit_bytes: MAX_FILE_BYTES,
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => load_str(text, file),
        Err(error) => {
            let valid = String::from_utf8_lossy(&bytes[..error.valid_up_to()]);
            Err(single_problem(
                file,
                position_after(&valid),
                "the file is not UTF-8 text (a map file is RON text, UTF-8 encoded)".to_owned(),
            ))
        }
    }
}

/// Reads and validates a map from RON text; `file` names it in messages.
pub fn load_str(text: &str, file: &str) -> Result<Map, LoadError> {
    if text.trim().is_empty() {
        return Err(single_problem(
            file,
            TextPosition { line: 1, col: 1 },
            "the file is empty: a map file is RON text that starts with `(`".to_owned(),
        ));
    }
    let map = upgrade(text, file)?;
    let problems = validate(&map);
    if problems.is_empty() {
        return Ok(map);
    }
    let locations = locate(text);
    let diagnostics = problems
        .into_iter()
        .map(|problem| Diagnostic { position: locations.find(&problem.path), message: problem.message })
        .collect();
    Err(LoadError::Problems { file: file.to_owned(), problems: diagnostics })
}

/// Reads the text as the current format, after checking which format it claims.
///
/// This is the migration hook: when the format changes, a file of an older
/// version is read here with that version's types and converted forward.
fn upgrade(text: &str, file: &str) -> Result<Map, LoadError> {
    let newer = |version: u32| {
        let position = locate(text).find(&FieldPath(vec![PathSegment::Field("format")]));
        single_problem(
            file,
            position,
            format!("written by a newer Argline (format {version}); this build reads format {FORMAT_VERSION}"),
        )
    };
    match ron_options().from_str::<Map>(text) {
        Ok(map) if map.format > FORMAT_VERSION => Err(newer(map.format)),
        Ok(map) if map.format != FORMAT_VERSION => {
            let position = locate(text).find(&FieldPath(vec![PathSegment::Field("format")]));
            Err(single_problem(
                file,
                position,
                format!("format {} is not an Argline format; this build reads format {FORMAT_VERSION}", map.format),
            ))
        }
        Ok(map) => Ok(map),
        Err(error) => {
            if let Some(position) = conflict_markers::first_marker(text) {
                return Err(single_problem(file, position, conflict_markers::MESSAGE.to_owned()));
            }
            // A newer format may not parse as this one: say so rather than report its syntax.
            #[derive(serde::Deserialize)]
            struct VersionProbe {
                #[serde(default)]
                format: u32,
            }
            if let Ok(probe) = ron_options().from_str::<VersionProbe>(text)
                && probe.format > FORMAT_VERSION
            {
                return Err(newer(probe.format));
            }
            let start = error.span.start;
            let position = TextPosition { line: start.line.max(1), col: start.col.max(1) };
            Err(single_problem(file, position, error.code.to_string()))
        }
    }
}

fn ron_options() -> ron::Options {
    ron::Options::default().with_recursion_limit(MAX_NESTING)
}

fn single_problem(file: &str, position: TextPosition, message: String) -> LoadError {
    LoadError::Problems { file: file.to_owned(), problems: vec![Diagnostic { position, message }] }
}

/// The line and column just after `text`.
fn position_after(text: &str) -> TextPosition {
    let line = 1 + text.matches('\n').count();
    let col = 1 + text.rsplit('\n').next().map_or(0, |last| last.chars().count());
    TextPosition { line, col }
}

/// The RON text of `map`: pretty-printed, ending in a newline, the same bytes
/// for the same map.
pub fn to_ron_string(map: &Map) -> Result<String, ron::Error> {
    // Spelled out, so that files are the same bytes on every platform (the
    // default line ending is the platform's).
    let config = ron::ser::PrettyConfig::default()
        .new_line("\n")
        .indentor("    ")
        .separator(" ")
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .compact_arrays(false)
        .escape_strings(true);
    let mut text = ron::ser::to_string_pretty(map, config)?;
    text.push('\n');
    Ok(text)
}

/// Saves `map` to `path` atomically: a temporary file in the same folder is
/// written and flushed to disk, then renamed over the target.
pub fn save_file(map: &Map, path: &Path) -> Result<(), SaveError> {
    let text =
        to_ron_string(map).map_err(|error| SaveError::Encode { path: path.to_owned(), message: error.to_string() })?;
    write_atomically(path, text.as_bytes()).map_err(|source| SaveError::Write { path: path.to_owned(), source })
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// The temporary file a save of `path` writes first: hidden, beside the
/// target (a rename is atomic only within one file system), named per
/// process and per save so that two saves never share it.
fn temporary_path_for(path: &Path) -> PathBuf {
    static SAVES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let save = SAVES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let file_name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    folder_of(path).join(format!(".{file_name}.{}-{save}.saving", std::process::id()))
}

/// Writes `bytes` to `path` so that `path` always holds either its old
/// content or all of the new.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_then_rename(path, bytes, || Ok(true)).map(|_| ())
}

/// As [`write_atomically`], with `check` run once the new file is written,
/// just before it replaces the old: an error from it leaves the old file and
/// is returned.
fn write_atomically_checked(
    path: &Path,
    bytes: &[u8],
    check: impl FnOnce() -> Result<(), SaveError>,
) -> Result<(), SaveError> {
    let mut refusal = None;
    let checked = || match check() {
        Ok(()) => Ok(true),
        Err(error) => {
            refusal = Some(error);
            Ok(false)
        }
    };
    write_then_rename(path, bytes, checked).map_err(|source| SaveError::Write { path: path.to_owned(), source })?;
    refusal.map_or(Ok(()), Err)
}

/// Writes a temporary file beside `path`, flushes it, and renames it over
/// `path` if `may_rename` says so (else removes it); returns whether it did.
fn write_then_rename(
    path: &Path,
    bytes: &[u8],
    may_rename: impl FnOnce() -> std::io::Result<bool>,
) -> std::io::Result<bool> {
    let folder = folder_of(path);
    let temporary = temporary_path_for(path);
    let result = (|| {
        // create_new: never follow a link someone planted at the temporary name.
        let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(&temporary)?;
        if let Ok(old) = std::fs::metadata(path) {
            // The new file keeps the old one's permissions (a private map stays private).
            file.set_permissions(old.permissions())?;
        }
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        if !may_rename()? {
            return Ok(false);
        }
        std::fs::rename(&temporary, path)?;
        // Make the rename itself durable; not every platform can open a folder.
        if let Ok(folder) = std::fs::File::open(folder) {
            let _ = folder.sync_all();
        }
        Ok(true)
    })();
    if !matches!(result, Ok(true)) {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}
