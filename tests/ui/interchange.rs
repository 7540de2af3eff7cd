//! File ▸ Export and File ▸ Import in the window (egui_kittest, typed paths):
//! an export runs off the UI thread and writes the file; an import opens the
//! map it makes as a new, unsaved document (a Kialo discussion too, with what
//! it could not keep listed).

use argline::ui::{ArglineApp, Document};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn harness_on(document: Document) -> Harness<'static, ArglineApp> {
    crate::harness::harness_with(crate::harness::app(document).without_system_dialogs(), 0.25)
}

fn choose(harness: &mut Harness<'_, ArglineApp>, menu: &str, item: &str) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label(menu).click();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
}

/// Exports the case study from the File menu as `item` to `path`, and waits
/// (the export runs on its own thread: frames go on until it reports) for a
/// notice containing `notice`; whether it came.
fn export_and_wait_for(item: &str, path: &Path, notice: &str) -> bool {
    let mut harness = harness_on(crate::harness::case_study());
    choose(&mut harness, "Export", item);
    crate::harness::type_path_and_confirm(&mut harness, path, "Export");
    (0..200).any(|_| {
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
        harness.query_by_label_contains(notice).is_some()
    })
}

#[test]
fn exporting_from_the_file_menu_writes_the_file_off_the_ui_thread() {
    let folder = tempfile::tempdir().expect("scratch folder");
    let path = folder.path().join("report.md");
    let written = export_and_wait_for("Markdown report…", &path, "Exported to");
    assert!(written, "no notice that the export was written");
    let report = std::fs::read_to_string(&path).expect("the report was written");
    assert!(report.contains("Why did China sign?"), "{}", &report[..report.len().min(200)]);
}

#[test]
fn an_export_says_what_its_format_cannot_hold() {
    let folder = tempfile::tempdir().expect("scratch folder");
    let path = folder.path().join("map.argdown");
    let noted = "quotes and citations are not written: Argdown has no place for them";
    assert!(export_and_wait_for("Argdown…", &path, noted), "no note of the quotes Argdown cannot hold");
}

#[test]
fn importing_csv_events_opens_them_as_a_new_unsaved_map() {
    let folder = tempfile::tempdir().expect("scratch folder");
    let csv = folder.path().join("events.csv");
    let map = argline::format::load_file(Path::new("sample_maps/tutorial.ron")).expect("loads");
    let bytes = argline::export::export(&map, argline::export::Format::Csv, &Default::default()).expect("exports");
    std::fs::write(&csv, bytes).expect("writes");

    let document = Document::open(PathBuf::from("sample_maps/tutorial.ron")).expect("opens");
    let mut harness = harness_on(document);
    choose(&mut harness, "Import", "CSV of events…");
    crate::harness::type_path_and_confirm(&mut harness, &csv, "Import");
    let imported = harness.state().document();
    assert_eq!(imported.map().events.len(), map.events.len());
    assert!(imported.map().claims.is_empty());
    assert!(imported.path.is_none(), "an import is a new map, saved where the user says");
    assert!(harness.state().window_title().starts_with("• events.ron"), "{}", harness.state().window_title());
}

#[test]
fn importing_a_kialo_discussion_opens_its_claims_and_lists_what_was_not_kept() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/kialo/crlf_bom_missing_number.txt");
    let mut harness = harness_on(crate::harness::case_study());
    choose(&mut harness, "Import", "Kialo discussion…");
    crate::harness::type_path_and_confirm(&mut harness, &path, "Import");
    harness.run();
    let imported = harness.state().document();
    assert_eq!(imported.map().claims.len(), 5);
    assert_eq!(imported.map().meta.title, "Should the town build a skate park?");
    assert!(harness.query_by_label_contains("6:1: skipped: claim 1.3. is not in the file").is_some());
}

#[test]
fn the_file_menu_exports_the_handout_and_the_web_page() {
    let folder = tempfile::tempdir().expect("scratch folder");
    let pdf = folder.path().join("handout.pdf");
    assert!(export_and_wait_for("PDF handout…", &pdf, "Exported to"), "no notice that the PDF was written");
    assert!(std::fs::read(&pdf).expect("the PDF was written").starts_with(b"%PDF-"));
    let html = folder.path().join("map.html");
    assert!(export_and_wait_for("Web page (one HTML file)…", &html, "Exported to"), "no notice for the page");
    let page = std::fs::read_to_string(&html).expect("the page was written");
    assert!(page.contains("Why did China sign?") && page.contains("<svg"), "{}", &page[..page.len().min(200)]);
}
