//! File ▸ Export and File ▸ Import in the window. An export runs on its own
//! thread (a PNG or slides take a while), with a spinner in the status bar
//! and a notice when it is written, saying what the format could not hold;
//! an import opens the map it makes as a new, unsaved document and lists
//! what the import could not keep.

use super::ArglineApp;
use crate::export::{self, ExportOptions, Format};
use crate::import::{self, ImportFormat};
use crate::ui::document::Document;
use crate::ui::job::Job;
use std::path::PathBuf;

impl ArglineApp {
    /// Starts writing the map as `format` to `path` (a folder for slides), off the UI thread.
    pub(super) fn export_to(&mut self, format: Format, path: PathBuf) {
        if self.jobs.export.is_some() {
            self.notifications.notice("An export is still running: wait for it to finish.");
            return;
        }
        let map = self.document.map().clone();
        // A PDF handout on A4, the default paper.
        let options = ExportOptions::default();
        let what = format!("Exporting to {}…", path.display());
        self.jobs.export = Some(Job::spawn(what, move || {
            if format.is_folder() {
                export::slides::write_slides(&map, &path, &options)
                    .map(|written| format!("Wrote {} slides into {}.", written.len(), path.display()))
                    .map_err(|error| error.to_string())
            } else {
                // What the format cannot hold is said with the notice, never dropped silently.
                let losses: String =
                    export::losses(&map, format).iter().map(|loss| format!(" Note: {loss}.")).collect();
                export::export(&map, format, &options).map_err(|error| error.to_string()).and_then(|bytes| {
                    crate::format::write_atomically(&path, &bytes)
                        .map(|()| format!("Exported to {}.{losses}", path.display()))
                        .map_err(|error| format!("cannot write {}: {error}", path.display()))
                })
            }
        }));
    }

    /// Reads `path` as `format` and opens the map it makes as a new, unsaved document.
    pub(super) fn import_from(&mut self, format: ImportFormat, path: PathBuf) {
        let name = path.display().to_string();
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(error) => {
                self.notifications.problem(format!("{name}: cannot read the file: {error}"));
                return;
            }
        };
        match import::import(&bytes, format) {
            Ok(imported) => {
                let stem = path.file_stem().map_or_else(|| "Imported".to_owned(), |s| s.to_string_lossy().into_owned());
                let mut document = Document::new(crate::model::Map::default(), None, format!("{stem}.ron"));
                let transaction = crate::edit::commands::replace_all(
                    document.map(),
                    &imported.map,
                    &format!("Import {}", format.label()),
                );
                if let Err(error) = document.apply(transaction) {
                    self.notifications.problem(format!("The imported map could not be opened: {error}"));
                    return;
                }
                self.replace_document(document);
                if !imported.notices.is_empty() {
                    let lines: Vec<String> = imported.notices.iter().map(|notice| format!("{name}:{notice}")).collect();
                    self.notifications.problem(format!(
                        "Imported, but some of the file has no place in an Argline map:\n\n{}",
                        lines.join("\n")
                    ));
                }
            }
            Err(error) => {
                self.notifications.problem(format!("Nothing was imported.\n\n{}", error.lines(&name).join("\n")));
            }
        }
    }
}
