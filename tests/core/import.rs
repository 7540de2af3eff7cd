//! Malformed and truncated input to every importer: a positioned error a user
//! can act on, never a panic. Each file under `tests/data/import/` is named
//! for what is wrong with it.

use argline::export::{ExportOptions, Format, export};
use argline::import::{ImportError, ImportFormat, import};
use std::path::Path;

/// (file, format, expected `LINE:COL: message` start).
const CASES: [(&str, ImportFormat, &str); 12] = [
    ("orphan_relation.argdown", ImportFormat::Argdown, "1:3: this relation has no statement or argument above it"),
    ("truncated.aif.json", ImportFormat::Aif, "5:34: the AIF JSON ends too early"),
    ("not_aif.json", ImportFormat::Aif, "1:1: no AIF graph"),
    ("bad_node_id.aif.json", ImportFormat::Aif, "1:26: not AIF JSON: an id must be a string or a whole number"),
    ("unclosed_quote.csv", ImportFormat::Csv, "2:12: this quoted cell is never closed"),
    ("bad_date.csv", ImportFormat::Csv, "3:1: \"2015-9-26\" is not a date"),
    ("no_title_column.csv", ImportFormat::Csv, "1:1: no \"title\" column"),
    ("end_before_start.csv", ImportFormat::Csv, "2:12: the span ends (2014-01) before it starts (2015-06)"),
    ("stray_quote.csv", ImportFormat::Csv, "2:15: a quote inside an unquoted cell"),
    ("missing_year.timeline.json", ImportFormat::TimelineJs, "4:7: the start date of slide 1 has no year"),
    ("impossible_month.timeline.json", ImportFormat::TimelineJs, "4:6: 2015-13 is not a date on the calendar"),
    ("truncated.timeline.json", ImportFormat::TimelineJs, "4:30: the TimelineJS JSON ends too early"),
];

fn first_problem(error: &ImportError) -> String {
    match error {
        ImportError::Problems { problems } => problems.first().map(ToString::to_string).unwrap_or_default(),
        other => panic!("expected a positioned problem, got {other}"),
    }
}

#[test]
fn malformed_files_fail_at_the_place_of_the_fault() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/import");
    let mut wrong = Vec::new();
    for (name, format, expected) in CASES {
        let bytes = std::fs::read(folder.join(name)).unwrap_or_else(|error| panic!("{name}: {error}"));
        match import(&bytes, format) {
            Ok(_) => wrong.push(format!("{name}: imported, expected {expected}")),
            Err(error) if !first_problem(&error).starts_with(expected) => {
                wrong.push(format!("{name}: got \"{}\", expected \"{expected}…\"", first_problem(&error)));
            }
            Err(_) => {}
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn text_that_is_not_utf8_is_refused_where_it_stops_being_text() {
    for format in ImportFormat::ALL {
        let error = import(b"date,title\n2015-01-01,caf\xe9\n", format).expect_err("not UTF-8");
        assert!(first_problem(&error).starts_with("2:15: the file is not UTF-8"), "{format:?}: {error}");
    }
}

#[test]
fn every_prefix_of_every_export_imports_or_fails_with_a_position() {
    let map = argline::format::load_str(argline::CASE_STUDY_RON, "case.ron").expect("valid");
    let pairs = [
        (Format::Argdown, ImportFormat::Argdown),
        (Format::Aif, ImportFormat::Aif),
        (Format::Csv, ImportFormat::Csv),
        (Format::TimelineJs, ImportFormat::TimelineJs),
    ];
    for (format, from) in pairs {
        let text = String::from_utf8(export(&map, format, &ExportOptions::default()).expect("exports")).expect("utf-8");
        let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(97).chain([text.len()]).collect();
        for cut in cuts {
            let prefix = &text[..cut];
            let lines = prefix.lines().count().max(1) + 1;
            match import(prefix.as_bytes(), from) {
                Ok(imported) => assert!(argline::model::validate::validate(&imported.map).is_empty()),
                Err(ImportError::Problems { problems }) => {
                    assert!(!problems.is_empty(), "{from:?} at {cut}: no problem given");
                    for problem in problems {
                        let position = problem.position;
                        assert!(
                            position.line >= 1 && position.col >= 1 && position.line <= lines,
                            "{from:?} at {cut}: {problem}"
                        );
                    }
                }
                Err(other) => panic!("{from:?} cut at byte {cut}: an unpositioned error: {other}"),
            }
        }
    }
}

#[test]
fn garbage_never_panics() {
    let inputs: [&[u8]; 7] = [b"", b"\xef\xbb\xbf", b"{", b"[]", b"\"\"\"", b"+> -> _> <_\n  + [\n", b"null"];
    for input in inputs {
        for format in ImportFormat::ALL {
            let _ = import(input, format);
        }
    }
}

#[test]
fn argdown_s_other_constructs_are_read() {
    let text = "===\ntitle: Reasons\nauthor:\n  - nested\n===\n\n[a]: A\n  >< [b]: B\n\n<arg>\n\n(1) P\n----\n(2) C\n\n* a list\n";
    let imported = import(text.as_bytes(), ImportFormat::Argdown).expect("imports");
    assert_eq!(imported.map.meta.title, "Reasons");
    assert_eq!(imported.map.meta.authors, ["nested"]);
    assert_eq!(imported.map.claims.len(), 6, "a, b, the argument, P, C and the list's item");
    assert_eq!(imported.map.links.len(), 3, "a >< b, P → C, and the argument → C");
    assert!(imported.notices.is_empty(), "{:?}", imported.notices);
}

#[test]
fn an_inference_that_repeats_a_relation_is_that_relation_s_link() {
    let text = "[budget]: The council wanted to save money\n  + [vote]: The council voted to cut maintenance\n    +> <vote-inference>\n\n<vote-inference> {strength: \"moderate\"}\n  +> [budget]\n\n[timing]: The vote may have come later\n  _> <vote-inference>\n";
    let imported = import(text.as_bytes(), ImportFormat::Argdown).expect("imports");
    let links = &imported.map.links;
    assert_eq!(links.len(), 2, "{links:#?}");
    let undercut = links.iter().find(|link| link.relation == argline::model::Relation::Undercuts).expect("kept");
    assert_eq!(undercut.to, argline::model::LinkTo::Link(links[0].id.clone()), "the undercut aims at vote → budget");
    let notices: Vec<String> = imported.notices.iter().map(ToString::to_string).collect();
    assert_eq!(notices, ["6:3: skipped: the same two items are already joined by link \"vote-budget\""]);
}

#[test]
fn positions_off_the_canvas_are_reported_and_laid_out() {
    let argdown = "[a]: A claim {x: 1e30, y: 0}\n";
    let imported = import(argdown.as_bytes(), ImportFormat::Argdown).expect("imports");
    let notices: Vec<String> = imported.notices.iter().map(ToString::to_string).collect();
    assert!(notices.iter().any(|n| n.starts_with("1:1: skipped: position (")), "{notices:?}");
    assert!(imported.map.claims[0].position.x.abs() < 1.0e6);
    let aif = "{\"nodes\": [{\"nodeID\": 1, \"text\": \"A\", \"type\": \"I\"}], \"edges\": [],\n \"OVA\": {\"nodes\": [{\"nodeID\": 1, \"x\": 1e30, \"y\": 0}]}}";
    let imported = import(aif.as_bytes(), ImportFormat::Aif).expect("imports");
    let notices: Vec<String> = imported.notices.iter().map(ToString::to_string).collect();
    assert!(
        notices.iter().any(|n| n.starts_with("2:34: skipped: position (1e30, 0.0) is off the canvas")),
        "{notices:?}"
    );
}

#[test]
fn xaif_with_dialogue_keeps_the_argument_and_reports_the_dialogue() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/import/xaif_dialogue.json");
    let imported = import(&std::fs::read(path).expect("fixture"), ImportFormat::Aif).expect("imports");
    let texts: Vec<&str> = imported.map.claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["The bridge is unsafe", "The girders are corroded", "The report is old"]);
    let relations: Vec<_> = imported.map.links.iter().map(|l| (l.relation, l.to.clone())).collect();
    assert_eq!(relations.len(), 2);
    assert_eq!(
        relations[0],
        (argline::model::Relation::Supports, argline::model::LinkTo::Claim("the-bridge-is-unsafe".into()))
    );
    assert_eq!(
        relations[1],
        (argline::model::Relation::Undercuts, argline::model::LinkTo::Link(imported.map.links[0].id.clone()))
    );
    let notices: Vec<String> = imported.notices.iter().map(ToString::to_string).collect();
    assert!(notices.iter().any(|n| n.starts_with("4:8: skipped: L-node \"1\"")), "{notices:#?}");
    assert!(notices.iter().any(|n| n.starts_with("6:8: skipped: YA-node \"3\"")), "{notices:#?}");
}
