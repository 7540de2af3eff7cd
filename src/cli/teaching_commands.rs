//! The command line of teaching: `argline compare KEY STUDENT|DIR` (a
//! student's map marked against the key; a class CSV for a folder) and
//! `argline assignment FILE -o OUT` (the students' copy).

use super::report;
use crate::format;
use crate::teaching::{self, AssignmentOptions, CSV_COLUMNS};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const DIFFER: u8 = 1;
const ERROR: u8 = 2;

fn print(text: &str) -> Result<(), ExitCode> {
    std::io::stdout().lock().write_all(text.as_bytes()).map_err(|error| {
        eprintln!("argline: cannot write to stdout: {error}");
        ExitCode::from(ERROR)
    })
}

/// Exit 0 when the maps agree (for a folder: every map), 1 when they differ
/// (or a student's file could not be read), 2 on error.
pub fn compare_command(key: &Path, student: &Path) -> ExitCode {
    let key_map = match format::load_file(key) {
        Ok(map) => map,
        Err(error) => {
            report(&error);
            return ExitCode::from(ERROR);
        }
    };
    let outcome = if student.is_dir() { compare_folder(&key_map, student) } else { compare_one(&key_map, student) };
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(DIFFER),
        Err(code) => code,
    }
}

fn compare_one(key: &crate::model::Map, student: &Path) -> Result<bool, ExitCode> {
    let student_map = format::load_file(student).map_err(|error| {
        report(&error);
        ExitCode::from(ERROR)
    })?;
    let marked = teaching::compare(key, &student_map).map_err(|too_large| {
        eprintln!("argline: {} not compared: {too_large}", student.display());
        ExitCode::from(ERROR)
    })?;
    print(&marked.to_text(key, &student_map))?;
    Ok(marked.tally().agrees())
}

/// One CSV row per `.ron` file in `folder`, sorted by name; a file that does
/// not load is a row with its error.
fn compare_folder(key: &crate::model::Map, folder: &Path) -> Result<bool, ExitCode> {
    let entries = std::fs::read_dir(folder).map_err(|error| {
        eprintln!("argline: cannot read the folder {}: {error}", folder.display());
        ExitCode::from(ERROR)
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.is_file() && path.extension().is_some_and(|extension| extension == "ron"))
        .collect();
    files.sort();
    let mut out = format!("{}\r\n", CSV_COLUMNS.join(","));
    let mut all_agree = true;
    for file in &files {
        let name = file.file_name().map_or_else(|| file.display().to_string(), |n| n.to_string_lossy().into_owned());
        let row = match format::load_file(file).map_err(|error| error.lines().join("; ")) {
            Ok(student) => match teaching::compare(key, &student) {
                Ok(marked) => {
                    let tally = marked.tally();
                    all_agree &= tally.agrees();
                    teaching::csv_row(&name, Ok(&tally))
                }
                Err(too_large) => {
                    all_agree = false;
                    teaching::csv_row(&name, Err(&too_large.to_string()))
                }
            },
            Err(error) => {
                all_agree = false;
                teaching::csv_row(&name, Err(&error))
            }
        };
        out.push_str(&row);
        out.push_str("\r\n");
    }
    print(&out)?;
    Ok(all_agree)
}

/// Writes the students' copy of `file` to `output`: `hide` removed with their
/// links, the matrix ratings cleared unless `keep_ratings`.
pub fn assignment_command(file: &Path, output: &Path, hide: &[String], keep_ratings: bool) -> ExitCode {
    let map = match format::load_file(file) {
        Ok(map) => map,
        Err(error) => {
            report(&error);
            return ExitCode::FAILURE;
        }
    };
    let hide = match teaching::items_with_ids(&map, hide) {
        Ok(items) => items,
        Err(problem) => return super::fail(&format!("{}: {problem}", file.display())),
    };
    let options = AssignmentOptions { hide, clear_ratings: !keep_ratings };
    let copy = match teaching::assignment(&map, &options) {
        Ok(copy) => copy,
        Err(error) => return super::fail(&format!("{}: the assignment could not be made: {error}", file.display())),
    };
    match format::save_file(&copy, output) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => super::fail(&error.to_string()),
    }
}
