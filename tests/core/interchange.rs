//! Round trips through the interchange formats, the export and import
//! commands, and escaping of hostile text in every format.

use crate::run_argline;
use argline::export::{ExportOptions, Format, export};
use argline::import::{ImportFormat, import};
use argline::model::{ItemRef, LinkTo, Map, Relation};
use std::collections::BTreeSet;
use std::path::Path;

const SAMPLES: [&str; 2] = ["tutorial.ron", "us_china_cyber_2013_2015.ron"];

fn sample(name: &str) -> Map {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_maps").join(name);
    argline::format::load_file(&path).expect("the sample map is valid")
}

fn through(map: &Map, format: Format, from: ImportFormat) -> Map {
    let bytes = export(map, format, &ExportOptions::default()).expect("exports");
    let imported = import(&bytes, from).unwrap_or_else(|error| panic!("{format:?} imports: {error}"));
    assert!(argline::model::validate::validate(&imported.map).is_empty());
    imported.map
}

/// Every claim as (id, kind, text).
fn claims(map: &Map) -> BTreeSet<(String, String, String)> {
    map.claims.iter().map(|c| (c.id.to_string(), c.kind.label().to_owned(), c.text.clone())).collect()
}

/// Every event as (id, date, end, title, lane name).
fn events(map: &Map) -> BTreeSet<(String, String, String, String, String)> {
    map.events
        .iter()
        .map(|e| {
            let lane = map.lane(&e.lane).map_or(String::new(), |lane| lane.name.clone());
            (
                e.id.to_string(),
                e.date.to_string(),
                e.end.map(|d| d.to_string()).unwrap_or_default(),
                e.title.clone(),
                lane,
            )
        })
        .collect()
}

/// A link named by what it joins, so that link ids may differ.
fn describe(map: &Map, item: &ItemRef) -> String {
    match item {
        ItemRef::Link(id) => map.link(id).map_or_else(
            || format!("missing link {id}"),
            |link| format!("({} → {})", describe(map, &link.source_item()), describe(map, &link.target_item())),
        ),
        other => other.slug().to_owned(),
    }
}

/// Every relation as (from, to, relation), links on links resolved.
/// The map's relations; neutral links left out, as the foreign formats have no
/// neutral relation (AIF drops them, Argdown keeps them as comments).
fn relations(map: &Map) -> BTreeSet<(String, String, String)> {
    map.links
        .iter()
        .filter(|link| link.relation != Relation::Neutral)
        .map(|link| {
            let to = match &link.to {
                LinkTo::Claim(id) => id.to_string(),
                LinkTo::Link(_) => describe(map, &link.target_item()),
            };
            (describe(map, &link.source_item()), to, link.relation.label().to_owned())
        })
        .collect()
}

#[test]
fn json_gives_back_the_same_map() {
    for name in SAMPLES {
        let map = sample(name);
        let json = export(&map, Format::Json, &ExportOptions::default()).expect("exports");
        let back: Map = serde_json::from_slice(&json).expect("reads back");
        assert_eq!(back, map, "{name}");
        assert!(
            argline::format::to_ron_string(&back).expect("ron") == argline::format::to_ron_string(&map).expect("ron")
        );
    }
}

#[test]
fn aif_keeps_every_claim_event_relation_and_position() {
    for name in SAMPLES {
        let map = sample(name);
        let back = through(&map, Format::Aif, ImportFormat::Aif);
        assert_eq!(claims(&back), claims(&map), "{name}");
        assert_eq!(events(&back), events(&map), "{name}");
        assert_eq!(relations(&back), relations(&map), "{name}");
        for claim in &map.claims {
            assert_eq!(back.claim(&claim.id).map(|c| c.position), Some(claim.position), "{name}: {}", claim.id);
        }
        for event in map.events.iter().filter(|event| event.position.is_some()) {
            assert_eq!(back.event(&event.id).and_then(|e| e.position), event.position, "{name}: {}", event.id);
        }
        let strengths = |m: &Map| {
            let related = m.links.iter().filter(|l| l.relation != Relation::Neutral);
            related.map(|l| (describe(m, &l.source_item()), l.strength)).collect::<BTreeSet<_>>()
        };
        assert_eq!(strengths(&back), strengths(&map), "{name}");
    }
}

#[test]
fn argdown_keeps_every_claim_event_and_relation() {
    for name in SAMPLES {
        let map = sample(name);
        let back = through(&map, Format::Argdown, ImportFormat::Argdown);
        assert_eq!(claims(&back), claims(&map), "{name}");
        assert_eq!(events(&back), events(&map), "{name}");
        assert_eq!(relations(&back), relations(&map), "{name}");
        for claim in &map.claims {
            let back_claim = back.claim(&claim.id).expect("same id");
            assert_eq!((back_claim.position, &back_claim.tags), (claim.position, &claim.tags), "{name}");
        }
    }
}

#[test]
fn csv_and_timelinejs_keep_every_event() {
    for name in SAMPLES {
        let map = sample(name);
        for (format, from) in [(Format::Csv, ImportFormat::Csv), (Format::TimelineJs, ImportFormat::TimelineJs)] {
            let back = through(&map, format, from);
            assert_eq!(events(&back), events(&map), "{name} through {format:?}");
            let details: BTreeSet<_> = back.events.iter().map(|e| e.detail.clone()).collect();
            for event in map.events.iter().filter(|e| !e.detail.is_empty()) {
                assert!(details.iter().any(|d| d.starts_with(&event.detail)), "{name} {format:?}: {}", event.id);
            }
        }
    }
}

#[test]
fn imported_claims_without_positions_are_laid_out_apart() {
    let text = "[a]: A\n  + [b]: B\n  + [c]: C\n  - [d]: D\n    + [e]: E\n";
    let map = import(text.as_bytes(), ImportFormat::Argdown).expect("imports").map;
    let positions: BTreeSet<(i64, i64)> =
        map.claims.iter().map(|c| (c.position.x as i64, c.position.y as i64)).collect();
    assert_eq!(positions.len(), 5, "every claim has its own place");
    let y = |id: &str| map.claims.iter().find(|c| c.id.as_str() == id).map(|c| c.position.y).unwrap_or_default();
    assert!(y("a") < y("b") && y("b") == y("d") && y("d") < y("e"), "conclusions above their reasons");
}

/// A map whose texts are made to break every format that forgets to escape.
fn hostile_map() -> Map {
    let mut map = sample("tutorial.ron");
    let hostile = "=HYPERLINK(\"x\") <script>alert('&')</script> [x] *y* _z_ #tag {w} | a \\ b";
    map.meta.title = hostile.to_owned();
    map.claims[0].text = hostile.to_owned();
    map.events[0].title = format!("-{hostile}");
    map.events[0].detail = "@SUM(A1)\nsecond line, \"quoted\"".to_owned();
    map
}

#[test]
fn user_text_is_escaped_in_every_format() {
    let map = hostile_map();
    let text =
        |format| String::from_utf8(export(&map, format, &ExportOptions::default()).expect("exports")).expect("utf-8");
    let svg = text(Format::Svg);
    resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default()).expect("still valid SVG");
    assert!(!svg.contains("<script>") && svg.contains("&lt;script&gt;"));
    let csv = text(Format::Csv);
    assert!(csv.contains(",\"'-=HYPERLINK(") && csv.contains("\"'@SUM(A1)\nsecond line, \"\"quoted\"\"\""), "{csv}");
    let markdown = text(Format::Markdown);
    assert!(markdown.contains("\\<script\\>") && markdown.contains("\\[x\\] \\*y\\* \\_z\\_ \\#tag"));
    assert!(!markdown.contains("| a \\ b"), "a pipe would split a table cell");
    let timeline = text(Format::TimelineJs);
    assert!(!timeline.contains("<script>") && timeline.contains("&lt;script&gt;"));
    let dot = text(Format::Dot);
    assert!(dot.contains("=HYPERLINK(\\\"x\\\")"));
    for (format, from) in [
        (Format::Argdown, ImportFormat::Argdown),
        (Format::Aif, ImportFormat::Aif),
        (Format::Csv, ImportFormat::Csv),
        (Format::TimelineJs, ImportFormat::TimelineJs),
    ] {
        let back = through(&map, format, from);
        let title = format!("-{}", map.claims[0].text);
        assert!(back.events.iter().any(|e| e.title == title), "{format:?} keeps the event title exactly");
        if format != Format::Csv && format != Format::TimelineJs {
            assert!(back.claims.iter().any(|c| c.text == map.claims[0].text), "{format:?} keeps the claim text");
        }
    }
}

#[test]
fn the_export_command_prints_text_and_writes_files() {
    let output = run_argline(&["export", "sample_maps/tutorial.ron", "--format", "csv"]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let map = sample("tutorial.ron");
    assert_eq!(output.stdout, export(&map, Format::Csv, &ExportOptions::default()).expect("exports"));
    let png_to_terminal = run_argline(&["export", "sample_maps/tutorial.ron", "--format", "png"]);
    assert_eq!(png_to_terminal.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&png_to_terminal.stderr).contains("-o FILE"));
    let folder = tempfile::tempdir().expect("temp folder");
    let png = folder.path().join("map.png");
    let written = run_argline(&[
        "export",
        "sample_maps/tutorial.ron",
        "--format",
        "png",
        "--scale",
        "0.5",
        "-o",
        png.to_str().expect("utf-8"),
    ]);
    assert_eq!(written.status.code(), Some(0), "{}", String::from_utf8_lossy(&written.stderr));
    assert!(std::fs::read(&png).expect("written").starts_with(b"\x89PNG"));
    assert_eq!(run_argline(&["export", "sample_maps/tutorial.ron", "--format", "docx"]).status.code(), Some(2));
}

#[test]
fn the_import_command_writes_a_valid_map_and_reports_problems_with_positions() {
    let folder = tempfile::tempdir().expect("temp folder");
    let argdown = folder.path().join("map.argdown");
    std::fs::write(&argdown, "[a]: A claim\n  + [b]: A reason\n\n(1) a premise\n").expect("written");
    let out = folder.path().join("map.ron");
    let paths = (argdown.to_str().expect("utf-8"), out.to_str().expect("utf-8"));
    let output = run_argline(&["import", paths.0, "--from", "argdown", "-o", paths.1]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("map.argdown:4:1: skipped: numbered statements with no inference line"), "{stderr}");
    assert_eq!(run_argline(&["validate", paths.1]).status.code(), Some(0));
    std::fs::write(&argdown, "  + [a]: nothing above it\n").expect("written");
    let failed = run_argline(&["import", paths.0, "--from", "argdown", "-o", paths.1]);
    assert_eq!(failed.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&failed.stderr).contains("map.argdown:1:3: this relation has no statement"));
}

#[test]
fn an_empty_map_exports_in_every_format_and_imports_back() {
    let map = Map::default();
    // Slides are a folder, one file per story step: tests/slides.rs covers them.
    for format in Format::ALL.into_iter().filter(|format| !format.is_folder()) {
        let bytes = export(&map, format, &ExportOptions::default()).unwrap_or_else(|e| panic!("{format:?}: {e}"));
        assert!(!bytes.is_empty(), "{format:?}");
    }
    for (format, from) in [(Format::Argdown, ImportFormat::Argdown), (Format::Aif, ImportFormat::Aif)] {
        let back = through(&map, format, from);
        assert!(back.claims.is_empty() && back.links.is_empty(), "{format:?}");
        assert_eq!(back.meta.title, map.meta.title);
    }
}
