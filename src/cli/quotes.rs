//! `argline quotes` (every quote against its source's text) and `argline
//! attach-texts` (a folder of texts attached to a map, its quotes anchored).

use super::report;
use crate::edit::{History, citing};
use crate::format::{self, locate};
use crate::model::Map;
use crate::model::validate::{FieldPath, PathSegment};
use crate::sources::attach::plan_attachment;
use crate::sources::library::{LoadedTexts, TextPlace};
use crate::sources::{Tally, check_map};
use std::path::Path;
use std::process::ExitCode;

/// The exit code of `argline quotes` when it could not check at all.
const CHECK_FAILED: u8 = 2;

fn load(file: &Path) -> Option<(Map, String)> {
    let map = match format::load_file(file) {
        Ok(map) => map,
        Err(error) => {
            report(&error);
            return None;
        }
    };
    match std::fs::read_to_string(file) {
        Ok(text) => Some((map, text)),
        Err(error) => {
            eprintln!("argline: {}: cannot read the file: {error}", file.display());
            None
        }
    }
}

fn refuse_missing_folder(folder: Option<&Path>) -> Result<(), String> {
    match folder {
        Some(folder) if !folder.is_dir() => Err(format!("{}: there is no such folder of texts", folder.display())),
        _ => Ok(()),
    }
}

/// Prints one line per quote that is not exact and a summary: exit 0 when
/// every quote is exact or only moved, 1 when any changed, was not found or
/// has no text, 2 when the map or the folder could not be read.
pub fn quotes(file: &Path, texts: Option<&Path>) -> ExitCode {
    if let Err(message) = refuse_missing_folder(texts) {
        eprintln!("argline: {message}");
        return ExitCode::from(CHECK_FAILED);
    }
    let Some((map, ron)) = load(file) else { return ExitCode::from(CHECK_FAILED) };
    let loaded = LoadedTexts::load(&map, &TextPlace::of_map_file(Some(file), texts.map(Path::to_owned)));
    let name = file.display();
    for note in &loaded.notes {
        println!("{name}: note: {note}");
    }
    let checks = check_map(&map, &loaded);
    let locations = locate(&ron);
    for checked in checks.iter().filter(|checked| checked.check.status != crate::sources::QuoteStatus::Exact) {
        let path = FieldPath(vec![
            PathSegment::Field(checked.section),
            PathSegment::Index(checked.item_index),
            PathSegment::Field("citations"),
            PathSegment::Index(checked.citation_index),
        ]);
        let position = locations.find(&path);
        let status = &checked.check.status;
        let level = if status.is_problem() { "" } else { "note: " };
        println!(
            "{name}:{}:{}: {}: {level}{}: {}",
            position.line,
            position.col,
            checked.item.slug(),
            status.name(),
            status.explanation()
        );
    }
    let tally = Tally::of(&checks);
    println!("{}", tally.summary());
    if tally.has_problems() { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

/// Attaches the texts in `folder` to the map `file` (written to `output`, or
/// in place), anchoring its quotes; prints what was attached.
pub fn attach_texts(file: &Path, folder: &Path, output: Option<&Path>) -> ExitCode {
    if let Err(message) = refuse_missing_folder(Some(folder)) {
        eprintln!("argline: {message}");
        return ExitCode::FAILURE;
    }
    let Some((mut map, _)) = load(file) else { return ExitCode::FAILURE };
    let plan = match plan_attachment(&map, Some(output.unwrap_or(file)), folder) {
        Ok(plan) => plan,
        Err(error) => {
            eprintln!("argline: {}: cannot read the folder: {error}", folder.display());
            return ExitCode::FAILURE;
        }
    };
    for note in &plan.notes {
        eprintln!("{}: note: {note}", file.display());
    }
    for attached in &plan.texts {
        println!("{}: {} (sha256 {})", attached.source, attached.file.file, attached.file.sha256);
    }
    println!("{} quotes anchored", plan.anchors.len());
    if !plan.changes_map() && output.is_none() {
        println!("{}: nothing to change", file.display());
        return ExitCode::SUCCESS;
    }
    let applied = citing::attach_texts(&map, &plan).and_then(|step| History::default().apply(&mut map, step));
    if let Err(error) = applied {
        eprintln!("argline: {}: the texts could not be attached: {error}", file.display());
        return ExitCode::FAILURE;
    }
    match format::save_file(&map, output.unwrap_or(file)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("argline: {error}");
            ExitCode::FAILURE
        }
    }
}
