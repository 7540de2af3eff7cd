//! Recovery files: unsaved work written aside every so often, so that a crash
//! or a power cut loses at most a few seconds. A recovery file is an ordinary
//! map file (it opens like any other) whose first line records which document
//! it belongs to. One file per document, in the user's data folder.

use super::{LoadError, SaveError, load_str, to_ron_string, write_atomically};
use crate::model::Map;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The first line of a recovery file starts with this, then the origin in RON.
const ORIGIN_PREFIX: &str = "// Argline recovery of: ";

/// The document unsaved work belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    /// A map file.
    File(PathBuf),
    /// The bundled case study, edited but not yet saved anywhere.
    CaseStudy,
    /// A new map never saved.
    NewMap,
}

impl Origin {
    /// How the origin reads in a question to the user.
    pub fn describe(&self) -> String {
        match self {
            Self::File(path) => path.display().to_string(),
            Self::CaseStudy => "the bundled case study".to_owned(),
            Self::NewMap => "a new map that was never saved".to_owned(),
        }
    }
}

/// A recovery file read back.
#[derive(Clone, Debug)]
pub struct Recovered {
    pub path: PathBuf,
    pub origin: Origin,
    pub map: Map,
    pub written: SystemTime,
}

impl Recovered {
    /// Whether the recovery holds work newer than its document: always for
    /// documents never saved, else when written after the file last changed
    /// (or the file is gone).
    pub fn is_newer_than_document(&self) -> bool {
        match &self.origin {
            Origin::File(path) => {
                std::fs::metadata(path)
                    .and_then(|metadata| metadata.modified())
                    .is_ok_and(|modified| modified < self.written)
                    || !path.exists()
            }
            Origin::CaseStudy | Origin::NewMap => true,
        }
    }
}

/// The recovery file of `origin` in `dir`: named by a stable hash of the origin.
pub fn recovery_path(dir: &Path, origin: &Origin) -> PathBuf {
    let key = ron::to_string(origin).unwrap_or_default();
    // FNV-1a: stable across builds and platforms, unlike std's hasher.
    let hash = key
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3));
    dir.join(format!("recovery-{hash:016x}.ron"))
}

/// Writes `map` as the recovery of `origin` in `dir` (atomically), creating the folder.
pub fn write_recovery(dir: &Path, origin: &Origin, map: &Map) -> Result<PathBuf, SaveError> {
    let path = recovery_path(dir, origin);
    let save_error = |source| SaveError::Write { path: path.clone(), source };
    let encode_error = |error: ron::Error| SaveError::Encode { path: path.clone(), message: error.to_string() };
    std::fs::create_dir_all(dir).map_err(save_error)?;
    let header = ron::to_string(origin).map_err(encode_error)?;
    let body = to_ron_string(map).map_err(encode_error)?;
    write_atomically(&path, format!("{ORIGIN_PREFIX}{header}\n{body}").as_bytes()).map_err(save_error)?;
    Ok(path)
}

/// Reads the recovery file at `path`.
pub fn read_recovery(path: &Path) -> Result<Recovered, LoadError> {
    let file = path.display().to_string();
    let read_error = |source| LoadError::Read { file: file.clone(), source };
    let written = std::fs::metadata(path).and_then(|metadata| metadata.modified()).map_err(read_error)?;
    let bytes = std::fs::read(path).map_err(read_error)?;
    let text = String::from_utf8_lossy(&bytes);
    let origin = text
        .lines()
        .next()
        .and_then(|line| line.strip_prefix(ORIGIN_PREFIX))
        .and_then(|origin| ron::from_str::<Origin>(origin).ok())
        .ok_or_else(|| super::single_problem(&file, super::TextPosition { line: 1, col: 1 }, not_recovery()))?;
    let map = load_str(&text, &file)?;
    Ok(Recovered { path: path.to_owned(), origin, map, written })
}

fn not_recovery() -> String {
    format!("not an Argline recovery file: the first line should start with `{}`", ORIGIN_PREFIX.trim())
}

/// Every readable recovery file in `dir` holding work newer than its
/// document, newest first. Unreadable ones are skipped (and left alone).
pub fn pending_recoveries(dir: &Path) -> Vec<Recovered> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut found: Vec<Recovered> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.file_name().is_some_and(|name| name.to_string_lossy().starts_with("recovery-")))
        .filter_map(|path| read_recovery(&path).ok())
        .filter(Recovered::is_newer_than_document)
        .collect();
    found.sort_by_key(|recovered| std::cmp::Reverse(recovered.written));
    found
}
